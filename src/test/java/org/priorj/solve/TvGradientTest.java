package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorAssertions;
import org.priorj.base.Shape;

class TvGradientTest {

	@Test
	void passesAdjointAndNormalTestsOnImagesAndVolumes() {
		for (final TvGradient d : new TvGradient[] { new TvGradient(Shape.of(17, 12)),
			new TvGradient(Shape.of(1, 9)), new TvGradient(Shape.of(7, 1)), new TvGradient(Shape.of(
				5, 8, 7)), new TvGradient(Shape.of(4, 6, 9), 0.37), new TvGradient(Shape.of(3, 5, 6),
					0), new TvGradient(Shape.of(1, 6, 6)) })
		{
			OperatorAssertions.assertAdjoint(d);
			OperatorAssertions.assertNormal(d);
		}
	}

	@Test
	void largeImagesRunInParallelAndKeepTheLayout() {
		final Shape shape = Shape.of(300, 257);
		final TvGradient d = new TvGradient(shape);
		OperatorAssertions.assertAdjoint(d);
		final float[] x = OperatorAssertions.gaussian(shape.size(), new java.util.Random(3));
		final float[] g = d.apply(x);
		// the last row of the y component and the last column of the x component are zero
		final int n = shape.size();
		assertEquals(0f, g[n - 1]);
		assertEquals(0f, g[2 * n - 1]);
		assertEquals(x[258] - x[1], g[1]);
		assertEquals(x[2] - x[1], g[n + 1]);
	}

	@Test
	void rampHasUnitDifferencesInsideAndNeumannZerosAtTheEnd() {
		// volume (2, 3, 4): value = 100 z + 10 y + x
		final float[] v = new float[24];
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 3; y++)
				for (int x = 0; x < 4; x++) v[(z * 3 + y) * 4 + x] = 100 * z + 10 * y + x;
		final float[] g = new TvGradient(Shape.of(2, 3, 4), 0.5).apply(v);
		for (int i = 0; i < 24; i++) {
			final int z = i / 12, y = i / 4 % 3, x = i % 4;
			assertEquals(z < 1 ? 50f : 0f, g[i], "z at " + i);
			assertEquals(y < 2 ? 10f : 0f, g[24 + i], "y at " + i);
			assertEquals(x < 3 ? 1f : 0f, g[48 + i], "x at " + i);
		}
	}

	@Test
	void adjointIsMinusDivergence() {
		// p = (0, 1 everywhere along x) on a 1 x 4 image: D^T p = p[x-1] - p[x], last p ignored
		final float[] p = { 0, 0, 0, 0, 1, 1, 1, 1 };
		final float[] out = new TvGradient(Shape.of(1, 4)).adjoint(p);
		assertEquals(-1f, out[0]);
		assertEquals(0f, out[1]);
		assertEquals(0f, out[2]);
		assertEquals(1f, out[3]);
	}

	@Test
	void normBoundHoldsAndTvOfAStepIsItsEdgeLength() {
		final TvGradient d2 = new TvGradient(Shape.of(16, 16));
		final TvGradient d3 = new TvGradient(Shape.of(6, 8, 8), 0.5);
		assertTrue(d2.norm() <= d2.normBound() && d2.norm() > 0.95 * d2.normBound());
		assertTrue(d3.norm() <= d3.normBound() && d3.norm() > 0.9 * d3.normBound());
		assertEquals(Math.sqrt(9), d3.normBound(), 1e-12);
		final float[] step = new float[16 * 16];
		for (int i = 0; i < step.length; i++) step[i] = i % 16 >= 5 ? 2 : 0;
		assertEquals(2 * 16, d2.isotropicTv(step), 1e-9);
	}

	@Test
	void complexSlicesAreTwoVolumesEachWithItsOwnGradient() {
		// (Z, 2, H, W) = (3, 2, 4, 5): the gradient of each channel's volume (3, 4, 5), no difference
		// from a real plane to an imaginary one
		final int z = 3, h = 4, w = 5, plane = h * w, n = 2 * z * plane;
		final TvGradient d = new TvGradient(Shape.of(z, 2, h, w), 0.6);
		OperatorAssertions.assertAdjoint(d);
		assertEquals(3, d.components());
		assertEquals(Shape.of(3, z, 2, h, w), d.range());
		final float[] v = OperatorAssertions.gaussian(n, new java.util.Random(5));
		final float[] g = d.apply(v);
		final TvGradient one = new TvGradient(Shape.of(z, h, w), 0.6);
		for (int c = 0; c < 2; c++) {
			final float[] channel = new float[z * plane];
			for (int k = 0; k < z; k++) System.arraycopy(v, (2 * k + c) * plane, channel, k * plane, plane);
			final float[] gc = one.apply(channel);
			for (int comp = 0; comp < 3; comp++)
				for (int k = 0; k < z; k++)
					for (int i = 0; i < plane; i++)
						assertEquals(gc[comp * z * plane + k * plane + i], g[comp * n + (2 * k + c) * plane + i],
							1e-6, "component " + comp + ", channel " + c + ", slice " + k);
		}
	}

	@Test
	void refusesOtherRanksAndNegativeZWeight() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new TvGradient(Shape.of(
			16))).getMessage().contains("'shape'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new TvGradient(Shape.of(2, 2,
			2, 4, 4))).getMessage().contains("'shape'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new TvGradient(Shape.of(2, 4,
			4), -1)).getMessage().contains("'z_weight'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new TvGradient(Shape.of(2, 4,
			4), Double.NaN)).getMessage().contains("'z_weight'"));
	}
}
