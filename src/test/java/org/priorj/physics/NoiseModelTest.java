package org.priorj.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NoiseModelTest {

	@Test
	void gaussianNoiseHasTheRequestedStdAndIsReproducible() {
		final float[] clean = new float[100_000];
		final GaussianNoise g = new GaussianNoise(0.05);
		final float[] a = g.corrupt(clean, 11);
		assertArrayEquals(a, g.corrupt(clean, 11));
		double s = 0, s2 = 0;
		for (final float v : a) {
			s += v;
			s2 += v * v;
		}
		assertEquals(0, s / a.length, 1e-3);
		assertEquals(0.05, Math.sqrt(s2 / a.length), 1e-3);
		assertEquals(0f, clean[0]);
	}

	@Test
	void poissonSamplesHaveMeanAndVarianceLambda() {
		for (final double lambda : new double[] { 0.5, 4, 37, 5000 }) {
			final SplittableRandom rnd = new SplittableRandom(5);
			final int n = 200_000;
			double s = 0, s2 = 0;
			for (int i = 0; i < n; i++) {
				final long k = PoissonCtNoise.poisson(lambda, rnd);
				s += k;
				s2 += (double) k * k;
			}
			final double mean = s / n, var = s2 / n - mean * mean;
			assertEquals(lambda, mean, 5 * Math.sqrt(lambda / n) + 1e-9, "mean at " + lambda);
			assertEquals(lambda, var, 0.02 * lambda + 0.01, "variance at " + lambda);
		}
	}

	@Test
	void ctNoiseIsUnbiasedAtHighCounts() {
		final float[] clean = new float[50_000];
		java.util.Arrays.fill(clean, 1.5f);
		final float[] y = new PoissonCtNoise(1e5, 1).corrupt(clean, 3);
		double s = 0;
		for (final float v : y) s += v;
		assertEquals(1.5, s / y.length, 1e-3);
	}

	@Test
	void refusesNegativeNoiseLevels() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-0.1))
			.getMessage().contains("'noise_sigma'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(Double.NaN))
			.getMessage().contains("'noise_sigma'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new PoissonCtNoise(0, 1))
			.getMessage().contains("'photons'"));
	}
}
