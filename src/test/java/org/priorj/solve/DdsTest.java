package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.priorj.physics.Identity;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Shape;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;

/** The DDS checks of ALGORITHMS.md §7.2 with a scalar Gaussian oracle prior N(m, s^2). */
class DdsTest {

	private static final DiffusionSchedule SCHEDULE = DiffusionSchedule.linear();

	/** The exact noise predictor of N(m, s^2) per pixel; remembers the last x_t it saw. */
	private static final class Oracle implements EpsilonModel {

		final double m, s2;
		float[] lastXt;

		Oracle(final double m, final double s) {
			this.m = m;
			this.s2 = s * s;
		}

		@Override
		public int channels() {
			return 1;
		}

		@Override
		public float[] eps(final float[] xt, final Shape nchw, final double abar) {
			lastXt = xt.clone();
			final double c = abar * s2 + 1 - abar;
			final float[] e = new float[xt.length];
			for (int i = 0; i < xt.length; i++)
				e[i] = (float) (Math.sqrt(1 - abar) * (xt[i] - Math.sqrt(abar) * m) / c);
			return e;
		}

		/** E[x0 | x_t] = m + sqrt(abar) s^2 (x_t - sqrt(abar) m) / c_t. */
		double tweedie(final double xt, final double abar) {
			return m + Math.sqrt(abar) * s2 * (xt - Math.sqrt(abar) * m) / (abar * s2 + 1 - abar);
		}
	}

	private static Shape batch(final int n) {
		return Shape.of(1, 1, 1, n);
	}

	@Test
	void visitsTheReferencePairs() {
		final int[] t50 = new Dds(SCHEDULE).times();
		assertEquals(50, t50.length);
		assertEquals(980, t50[0]);
		assertEquals(960, t50[1]);
		assertEquals(0, t50[49]);
		final int[] t = new Dds(SCHEDULE).withSteps(50).withStartTime(100).times();
		assertEquals(50, t.length);
		assertEquals(98, t[0]);
		assertEquals(0, t[49]);
		// more steps than times: every time once
		assertEquals(30, new Dds(SCHEDULE).withSteps(50).withStartTime(30).times().length);
	}

	@Test
	void tweedieEstimateIsTheOraclePosteriorMean() {
		final Oracle oracle = new Oracle(0.3, 0.5);
		final List<float[]> x0s = new ArrayList<>();
		final List<float[]> xts = new ArrayList<>();
		final Dds dds = new Dds(SCHEDULE).withSteps(10).withSeed(4);
		final int[] ts = dds.times();
		dds.run(Shape.of(8, 8), null, oracle, batch(64), x -> {
			x0s.add(x.clone());
			xts.add(oracle.lastXt);
		}, Progress.NONE);
		assertEquals(10, x0s.size());
		for (int k = 0; k < ts.length; k++) {
			final double abar = SCHEDULE.alphaBar(ts[k]);
			for (int i = 0; i < 64; i++)
				assertEquals(oracle.tweedie(xts.get(k)[i], abar), x0s.get(k)[i], 2e-4 * Math.max(1, Math
					.abs(x0s.get(k)[i])), "step " + k + " pixel " + i);
		}
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, 0.5, 1 })
	void fullNoiselessObservationReturnsTheData(final double eta) {
		final float[] y = new float[64];
		final Random r = new Random(2);
		for (int i = 0; i < y.length; i++) y[i] = (float) r.nextGaussian();
		final Result res = new Dds(SCHEDULE).withSteps(20).withEta(eta).withCgIterations(1).solve(
			new Identity(Shape.of(8, 8)), y, null, new Oracle(0, 1), batch(64), Progress.NONE);
		assertArrayEquals(y, res.estimate(), 1e-5f);
		assertEquals(20, res.iterations());
	}

	/**
	 * With no data consistency, u_t = x_t - sqrt(abar_t) m follows u_s = a u_t + sqrt(1 - abar_s) eta
	 * z, a = [sqrt(abar_s abar_t) s^2 + sqrt((1 - abar_s)(1 - eta^2)(1 - abar_t))] / c_t: the
	 * variance of 10^5 chains at every step matches the recursion (within 4 standard errors).
	 */
	@ParameterizedTest
	@ValueSource(doubles = { 0, 0.5, 0.85, 1 })
	void oneStepVarianceLawPinsTheEtaConvention(final double eta) {
		final int n = 100_000;
		final double m = 0.3, s = 0.5;
		final Oracle oracle = new Oracle(m, s);
		final Dds dds = new Dds(SCHEDULE).withSteps(20).withEta(eta).withCgIterations(0).withSeed(11);
		final int[] ts = dds.times();
		final List<Double> empirical = new ArrayList<>();
		dds.run(Shape.of(n), null, oracle, batch(n), x -> {
			double sum = 0, sq = 0;
			for (final float v : oracle.lastXt) {
				sum += v;
				sq += (double) v * v;
			}
			empirical.add(sq / n - (sum / n) * (sum / n));
		}, Progress.NONE);
		double var = 1; // x_T ~ N(0, 1)
		for (int k = 0; k < ts.length; k++) {
			assertEquals(var, empirical.get(k), 4 * var * Math.sqrt(2.0 / n), "step " + k + " (t = " +
				ts[k] + ")");
			if (k + 1 == ts.length) break;
			final double at = SCHEDULE.alphaBar(ts[k]), as = SCHEDULE.alphaBar(ts[k + 1]);
			final double c = at * s * s + 1 - at;
			final double a = (Math.sqrt(as * at) * s * s + Math.sqrt((1 - as) * (1 - eta * eta) * (1 -
				at))) / c;
			var = a * a * var + (1 - as) * eta * eta;
		}
	}

	@Test
	void regularisedConsistencyBlendsTheEstimateWithTheData() {
		// one step at t = 0: x0' solves (I + gamma M) x = x0_hat + gamma M y for a mask M
		final float[] mask = new float[16];
		for (int i = 0; i < 16; i += 3) mask[i] = 1;
		final MaskOperator a = new MaskOperator(4, 4, mask);
		final float[] y = a.range().newArray();
		for (int i = 0; i < y.length; i++) y[i] = 2 + i;
		final Oracle oracle = new Oracle(0.5, 0.4);
		final double gamma = 3;
		final Result res = new Dds(SCHEDULE).withSteps(1).withStartTime(1).withGamma(gamma)
			.withCgIterations(20).withSeed(5).solve(a, y, new float[16], oracle, batch(16),
				Progress.NONE);
		final float[] fill = a.adjoint(y);
		final double abar = SCHEDULE.alphaBar(0);
		for (int i = 0; i < 16; i++) {
			final double x0 = oracle.tweedie(oracle.lastXt[i], abar);
			final double expected = mask[i] > 0 ? (x0 + gamma * fill[i]) / (1 + gamma) : x0;
			assertEquals(expected, res.estimate()[i], 1e-4, "pixel " + i);
		}
	}

	@Test
	void cancelledRunReturnsTheLastConsistentEstimate() {
		final List<float[]> x0s = new ArrayList<>();
		final int[] reports = { 0 };
		final Progress stopAfterThree = new Progress() {

			@Override
			public void report(final String task, final int done, final int total) {
				reports[0] = done;
			}

			@Override
			public boolean isCancelled() {
				return reports[0] >= 3;
			}
		};
		final Result r = new Dds(SCHEDULE).withSteps(10).run(Shape.of(4, 4), null, new Oracle(0, 1),
			batch(16), x -> x0s.add(x.clone()), stopAfterThree);
		assertTrue(r.cancelled());
		assertEquals(3, r.iterations());
		assertArrayEquals(x0s.get(2), r.estimate());
	}

	@Test
	void badSettingsAreRefusedByName() {
		ConjugateGradientTest.assertNames("eta", () -> new Dds(SCHEDULE).withEta(1.5));
		ConjugateGradientTest.assertNames("steps", () -> new Dds(SCHEDULE).withSteps(0));
		ConjugateGradientTest.assertNames("gamma", () -> new Dds(SCHEDULE).withGamma(-1));
		ConjugateGradientTest.assertNames("cg_iterations", () -> new Dds(SCHEDULE).withCgIterations(
			-1));
		ConjugateGradientTest.assertNames("start_time", () -> new Dds(SCHEDULE).withStartTime(0));
		ConjugateGradientTest.assertNames("init", () -> new Dds(SCHEDULE).solve(new Identity(Shape.of(
			4, 4)), new float[16], new float[15], new Oracle(0, 1), batch(16), Progress.NONE));
	}
}
