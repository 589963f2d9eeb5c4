package org.priorj.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;
import org.priorj.physics.GaussianNoise;

class NoiseLevelTest {

	/** A ramp in x and y plus a step edge down the middle, plus noise of deviation {@code sigma}. */
	private static float[] noisyRamp(final int planes, final int h, final int w, final double sigma,
		final long seed)
	{
		final SplittableRandom r = new SplittableRandom(seed);
		final float[] v = new float[planes * h * w];
		for (int p = 0; p < planes; p++)
			for (int i = 0; i < h; i++)
				for (int j = 0; j < w; j++)
					v[(p * h + i) * w + j] = (float) (0.3 + 0.002 * i - 0.001 * j + (j > w / 2 ? 0.4 : 0) +
						sigma * GaussianNoise.gaussian(r));
		return v;
	}

	@Test
	void findsTheDeviationOfWhiteNoiseOnASmoothImageWithAnEdge() {
		for (final double sigma : new double[] { 0.01, 0.1, 0.3 })
			assertEquals(sigma, NoiseLevel.estimate(noisyRamp(1, 128, 128, sigma, 3), Shape.of(128,
				128)), 0.04 * sigma, "sigma " + sigma);
	}

	@Test
	void aNoiselessRampHasNoNoise() {
		assertEquals(0, NoiseLevel.estimate(noisyRamp(1, 32, 48, 0, 1), Shape.of(32, 48)), 1e-6);
	}

	@Test
	void scalesWithTheValues() {
		final float[] v = noisyRamp(1, 64, 64, 0.05, 5);
		final double s = NoiseLevel.estimate(v, Shape.of(64, 64));
		for (int i = 0; i < v.length; i++) v[i] = 255 * v[i] + 7;
		assertEquals(255 * s, NoiseLevel.estimate(v, Shape.of(64, 64)), 1e-3 * s * 255);
	}

	@Test
	void everyPlaneOfAStackCounts() {
		// the median of both planes' coefficients lies strictly between the planes' own levels
		final float[] a = noisyRamp(1, 64, 64, 0.05, 1), b = noisyRamp(1, 64, 64, 0.2, 2);
		final float[] stack = new float[2 * a.length];
		System.arraycopy(a, 0, stack, 0, a.length);
		System.arraycopy(b, 0, stack, a.length, b.length);
		final double s = NoiseLevel.estimate(stack, Shape.of(2, 64, 64));
		assertTrue(s > 0.07 && s < 0.15, "got " + s);
	}

	@Test
	void oddSizesIgnoreTheLastRowAndColumn() {
		final float[] v = noisyRamp(1, 33, 35, 0.1, 9);
		v[32 * 35 + 3] = 1e6f; // last row, outside every 2×2 block
		v[10 * 35 + 34] = 1e6f; // last column
		assertEquals(0.1, NoiseLevel.estimate(v, Shape.of(33, 35)), 0.015);
	}

	@Test
	void onlyBlocksOfKnownPixelsCountWhenAMaskIsGiven() {
		final float[] v = noisyRamp(1, 128, 128, 0.05, 8), known = new float[v.length];
		final SplittableRandom r = new SplittableRandom(2);
		for (int i = 0; i < v.length; i++) {
			known[i] = r.nextInt(3) == 0 ? 0 : 1; // a third missing: their zeros would look like noise
			if (known[i] == 0) v[i] = 0;
		}
		final Shape shape = Shape.of(128, 128);
		assertTrue(NoiseLevel.estimate(v, shape) > 0.2);
		assertEquals(0.05, NoiseLevel.estimate(v, shape, known), 0.005);
		assertEquals(0, NoiseLevel.estimate(v, shape, new float[v.length]));
		assertThrows(IllegalArgumentException.class, () -> NoiseLevel.estimate(v, shape, new float[3]));
	}

	@Test
	void refusesImagesBelowTwoByTwoAndWrongSizes() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> NoiseLevel.estimate(new float[3], Shape.of(1, 3)));
		assertTrue(e.getMessage().contains("'image'"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> NoiseLevel.estimate(new float[5], Shape
			.of(2, 2)));
	}
}
