package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorAssertions;

class ParallelBeamGeometryTest {

	@Test
	void zeroDegreesSumsColumnsAndNinetySumsRowsFromTheBottom() {
		final int h = 12, w = 12;
		final float[] img = OperatorAssertions.gaussian(h * w, new Random(3));
		final float[] s = ParallelBeamProjector.of(h, w, 0, 90).apply(img);
		for (int x = 0; x < w; x++) {
			double col = 0;
			for (int y = 0; y < h; y++) col += img[y * w + x];
			assertEquals(col, s[x], 1e-4, "column " + x);
		}
		for (int y = 0; y < h; y++) {
			double row = 0;
			for (int x = 0; x < w; x++) row += img[y * w + x];
			assertEquals(row, s[w + (h - 1 - y)], 1e-4, "row " + y);
		}
	}

	@Test
	void oppositeAnglesGiveMirroredProjections() {
		final int n = 24;
		final float[] img = CtPhantoms.ellipses(n);
		final double[] angles = {17, 197, 63, 243};
		final float[] s = ParallelBeamProjector.of(n, n, angles).apply(img);
		for (int pair = 0; pair < 2; pair++) {
			for (int k = 0; k < n; k++) {
				assertEquals(s[2 * pair * n + k], s[(2 * pair + 1) * n + n - 1 - k], 1e-4,
					"pair " + pair + " bin " + k);
			}
		}
	}

	@Test
	void everyProjectionKeepsTheImageSum() {
		final int n = 32;
		final float[] img = CtPhantoms.ellipses(n);
		double total = 0;
		for (final float v : img) total += v;
		final ParallelBeamProjector p = ParallelBeamProjector.of(n, n, ParallelBeamProjector
			.halfTurn(36));
		final float[] s = p.apply(img);
		for (int a = 0; a < p.numAngles(); a++) {
			double row = 0;
			for (int k = 0; k < n; k++) row += s[a * n + k];
			assertEquals(total, row, 1e-4 * total, "angle " + p.angles()[a]);
		}
	}

	@Test
	void discProjectsToItsChordLengthAtEveryAngle() {
		// Line integrals of a disc of radius r are 2 sqrt(r^2 - s^2) at every angle.
		final int n = 64;
		final double r = 20;
		final ParallelBeamProjector p = ParallelBeamProjector.of(n, n, ParallelBeamProjector
			.halfTurn(12));
		final float[] s = p.apply(CtPhantoms.disc(n, r));
		double err = 0, ref = 0;
		for (int a = 0; a < p.numAngles(); a++) {
			for (int k = 0; k < n; k++) {
				final double d = k - (n - 1) / 2.0;
				final double exact = Math.abs(d) < r ? 2 * Math.sqrt(r * r - d * d) : 0;
				err += (s[a * n + k] - exact) * (s[a * n + k] - exact);
				ref += exact * exact;
			}
		}
		assertTrue(Math.sqrt(err / ref) < 0.012, "relative error " + Math.sqrt(err / ref));
	}

	@Test
	void orientationMatchesScikitImageRadon() {
		// 33x33 image (odd, so scikit-image's rotation centre 33 // 2 equals ours), a 5x6 block of
		// 1 at rows 5-9, columns 20-25 and a 3x2 block of 2 at rows 20-22, columns 8-9.
		// Centroids (detector index) of skimage.transform.radon(img, theta, circle=True) columns,
		// scikit-image 0.19 via /usr/bin/python3, for theta = 0, 30, 90, 135, 200, -40 degrees.
		final double[] theta = {0, 30, 90, 135, 200, -40};
		final double[] skimage = {18.5, 20.6461, 21.0, 17.7441, 11.948, 14.6909};
		final int n = 33;
		final float[] img = new float[n * n];
		for (int y = 5; y < 10; y++) for (int x = 20; x < 26; x++) img[y * n + x] = 1;
		for (int y = 20; y < 23; y++) for (int x = 8; x < 10; x++) img[y * n + x] = 2;
		final float[] s = ParallelBeamProjector.of(n, n, theta).apply(img);
		for (int a = 0; a < theta.length; a++) {
			double m0 = 0, m1 = 0;
			for (int k = 0; k < n; k++) {
				m0 += s[a * n + k];
				m1 += k * s[a * n + k];
			}
			assertEquals(42, m0, 1e-3, "mass at " + theta[a]);
			assertEquals(skimage[a], m1 / m0, 0.05, "centroid at " + theta[a] + " deg");
		}
	}
}
