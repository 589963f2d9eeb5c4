package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RotationCentreTest {

	/** Weighted mean detector position of the projection of one pixel. */
	private static double centroid(final float[] row) {
		double s = 0, m = 0;
		for (int k = 0; k < row.length; k++) {
			s += row[k];
			m += k * row[k];
		}
		return m / s;
	}

	@Test
	void pixelConventionPutsPixelHalfOnBinHalfAtEveryAngle() {
		final int n = 16;
		final float[] img = new float[n * n];
		img[(n / 2) * n + n / 2] = 1;
		for (final double a : new double[] { 0, 37, 90, 135, 200 }) {
			final float[] row = new ParallelBeamProjector(n, n, new double[] { a }, n,
				RotationCentre.PIXEL).apply(img);
			assertEquals(n / 2, centroid(row), 1e-5, "angle " + a);
			// the geometric convention puts the same pixel off centre at oblique angles
			final float[] geo = new ParallelBeamProjector(n, n, new double[] { a }, n).apply(img);
			if (a == 90) assertEquals(n / 2 - 1, centroid(geo), 1e-5);
		}
	}

	@Test
	void bothConventionsAgreeForOddSizes() {
		final int n = 15;
		final float[] img = new float[n * n];
		for (int i = 0; i < img.length; i++) img[i] = (float) Math.sin(0.37 * i);
		final double[] angles = ParallelBeamProjector.halfTurn(12);
		assertArrayEquals(new ParallelBeamProjector(n, n, angles, n).apply(img),
			new ParallelBeamProjector(n, n, angles, n, RotationCentre.PIXEL).apply(img), 1e-6f);
	}
}
