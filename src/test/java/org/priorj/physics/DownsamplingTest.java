package org.priorj.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DownsamplingTest {

	@Test
	void blockAverageIsTheMeanOfEachBlock() {
		final float[] x = new float[6 * 6];
		for (int i = 0; i < x.length; i++) x[i] = i;
		final float[] y = new Downsampling(6, 6, 3, Downsampling.Method.BLOCK_AVERAGE).apply(x);
		assertEquals(4, y.length);
		assertEquals((0 + 1 + 2 + 6 + 7 + 8 + 12 + 13 + 14) / 9f, y[0], 1e-5);
		assertEquals((21 + 22 + 23 + 27 + 28 + 29 + 33 + 34 + 35) / 9f, y[3], 1e-5);
	}

	@Test
	void bicubicReproducesLinearRampsAtOutputCentres() {
		final int n = 32, f = 4;
		final float[] x = new float[n * n];
		for (int r = 0; r < n; r++)
			for (int c = 0; c < n; c++) x[r * n + c] = 0.5f * c + 0.25f * r;
		final float[] y = new Downsampling(n, n, f, Downsampling.Method.BICUBIC).apply(x);
		final int m = n / f;
		// away from the border, where mirroring bends the ramp
		for (int r = 2; r < m - 2; r++)
			for (int c = 2; c < m - 2; c++) {
				final double u = (c + 0.5) * f - 0.5, v = (r + 0.5) * f - 0.5;
				assertEquals(0.5 * u + 0.25 * v, y[r * m + c], 1e-4);
			}
	}

	@Test
	void bicubicKeepsConstantsEverywhere() {
		final float[] x = new float[24 * 12];
		java.util.Arrays.fill(x, 2f);
		for (final float v : new Downsampling(24, 12, 3, Downsampling.Method.BICUBIC).apply(x))
			assertEquals(2, v, 1e-5);
	}

	@Test
	void passesAdjointTest() {
		for (final Downsampling.Method m : Downsampling.Method.values())
			for (final int f : new int[] { 2, 3, 4 }) {
				OperatorAssertions.assertAdjoint(new Downsampling(24, 36, f, m));
				OperatorAssertions.assertNormal(new Downsampling(24, 36, f, m, Boundary.ZERO));
			}
	}

	@Test
	void refusesFactorsThatDoNotDivideTheSize() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new Downsampling(30, 32, 4, Downsampling.Method.BICUBIC));
		assertTrue(e.getMessage().contains("'factor'") && e.getMessage().contains("divisible"), e
			.getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Downsampling(32, 32, 5,
			Downsampling.Method.BICUBIC)).getMessage().contains("2, 3 or 4"));
	}
}
