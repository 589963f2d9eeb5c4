package org.priorj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.physics.ct.ParallelBeamProjector;

class CtViewsBenchTest {

	/**
	 * The bench's data come from a finer grid; averaged down they must be what the coarse
	 * projector gives the averaged-down image, up to the discretisation the bench is about.
	 */
	@Test
	void dataProjectedOnTheFineGridMatchTheCoarseProjection() {
		final int n = CtViewsBench.SIZE, f = CtViewsBench.FINE, detectors = 363;
		final double[] angles = { 0, 30, 77, 135 };
		final float[] fine = EllipsePhantom.sheppLogan(n * f, false);
		final float[] coarse = CtViewsBench.blockMeans(fine);
		assertEquals(n * n, coarse.length);
		double sumFine = 0, sumCoarse = 0;
		for (final float v : fine) sumFine += v;
		for (final float v : coarse) sumCoarse += v;
		assertEquals(sumFine / (f * f), sumCoarse, 1e-3 * sumCoarse);
		final float[] expected = new ParallelBeamProjector(n, n, angles, detectors).apply(coarse);
		final float[] got = CtViewsBench.binMeans(new ParallelBeamProjector(n * f, n * f, angles,
			detectors * f).apply(fine), angles.length, detectors);
		double err = 0, norm = 0;
		for (int i = 0; i < got.length; i++) {
			err += (got[i] - expected[i]) * (got[i] - expected[i]);
			norm += expected[i] * expected[i];
		}
		// the same line integrals (pixel units of the coarse grid), centred alike: sharp edges differ
		assertTrue(Math.sqrt(err / norm) < 0.02, "relative difference " + Math.sqrt(err / norm));
		assertTrue(Math.sqrt(err / norm) > 1e-4, "the fine data are not the coarse projection itself");
	}
}
