package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.priorj.base.Shape;
import org.priorj.prior.Denoiser;

class TvPriorDenoiserTest {

	private static void assertRefused(final String parameter, final Executable call) {
		final String message = assertThrows(IllegalArgumentException.class, call).getMessage();
		assertTrue(message.contains("'" + parameter + "'"), message);
	}

	/** camera.png at 32 x 32 in [0, 1], plus Gaussian noise of {@code sigma}, seeded. */
	private static float[][] cleanAndNoisy(final double sigma, final long seed) {
		final float[] clean = TestImages.camera(32);
		final Random rnd = new Random(seed);
		final float[] noisy = new float[clean.length];
		for (int i = 0; i < clean.length; i++) {
			clean[i] /= 255;
			noisy[i] = (float) (clean[i] + sigma * rnd.nextGaussian());
		}
		return new float[][] { clean, noisy };
	}

	private static double mse(final float[] a, final float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (double) (a[i] - b[i]);
		return s / a.length;
	}

	@Test
	void eachPlaneIsTvDenoisedWithWeightKappaSigma() {
		final double sigma = 25 / 255.0;
		final Denoiser prior = new TvPriorDenoiser(0.8, 100, 2, 0, 1);
		final Shape batch = Shape.of(2, 2, 32, 32);
		final int n = 32 * 32;
		final float[] x = new float[batch.size()];
		for (int k = 0; k < 4; k++) System.arraycopy(cleanAndNoisy(sigma, k)[1], 0, x, k * n, n);
		final float[] copy = x.clone();
		final float[] out = prior.denoise(x, batch, sigma);
		assertArrayEquals(copy, x);
		final TvDenoiser tv = new TvDenoiser(0.8 * sigma).withIterations(100).withEps(0);
		for (int k = 0; k < 4; k++) {
			assertArrayEquals(tv.denoise(Arrays.copyOfRange(x, k * n, (k + 1) * n), Shape.of(32, 32)),
				Arrays.copyOfRange(out, k * n, (k + 1) * n));
		}
	}

	@Test
	void removesNoiseAndReturnsTheInputAtSigmaZero() {
		final double sigma = 25 / 255.0;
		final float[][] pair = cleanAndNoisy(sigma, 7);
		final Shape batch = Shape.of(1, 1, 32, 32);
		final Denoiser prior = new TvPriorDenoiser();
		final double before = mse(pair[1], pair[0]), after = mse(prior.denoise(pair[1], batch,
			sigma), pair[0]);
		assertTrue(10 * Math.log10(before / after) > 3, "gain " + 10 * Math.log10(before / after) +
			" dB");
		assertArrayEquals(pair[1], prior.denoise(pair[1], batch, 0));
		assertEquals("tv", prior.name());
		assertEquals(0, prior.minSigma(), 0);
	}

	@Test
	void scalingTheDataAndNoiseScalesTheResult() {
		final double sigma = 25 / 255.0;
		final float[] x = cleanAndNoisy(sigma, 3)[1];
		final float[] x255 = new float[x.length];
		for (int i = 0; i < x.length; i++) x255[i] = 255 * x[i];
		final Shape batch = Shape.of(1, 1, 32, 32);
		final Denoiser prior = new TvPriorDenoiser();
		final float[] a = prior.denoise(x, batch, sigma), b = prior.denoise(x255, batch, 25);
		for (int i = 0; i < a.length; i++) assertEquals(255 * a[i], b[i], 1e-3);
	}

	@Test
	void refusesBadInputNamingIt() {
		final Denoiser prior = new TvPriorDenoiser();
		assertRefused("kappa", () -> new TvPriorDenoiser(0, 100, 1, 0, 1));
		assertRefused("iterations", () -> new TvPriorDenoiser(0.8, 0, 1, 0, 1));
		assertRefused("channels", () -> new TvPriorDenoiser(0.8, 100, 0, 0, 1));
		assertRefused("sigma", () -> prior.denoise(new float[16], Shape.of(1, 1, 4, 4), -0.1));
		assertRefused("sigma", () -> prior.denoise(new float[16], Shape.of(1, 1, 4, 4), Double.NaN));
		assertRefused("x", () -> prior.denoise(new float[16], Shape.of(4, 4), 0.1));
		assertRefused("x", () -> prior.denoise(new float[32], Shape.of(1, 2, 4, 4), 0.1));
	}
}
