package org.priorj.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelTest {

	@ParameterizedTest
	@CsvSource({ "1.5, 11", "0.4, 5", "1, 7" })
	void aGaussianIsTheNormalisedDensityTruncatedAtThreeSigma(final double sigma, final int size) {
		final Kernel k = Kernel.gaussian(sigma);
		assertEquals(size, k.height());
		assertEquals(size, k.width());
		final int r = size / 2;
		double sum = 0;
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				sum += Math.exp(-((x - r) * (x - r) + (y - r) * (y - r)) / (2 * sigma * sigma));
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final double want = Math.exp(-((x - r) * (x - r) + (y - r) * (y - r)) / (2 * sigma *
					sigma)) / sum;
				assertEquals(want, k.at(y, x), 1e-7, "(" + y + ", " + x + ")");
			}
		assertEquals(r, k.centerY());
		assertEquals(r, k.centerX());
	}

	/** Moments of a kernel about its centre pixel: {sum, mean x, mean y, var x, var y, cov xy}. */
	private static double[] moments(final Kernel k) {
		final double[] m = new double[6];
		for (int y = 0; y < k.height(); y++)
			for (int x = 0; x < k.width(); x++) {
				final double w = k.at(y, x), dx = x - k.centerX(), dy = y - k.centerY();
				assertTrue(w >= 0, "negative weight at (" + y + ", " + x + ")");
				m[0] += w;
				m[1] += w * dx;
				m[2] += w * dy;
				m[3] += w * dx * dx;
				m[4] += w * dy * dy;
				m[5] += w * dx * dy;
			}
		return m;
	}

	@ParameterizedTest
	@CsvSource({ "5, 0", "6, 30", "7.5, -45", "4, 90", "9, 120" })
	void aMotionKernelIsASegmentOfTheGivenLengthAndAngleCentredOnThePsfCentre(final double length,
		final double angle)
	{
		final Kernel k = Kernel.motion(length, angle);
		assertEquals(2 * (int) Math.ceil(length / 2) + 1, k.height());
		final double[] m = moments(k);
		assertEquals(1, m[0], 1e-6, "sum");
		assertEquals(0, m[1], 1e-5, "centre of mass x");
		assertEquals(0, m[2], 1e-5, "centre of mass y");
		// along the segment: the spread of points uniform on a segment of length - 1 (plus at most
		// 1/4 per axis from the bilinear splat); across it: the splat alone
		final double a = Math.toRadians(angle), ux = Math.cos(a), uy = -Math.sin(a);
		final double along = ux * ux * m[3] + uy * uy * m[4] + 2 * ux * uy * m[5];
		final double across = uy * uy * m[3] + ux * ux * m[4] - 2 * ux * uy * m[5];
		final double uniform = (length - 1) * (length - 1) / 12;
		assertTrue(along >= uniform && along <= uniform + 0.5, "along " + along + " vs " + uniform);
		assertTrue(across <= 0.5, "across " + across);
	}

	@Test
	void anAxisAlignedMotionStaysOnItsRowOrColumn() {
		final Kernel h = Kernel.motion(5, 0), v = Kernel.motion(5, 90), one = Kernel.motion(1, 33);
		for (int y = 0; y < h.height(); y++)
			for (int x = 0; x < h.width(); x++) {
				if (y != h.centerY()) assertEquals(0, h.at(y, x), "horizontal, row " + y);
				if (x != v.centerX()) assertEquals(0, v.at(y, x), "vertical, column " + x);
			}
		assertEquals(1, one.at(one.centerY(), one.centerX()), 1e-6, "length 1 is a point");
		// 45 degrees counter-clockwise with y downwards: up and to the right
		assertTrue(moments(Kernel.motion(6, 45))[5] < -0.5);
		assertTrue(moments(Kernel.motion(6, -45))[5] > 0.5);
	}

	@Test
	void badKernelsAreRefusedByName() {
		for (final Object[] c : new Object[][] { { "length", 0.5, 0.0 }, { "length", Double.NaN, 0.0 },
			{ "length", Double.POSITIVE_INFINITY, 0.0 }, { "angle", 3.0, Double.NaN } })
		{
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> Kernel.motion((Double) c[1], (Double) c[2]));
			assertTrue(e.getMessage().contains("'" + c[0] + "'"), e.getMessage());
		}
		assertThrows(IllegalArgumentException.class, () -> Kernel.gaussian(0));
		assertEquals(1, Kernel.motion(1, 0).at(1, 1), 1e-6, "length 1 is allowed");
	}
}
