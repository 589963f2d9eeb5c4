package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.prior.DiagonalGaussianDenoiser;

/**
 * DiffusionMBIR's VE sampler against shared ALGORITHMS §7.3: the schedule's values, the predictor's
 * and corrector's updates drawn with a twin random stream, Tweedie's score of the exact Gaussian
 * denoiser, and the unconditional sampler's moments with that score.
 */
class VePredictorCorrectorTest {

	private static final double M = 0.3, S = 0.1;

	/** The exact score of N(M, S^2) per pixel. */
	private static final VePredictorCorrector.Score ORACLE = (x, nchw, sigma) -> {
		final float[] s = new float[x.length];
		for (int i = 0; i < s.length; i++) s[i] = (float) (-(x[i] - M) / (S * S + sigma * sigma));
		return s;
	};

	@Test
	void theScheduleHasDiffusionMbirsLevelsAndTimes() {
		final VeSchedule v = VeSchedule.diffusionMbir();
		assertEquals(2000, v.steps());
		assertEquals(0.01, v.sigma(0), 1e-12);
		assertEquals(0.0100529, v.sigma(1), 1e-7);
		assertEquals(376.012, v.sigma(1998), 1e-3);
		assertEquals(378, v.sigma(1999), 1e-9);
		assertEquals(0, v.below(0));
		assertEquals(v.sigma(1998), v.below(1999));
		assertEquals(1, v.time(0));
		assertEquals(1e-5, v.time(1999), 1e-15);
		assertEquals(1999, v.level(0));
		assertEquals(0, v.level(1999));
		assertEquals(1000, v.level(999), "floor(t (N - 1)) at t = 1 - 999 (1 - 1e-5) / 1999");
		assertEquals(378, v.sigmaAt(1), 1e-9);
		assertEquals(0.01 * Math.pow(37800, 0.5), v.sigmaAt(0.5), 1e-9);
	}

	@Test
	void tweediesScoreOfTheExactDenoiserIsTheGaussiansScore() {
		final float[] x = { -0.5f, 0.1f, 0.3f, 0.9f };
		final Shape shape = Shape.of(1, 1, 2, 2);
		for (final double sigma : new double[] { 0.05, 1, 20 }) {
			final float[] s = VePredictorCorrector.Score.of(DiagonalGaussianDenoiser.uniform(1, M, S, 0, 1))
				.score(x, shape, sigma);
			final float[] exact = ORACLE.score(x, shape, sigma);
			for (int i = 0; i < x.length; i++) assertEquals(exact[i], s[i], 2e-5 * Math.max(1, Math.abs(
				exact[i])), "sigma " + sigma + " pixel " + i);
		}
	}

	@Test
	void thePredictorMovesAlongTheScoreAndAddsTheLevelsDifferenceInNoise() {
		final float[] x = { 0.2f, -1f, 3f }, s = { 1f, -2f, 0.5f }, x0 = x.clone();
		final SplittableRandom twin = new SplittableRandom(4);
		VePredictorCorrector.predictor(x, s, 2.0, 1.5, new SplittableRandom(4));
		final double dv = 4 - 2.25;
		for (int i = 0; i < x.length; i++) assertEquals(x0[i] + dv * s[i] + Math.sqrt(dv) * twin
			.nextGaussian(), x[i], 1e-5);
	}

	@Test
	void theCorrectorsStepSizeIsTwiceTheSquaredSnrTimesTheBatchMeanNormRatio() {
		final Shape two = Shape.of(2, 1, 1, 3);
		final float[] x = new float[6], s = { 1, 2, 2, 0, 3, 4 };
		final SplittableRandom twin = new SplittableRandom(9);
		final double[] z = new double[6];
		for (int i = 0; i < 6; i++) z[i] = (float) twin.nextGaussian();
		final double zMean = (Math.sqrt(z[0] * z[0] + z[1] * z[1] + z[2] * z[2]) + Math.sqrt(z[3] *
			z[3] + z[4] * z[4] + z[5] * z[5])) / 2, sMean = (3 + 5) / 2.0;
		final double eps = 2 * Math.pow(0.16 * zMean / sMean, 2);
		assertEquals(eps, VePredictorCorrector.corrector(x, s, two, 0.16, new SplittableRandom(9)),
			1e-9);
		for (int i = 0; i < 6; i++) assertEquals(eps * s[i] + Math.sqrt(2 * eps) * z[i], x[i], 1e-6);
		assertEquals(0, VePredictorCorrector.corrector(x, new float[6], two, 0.16,
			new SplittableRandom(1)), "no step along a zero score");
	}

	@Test
	void withTheExactScoreTheSamplerDrawsTheGaussianPlusTheLastLevel() {
		final int chains = 10_000;
		final Shape shape = Shape.of(chains, 1, 1, 1);
		final VeSchedule v = VeSchedule.diffusionMbir();
		final SplittableRandom rnd = new SplittableRandom(3);
		final float[] x = new float[chains];
		for (int i = 0; i < chains; i++) x[i] = (float) (v.sigmaMax() * rnd.nextGaussian());
		final int[] seen = { 0 };
		final Iterations.Outcome o = new VePredictorCorrector(v, VePredictorCorrector.SNR).run(x,
			shape, ORACLE, (j, state) -> seen[0]++, rnd, Progress.NONE);
		assertEquals(2000, seen[0], "the caller's step after every step");
		assertTrue(!o.cancelled);
		double mean = 0, m2 = 0;
		for (final float f : x) mean += f / (double) chains;
		for (final float f : x) m2 += (f - mean) * (f - mean) / (chains - 1);
		final double variance = S * S + v.sigmaMin() * v.sigmaMin();
		assertEquals(M, mean, 0.02 * M);
		assertEquals(variance, m2, 0.04 * variance, "within sampling error of 10^4 chains (1.4 %)");
	}

	@Test
	void refusesBadSchedulesAndSettingsNamingThem() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new VeSchedule(0.5, 0.1, 10))
			.getMessage().contains("'sigma_max'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new VeSchedule(0.01, 1, 1))
			.getMessage().contains("'steps'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new VePredictorCorrector(
			VeSchedule.diffusionMbir(), Double.NaN)).getMessage().contains("'snr'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VeSchedule.diffusionMbir()
			.sigma(2000)).getMessage().contains("'level'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VeSchedule.diffusionMbir()
			.time(2000)).getMessage().contains("'step'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VeSchedule.diffusionMbir()
			.time(-1)).getMessage().contains("'step'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new VeSchedule(0.01, 0.01, 10))
			.getMessage().contains("'sigma_max'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new VePredictorCorrector(
			VeSchedule.diffusionMbir(), 0)).getMessage().contains("'snr'"));
		final VeSchedule two = new VeSchedule(0.5, 2, 2);
		assertEquals(0.5, two.sigmaMin());
		assertEquals(2, two.sigmaMax());
		assertEquals(2, two.sigma(1), 1e-12);
	}
}
