package org.priorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.priorj.metrics.SsimReferenceTest.assertMessage;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CoverageTest {

	@Test
	void normalQuantileMatchesTables() {
		// scipy.stats.norm.ppf(0.95), ppf(0.975), ppf(0.75)
		assertEquals(1.6448536269514722, Coverage.z(0.9), 1e-12);
		assertEquals(1.959963984540054, Coverage.z(0.95), 1e-12);
		assertEquals(0.6744897501960817, Coverage.z(0.5), 1e-12);
	}

	@Test
	void gaussianIntervalsCountExactly() {
		final float[] truth = { 1.6f, 1.7f, -1.6f, -1.7f }, mean = new float[4], std = { 1, 1, 1,
			1 };
		assertEquals(0.5, Coverage.gaussian(truth, mean, std, 0.9), 0);
	}

	@Test
	void sampleIntervalsUseLinearQuantiles() {
		// Eleven samples 0..10 per pixel: the 80 % interval is [1, 9].
		final float[] truth = { 0, 1, 5, 9, 9.5f, 10 };
		final float[] samples = new float[11 * truth.length];
		for (int k = 0; k < 11; k++) {
			for (int i = 0; i < truth.length; i++) samples[k * truth.length + i] = (k * 7) % 11;
		}
		assertEquals(0.5, Coverage.samples(truth, samples, 11, 0.8), 0);
	}

	@Test
	void calibratedGaussianPosteriorCoversAtItsLevel() {
		final int n = 256 * 256;
		final Random r = new Random(7);
		final float[] mean = new float[n], std = new float[n], truth = new float[n];
		for (int i = 0; i < n; i++) {
			mean[i] = (float) (10 * r.nextDouble());
			std[i] = (float) (0.1 + r.nextDouble());
			truth[i] = (float) (mean[i] + std[i] * r.nextGaussian());
		}
		for (final double level : new double[] { 0.5, 0.9, 0.99 }) {
			assertEquals(level, Coverage.gaussian(truth, mean, std, level), 0.01, "level " + level);
		}
		// Half the true spread: P(|Z| < 0.82) = 0.59 at the 90 % level.
		final float[] half = std.clone();
		for (int i = 0; i < n; i++) half[i] /= 2;
		assertEquals(0.59, Coverage.gaussian(truth, mean, half, 0.9), 0.01);
	}

	@Test
	void calibratedSamplesCoverAtTheirLevel() {
		final int n = 128 * 128, k = 999;
		final Random r = new Random(11);
		final float[] mean = new float[n], std = new float[n], truth = new float[n];
		for (int i = 0; i < n; i++) {
			mean[i] = (float) (10 * r.nextDouble());
			std[i] = (float) (0.1 + r.nextDouble());
			truth[i] = (float) (mean[i] + std[i] * r.nextGaussian());
		}
		final float[] samples = new float[k * n];
		for (int s = 0; s < k; s++) {
			for (int i = 0; i < n; i++) samples[s * n + i] = (float) (mean[i] + std[i] * r
				.nextGaussian());
		}
		assertEquals(0.9, Coverage.samples(truth, samples, k, 0.9), 0.01);
	}

	@Test
	void refusesBadInputNamingTheParameter() {
		final float[] a = { 0, 1, 2 }, nan = { 0, Float.NaN, 2 };
		assertMessage("level", () -> Coverage.gaussian(a, a, a, 1));
		assertMessage("level", () -> Coverage.gaussian(a, a, a, 0));
		assertMessage("level", () -> Coverage.samples(a, new float[6], 2, 1.5));
		assertMessage("mean", () -> Coverage.gaussian(a, new float[2], a, 0.9));
		assertMessage("std", () -> Coverage.gaussian(a, a, new float[] { 1, -1, 1 }, 0.9));
		assertMessage("mean", () -> Coverage.gaussian(a, nan, a, 0.9));
		assertMessage("samples", () -> Coverage.samples(a, new float[7], 2, 0.9));
		assertMessage("count", () -> Coverage.samples(a, new float[3], 1, 0.9));
	}
}
