package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.prior.PriorAssertions.assertRefused;
import static org.priorj.prior.PriorAssertions.gaussian;
import static org.priorj.prior.PriorAssertions.maxAbsDifference;
import static org.priorj.prior.PriorAssertions.uniform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

/** The analytic Gaussian denoisers against their closed forms, computed densely in double. */
class GaussianDenoiserTest {

	private static final double[] SIGMAS = { 0, 0.01, 0.1, 0.5, 2 };

	@Test
	void diagonalPerPixelEqualsClosedForm() {
		final Shape chw = Shape.of(2, 5, 7);
		final int n = chw.size();
		final double[] m = uniform(n, 0.2, 0.8, 1);
		final double[] s = uniform(n, 0.05, 0.4, 2);
		final DiagonalGaussianDenoiser d = DiagonalGaussianDenoiser.perPixel(chw, m, s, 0, 1);
		final Shape batch = Shape.of(3, 2, 5, 7);
		final float[] x = gaussian(batch.size(), 0.5, 0.5, 3);
		final float[] copy = x.clone();
		double worst = 0;
		for (final double sigma : SIGMAS) {
			final float[] out = d.denoise(x, batch, sigma);
			final double[] ref = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				final int j = i % n;
				ref[i] = m[j] + s[j] * s[j] / (s[j] * s[j] + sigma * sigma) * (x[i] - m[j]);
			}
			worst = Math.max(worst, maxAbsDifference(out, ref));
		}
		assertTrue(worst < 1e-7, "max error " + worst);
		assertArrayEquals(copy, x);
		assertArrayEquals(x, d.denoise(x, batch, 0));
	}

	@Test
	void diagonalUniformTakesAnySizeAndShrinksToTheMean() {
		final DiagonalGaussianDenoiser d = DiagonalGaussianDenoiser.uniform(1, 0.25, 0.5, 0, 1);
		final float[] x = { 1.25f, -0.75f, 0.25f };
		// s^2 / (s^2 + sigma^2) = 0.25 / (0.25 + 0.75) = 1/4
		assertArrayEquals(new float[] { 0.5f, 0f, 0.25f }, d.denoise(x, Shape.of(1, 1, 1, 3),
			Math.sqrt(0.75)), 1e-7f);
		assertEquals(0.25, d.mean(12345), 0);
		assertEquals(0.5, d.std(7), 0);
		assertEquals(0, d.minSigma(), 0);
		assertEquals(Double.POSITIVE_INFINITY, d.maxSigma(), 0);
	}

	@Test
	void stationaryEqualsDenseClosedFormOn8x8() {
		final StationaryGaussianDenoiser d = StationaryGaussianDenoiser.parametric(1, 0.4, 0.05,
			0.1, 1, 0, 1);
		assertMatchesDense(d, 8, 8, 1e-6);
	}

	@Test
	void stationaryEqualsDenseClosedFormOnNonSquareImagesWithTwoChannels() {
		final StationaryGaussianDenoiser d = StationaryGaussianDenoiser.parametric(2, -0.1, 0.2,
			0.15, 1.5, -1, 1);
		assertMatchesDense(d, 6, 10, 1e-6);
		assertMatchesDense(d, 5, 7, 1e-6);
	}

	@Test
	void estimatedSpectrumIsThePeriodogramAndItsDenoiserIsExact() {
		final int h = 8, w = 8, n = h * w;
		final Shape batch = Shape.of(3, 1, h, w);
		final float[] images = smoothImages(batch, 4);
		final StationaryGaussianDenoiser d = StationaryGaussianDenoiser.estimate(images, batch, 0, 1);
		double mean = 0;
		for (final float v : images) mean += v;
		mean /= images.length;
		assertEquals(mean, d.mean(), 1e-12);
		final double[] expected = new double[n];
		for (int k = 0; k < 3; k++) {
			final double[] r = DenseGaussian.slice(images, k * n, n);
			for (int i = 0; i < n; i++) r[i] -= mean;
			final double[] p = DenseGaussian.periodogram(r, h, w);
			for (int i = 0; i < n; i++) expected[i] += p[i] / 3;
		}
		final double[] p = d.spectrum(h, w);
		double max = 0;
		for (int i = 1; i < n; i++) max = Math.max(max, expected[i]);
		assertEquals(Math.max(expected[0], max), p[0], 1e-12 * max);
		for (int i = 1; i < n; i++) assertEquals(Math.max(expected[i], 1e-6 * max), p[i], 1e-10 *
			max);
		assertMatchesDense(d, h, w, 1e-6);
	}

	@Test
	void autocovarianceIsTheFirstColumnOfTheDenseCovariance() {
		final StationaryGaussianDenoiser d = StationaryGaussianDenoiser.parametric(1, 0, 1, 0.2, 1,
			0, 1);
		final RealMatrix c = DenseGaussian.circulantCovariance(d.spectrum(6, 8), 6, 8);
		final double[] a = d.autocovariance(6, 8);
		for (int j = 0; j < a.length; j++) assertEquals(c.getEntry(j, 0), a[j], 1e-12);
		double mean = 0;
		for (final double v : d.spectrum(6, 8)) mean += v / 48;
		assertEquals(mean, a[0], 1e-12);
	}

	@Test
	void flatSpectrumIsTheUniformDiagonalPrior() {
		final double[] flat = new double[64];
		Arrays.fill(flat, 0.09);
		final StationaryGaussianDenoiser s = StationaryGaussianDenoiser.ofSpectrum(1, 0.5, 8, 8,
			flat, 0, 1);
		final DiagonalGaussianDenoiser g = DiagonalGaussianDenoiser.uniform(1, 0.5, 0.3, 0, 1);
		final Shape batch = Shape.of(2, 1, 8, 8);
		final float[] x = gaussian(batch.size(), 0.5, 0.4, 5);
		assertTrue(maxAbsDifference(s.denoise(x, batch, 0.2), g.denoise(x, batch, 0.2)) < 1e-6);
	}

	@Test
	void stationaryBatchesRunInParallelAndMatchImageByImage() throws Exception {
		// JTransforms' 2-D plans are not safe for concurrent calls: a shared plan fails here
		final StationaryGaussianDenoiser d = StationaryGaussianDenoiser.parametric(1, 0.5, 0.05,
			0.1, 1, 0, 1);
		final int n = 16 * 16, count = 64;
		final Shape batch = Shape.of(count, 1, 16, 16);
		final float[] x = gaussian(batch.size(), 0.5, 0.4, 9);
		final float[] expected = new float[x.length];
		for (int k = 0; k < count; k++) System.arraycopy(d.denoise(Arrays.copyOfRange(x, k *
			n, (k + 1) * n), Shape.of(1, 1, 16, 16), 0.2), 0, expected, k * n, n);
		final ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			final List<Future<float[]>> runs = new ArrayList<>();
			for (int r = 0; r < 8; r++) runs.add(pool.submit(() -> d.denoise(x, batch, 0.2)));
			for (final Future<float[]> run : runs) assertArrayEquals(expected, run
				.get());
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void refusesBadInputNamingIt() {
		final DiagonalGaussianDenoiser g = DiagonalGaussianDenoiser.uniform(1, 0.5, 0.3, 0, 1);
		final Shape batch = Shape.of(1, 1, 4, 4);
		final float[] x = new float[16];
		assertRefused("std", () -> DiagonalGaussianDenoiser.uniform(1, 0.5, 0, 0, 1));
		assertRefused("std", () -> DiagonalGaussianDenoiser.uniform(1, 0.5, -1, 0, 1));
		assertRefused("std", () -> DiagonalGaussianDenoiser.uniform(1, 0.5, Double.NaN, 0, 1));
		assertRefused("std", () -> DiagonalGaussianDenoiser.perPixel(Shape.of(1, 2, 2), new double[4],
			new double[] { 1, 1, 0, 1 }, 0, 1));
		assertRefused("mean", () -> DiagonalGaussianDenoiser.perPixel(Shape.of(1, 2, 2), new double[3],
			new double[4], 0, 1));
		assertRefused("range", () -> DiagonalGaussianDenoiser.uniform(1, 0.5, 0.3, 1, 0));
		assertRefused("channels", () -> DiagonalGaussianDenoiser.uniform(0, 0.5, 0.3, 0, 1));
		assertRefused("sigma", () -> g.denoise(x, batch, -0.1));
		assertRefused("sigma", () -> g.denoise(x, batch, Double.NaN));
		assertRefused("sigma", () -> g.denoise(x, batch, Double.POSITIVE_INFINITY));
		assertRefused("x", () -> g.denoise(x, Shape.of(1, 4, 4), 0.1));
		assertRefused("x", () -> g.denoise(new float[32], Shape.of(1, 2, 4, 4), 0.1));
		assertRefused("x", () -> g.denoise(new float[15], batch, 0.1));
		assertRefused("x", () -> g.denoise(new float[] { 0, Float.NaN, 0, 0 }, Shape.of(1, 1, 2, 2),
			0.1));
		final DiagonalGaussianDenoiser pixels = DiagonalGaussianDenoiser.perPixel(Shape.of(1, 2, 2),
			new double[4], new double[] { 1, 1, 1, 1 }, 0, 1);
		assertRefused("x", () -> pixels.denoise(x, batch, 0.1));

		final StationaryGaussianDenoiser s = StationaryGaussianDenoiser.parametric(1, 0, 1, 0.2, 1,
			0, 1);
		assertRefused("x", () -> s.denoise(new float[4], Shape.of(1, 1, 1, 4), 0.1));
		assertRefused("sigma", () -> s.denoise(x, batch, -1));
		assertRefused("k0", () -> StationaryGaussianDenoiser.parametric(1, 0, 1, 0, 1, 0, 1));
		final double[] p = new double[16];
		Arrays.fill(p, 1);
		p[1] = 2; // its mirror, index 3, stays 1
		assertRefused("spectrum", () -> StationaryGaussianDenoiser.ofSpectrum(1, 0, 4, 4, p, 0, 1));
		p[1] = -1;
		p[3] = -1;
		assertRefused("spectrum", () -> StationaryGaussianDenoiser.ofSpectrum(1, 0, 4, 4, p, 0, 1));
		assertRefused("spectrum", () -> StationaryGaussianDenoiser.ofSpectrum(1, 0, 4, 4,
			new double[15], 0, 1));
		Arrays.fill(p, 1);
		final StationaryGaussianDenoiser fixed = StationaryGaussianDenoiser.ofSpectrum(1, 0, 4, 4, p,
			0, 1);
		assertRefused("x", () -> fixed.denoise(new float[64], Shape.of(1, 1, 8, 8), 0.1));
	}

	/** Compares every image and channel of a random batch, at every sigma, with the dense formula. */
	private static void assertMatchesDense(final StationaryGaussianDenoiser d, final int h,
		final int w, final double tolerance)
	{
		final int n = h * w;
		final RealMatrix c = DenseGaussian.circulantCovariance(d.spectrum(h, w), h, w);
		final Shape batch = Shape.of(2, d.channels(), h, w);
		final float[] x = gaussian(batch.size(), d.mean(), 0.6, 11);
		final float[] copy = x.clone();
		double worst = 0;
		for (final double sigma : SIGMAS) {
			final float[] out = d.denoise(x, batch, sigma);
			for (int k = 0; k < batch.size() / n; k++) {
				final double[] ref = DenseGaussian.mmse(c, d.mean(), DenseGaussian.slice(x, k * n, n),
					sigma);
				worst = Math.max(worst, maxAbsDifference(Arrays.copyOfRange(out, k * n, (k +
					1) * n), ref));
			}
		}
		assertTrue(worst < tolerance, "max error " + worst);
		assertArrayEquals(copy, x);
		System.out.printf("stationary Gaussian %dx%d: max |D - dense closed form| = %.2e%n", h, w,
			worst);
	}

	/** Images of smoothed noise: each pixel the mean of a 3 x 3 periodic window of N(0.5, 0.2). */
	static float[] smoothImages(final Shape nchw, final long seed) {
		final int h = nchw.dim(2), w = nchw.dim(3), n = h * w;
		final float[] noise = gaussian(nchw.size(), 0.5, 0.2, seed);
		final float[] out = new float[noise.length];
		for (int k = 0; k < noise.length / n; k++) {
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					double s = 0;
					for (int dy = -1; dy <= 1; dy++) {
						for (int dx = -1; dx <= 1; dx++) s += noise[k * n + Math.floorMod(y + dy, h) * w +
							Math.floorMod(x + dx, w)];
					}
					out[k * n + y * w + x] = (float) (s / 9);
				}
			}
		}
		return out;
	}
}
