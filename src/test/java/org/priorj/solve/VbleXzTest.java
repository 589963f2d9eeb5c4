package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.Identity;
import org.priorj.physics.MaskOperator;

/**
 * VBLE-xz's closed-form checks (shared ALGORITHMS §7.6), through the solver's own loop with the
 * linear–Gaussian oracle given a variance decoder of constant per-pixel standard deviations: the
 * width factors b reach lambda / (lambda + (A^T A)_ii sigma_theta^2 / sigma^2) where A^T A is
 * diagonal, the samples' spread is b sigma_theta, switching the decoder's spread to zero gives VBLE-z
 * bit for bit, and a smaller rate scale lowers the rate.
 */
class VbleXzTest {

	private static final int N = 6, M = 4;
	private static final Shape IMAGE = Shape.of(1, 1, 1, N);
	private static final double[] C = { 0.3, 0.4, 0.5, 0.45, 0.35, 0.6 };
	private static final double[] STD = { 0.02, 0.05, 0.1, 0.15, 0.2, 0.3 };
	private static final float[] Y = { 0.35f, 0.5f, 0.4f, 0.55f, 0.3f, 0.65f };

	private static RealMatrix decoder(final double scale) {
		final Random r = new Random(1);
		final double[][] m = new double[N][M];
		for (final double[] row : m)
			for (int j = 0; j < M; j++) row[j] = scale * (r.nextDouble() - 0.5);
		return new Array2DRowRealMatrix(m, false);
	}

	private static LinearGaussianLatentPrior oracle(final double scale, final double[] std) {
		return new LinearGaussianLatentPrior(decoder(scale), C).withDecoderStd(std);
	}

	private static Vble xz(final double lambda) {
		return new Vble().withImageNoise(true).withClip(false).withLambda(lambda).withLearningRate(
			0.002).withIterations(8000).withDrawsPerStep(32).withSeed(7);
	}

	@Test
	void widthFactorsReachTheirClosedFormWhenDenoising() {
		final double sigma = 0.1, lambda = 1.5;
		final Vble.Fit f = xz(lambda).fit(new Identity(IMAGE), Y, sigma, toFloat(C), oracle(0.2, STD),
			IMAGE, Progress.NONE);
		final double[] b = f.imageWidths();
		for (int i = 0; i < N; i++) {
			final double expected = Math.sqrt(lambda / (lambda + STD[i] * STD[i] / (sigma * sigma)));
			assertEquals(expected, b[i], 0.03 * expected, "b of pixel " + i);
		}
	}

	@Test
	void missingPixelsKeepTheirWidthFactorAtOneAndObservedOnesReachTheClosedForm() {
		final double sigma = 0.1, lambda = 1;
		final float[] mask = { 1, 0, 1, 0, 1, 1 };
		final float[] y = Y.clone();
		for (int i = 0; i < N; i++) y[i] *= mask[i];
		final Vble.Fit f = xz(lambda).fit(new MaskOperator(1, N, mask), y, sigma, toFloat(C), oracle(
			0.2, STD), IMAGE, Progress.NONE);
		final double[] b = f.imageWidths();
		for (int i = 0; i < N; i++) {
			if (mask[i] == 0) assertEquals(1.0, b[i], 0.0, "missing pixel " + i);
			else {
				final double expected = Math.sqrt(lambda / (lambda + STD[i] * STD[i] / (sigma * sigma)));
				assertEquals(expected, b[i], 0.03 * expected, "observed pixel " + i);
			}
		}
	}

	@Test
	void theSamplesSpreadIsTheWidthFactorTimesTheDecodersStd() {
		// a decoder that ignores z: all the spread is image-space noise b sigma_theta
		final double sigma = 0.1, lambda = 1;
		final Result r = xz(lambda).withSamples(10_000).solve(new Identity(IMAGE), Y, sigma, toFloat(C),
			oracle(0, STD), IMAGE, Progress.NONE);
		final float[] std = r.std().orElseThrow();
		for (int i = 0; i < N; i++) {
			final double b = Math.sqrt(lambda / (lambda + STD[i] * STD[i] / (sigma * sigma)));
			assertEquals(b * STD[i], std[i], 0.05 * b * STD[i], "std of pixel " + i);
			assertEquals(C[i], r.estimate()[i], 4 * b * STD[i] / Math.sqrt(10_000) + 1e-6, "mean " + i);
		}
	}

	@Test
	void withoutDecoderSpreadVbleXzIsVbleZBitForBit() {
		final Vble base = new Vble().withLambda(0.8).withIterations(40).withSamples(6).withSeed(3);
		final Result z = base.solve(new Identity(IMAGE), Y, 0.05, toFloat(C), oracle(0.3, new double[N]),
			IMAGE, Progress.NONE);
		final Result xz = base.withImageNoise(true).solve(new Identity(IMAGE), Y, 0.05, toFloat(C),
			oracle(0.3, new double[N]), IMAGE, Progress.NONE);
		assertArrayEquals(z.estimate(), xz.estimate());
		assertArrayEquals(z.std().orElseThrow(), xz.std().orElseThrow());
		assertArrayEquals(z.history(), xz.history());
		assertEquals("vble-z", z.parameters().get("model"));
		assertEquals("vble-xz", xz.parameters().get("model"));
	}

	@Test
	void aSmallerRateScaleLowersTheRateOfTheFittedLatents() {
		// D(z) = W z: the latents of rho y cost less the smaller rho is
		final LinearGaussianLatentPrior linear = new LinearGaussianLatentPrior(decoder(2), new double[N]);
		double previous = Double.POSITIVE_INFINITY;
		for (final double rho : new double[] { 1, 0.7, 0.4 }) {
			final Vble.Fit f = new Vble().withRateScale(rho).withClip(false).withLambda(1)
				.withLearningRate(0.01).withIterations(1500).withDrawsPerStep(8).withSeed(2).fit(
					new Identity(IMAGE), Y, 0.05, Y, linear, IMAGE, Progress.NONE);
			double rate = 0;
			for (final float v : f.latentCentres()) rate += (double) v * v;
			assertTrue(rate < previous, "rate " + rate + " at rho " + rho + " not below " + previous);
			previous = rate;
		}
	}

	@Test
	void refusesABadRateScaleAndAMissingVarianceDecoderNamingThem() {
		assertRefused("rate_scale", () -> new Vble().withRateScale(0));
		assertRefused("rate_scale", () -> new Vble().withRateScale(1.5));
		assertRefused("rate_scale", () -> new Vble().withRateScale(Double.NaN));
		assertRefused("rate_scale", () -> new Vble().withRateScale(-0.5));
		new Vble().withRateScale(1).withRateScale(1e-3);
		assertRefused("variance_decoder", () -> new Vble().withImageNoise(true).solve(new Identity(
			IMAGE), Y, 0.1, toFloat(C), new LinearGaussianLatentPrior(decoder(1), C), IMAGE,
			Progress.NONE));
	}

	private static void assertRefused(final String parameter, final Executable call) {
		final String message = assertThrows(IllegalArgumentException.class, call).getMessage();
		assertTrue(message.contains("'" + parameter + "'"), message);
	}

	private static float[] toFloat(final double[] d) {
		final float[] f = new float[d.length];
		for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
		return f;
	}
}
