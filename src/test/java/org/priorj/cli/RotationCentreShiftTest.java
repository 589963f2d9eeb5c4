package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.priorj.physics.ct.ParallelBeamProjector;

class RotationCentreShiftTest {

	/**
	 * The sinogram of a Gaussian blob (standard deviation 1.5 pixels) centred at pixel (x, y) of an
	 * n x n image rotated about (c, c): at angle θ a Gaussian centred on bin
	 * (x - c) cos θ - (y - c) sin θ + c.
	 */
	private static float[] blob(final int n, final double[] angles, final double c) {
		final double x = 20.3, y = 11.7, sigma = 1.5;
		final float[] s = new float[angles.length * n];
		for (int a = 0; a < angles.length; a++) {
			final double t = Math.toRadians(angles[a]);
			final double centre = (x - c) * Math.cos(t) - (y - c) * Math.sin(t) + c;
			for (int k = 0; k < n; k++) s[a * n + k] = (float) Math.exp(-(k - centre) * (k -
				centre) / (2 * sigma * sigma));
		}
		return s;
	}

	@Test
	void movesAnEvenSizedSinogramFromPixelHalfNToTheGeometricCentre() {
		final int n = 32;
		final double[] angles = ParallelBeamProjector.halfTurn(24);
		final float[] scikit = blob(n, angles, n / 2);
		final float[] moved = RotationCentreShift.toPriorJ(scikit, n, angles);
		final float[] priorj = blob(n, angles, (n - 1) / 2.0);
		double worst = 0;
		for (int i = 0; i < moved.length; i++) worst = Math.max(worst, Math.abs(moved[i] -
			priorj[i]));
		assertEquals(0, worst, 1e-3);
		// unmoved, the two conventions differ by up to 1.2 bins: far more than the tolerance
		double before = 0;
		for (int i = 0; i < moved.length; i++) before = Math.max(before, Math.abs(scikit[i] -
			priorj[i]));
		assertEquals(0.5, before, 0.3);
	}

	@Test
	void offsetIsZeroForOddSizesAndAtZeroDegrees() {
		assertEquals(0, RotationCentreShift.offset(255, 63), 0);
		assertEquals(0, RotationCentreShift.offset(256, 0), 1e-12);
		assertEquals(1, RotationCentreShift.offset(256, 90), 1e-12);
		final float[] s = blob(31, ParallelBeamProjector.halfTurn(5), 15);
		assertArrayEquals(s, RotationCentreShift.toPriorJ(s, 31, ParallelBeamProjector.halfTurn(
			5)));
	}
}
