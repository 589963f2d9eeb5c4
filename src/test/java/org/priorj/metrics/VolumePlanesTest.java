package org.priorj.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.priorj.base.Shape;

class VolumePlanesTest {

	private static final Shape V = Shape.of(2, 3, 4);

	/** Voxel (z, y, x) holds 100 z + 10 y + x. */
	private static float[] coded() {
		final float[] v = new float[V.size()];
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 3; y++)
				for (int x = 0; x < 4; x++) v[(z * 3 + y) * 4 + x] = 100 * z + 10 * y + x;
		return v;
	}

	@Test
	void planesHoldTheVoxelsOfTheirOrientationInRowMajorOrder() {
		final float[] v = coded();
		assertArrayEquals(new float[] { 100, 101, 102, 103, 110, 111, 112, 113, 120, 121, 122, 123 },
			VolumePlanes.plane(v, V, VolumePlanes.AXIAL, 1));
		assertArrayEquals(new float[] { 20, 21, 22, 23, 120, 121, 122, 123 }, VolumePlanes.plane(v, V,
			VolumePlanes.CORONAL, 2));
		assertArrayEquals(new float[] { 3, 13, 23, 103, 113, 123 }, VolumePlanes.plane(v, V,
			VolumePlanes.SAGITTAL, 3));
	}

	@Test
	void meanPsnrAveragesThePlanesOfOneOrientation() {
		final float[] truth = new float[V.size()], est = new float[V.size()];
		// an error of 0.1 on the first axial plane only, none elsewhere but a tiny one everywhere
		for (int i = 0; i < est.length; i++) est[i] = i < 12 ? 0.1f : 0.01f;
		assertEquals((20 + 40) / 2.0, VolumePlanes.meanPsnr(truth, est, V, VolumePlanes.AXIAL, 1), 1e-4);
		// each coronal plane has 4 voxels at 0.1 and 4 at 0.01: MSE (0.01 + 0.0001) / 2
		final double coronal = 10 * Math.log10(2 / (0.01 + 0.0001));
		assertEquals(coronal, VolumePlanes.meanPsnr(truth, est, V, VolumePlanes.CORONAL, 1), 1e-3);
		assertEquals(coronal, VolumePlanes.meanPsnr(truth, est, V, VolumePlanes.SAGITTAL, 1), 1e-3);
	}

	@Test
	void refusesAnImageAWrongAxisAndAPlaneOutside() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumePlanes.plane(new float[12],
			Shape.of(3, 4), 0, 0)).getMessage().contains("'shape'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumePlanes.plane(coded(), V, 3,
			0)).getMessage().contains("'axis'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumePlanes.plane(coded(), V, 1,
			3)).getMessage().contains("'index'"));
	}
}
