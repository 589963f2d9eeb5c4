package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.physics.Operators;

class SinogramSupportTest {

	private static final double[] ANGLES = Operators.angles("0:180:60");

	/** A 64x64 image with content up to its corners (a photograph, not a disc phantom). */
	private static float[] filledSquare() {
		final float[] x = new float[64 * 64];
		for (int y = 0; y < 64; y++)
			for (int c = 0; c < 64; c++) x[y * 64 + c] = 1 + 0.01f * (y + c);
		return x;
	}

	private static float[] scan(final float[] image, final int detectors, final RotationCentre c) {
		return new ParallelBeamProjector(64, 64, ANGLES, detectors, c).apply(image);
	}

	@Test
	void aSquareObjectPaddedToItsDiagonalGivesBackTheObjectsSide() {
		// ceil(64 * sqrt 2) = 91 bins, as scikit-image's circle=False makes them
		assertEquals(64, SinogramSupport.objectSize(scan(filledSquare(), 91, RotationCentre.GEOMETRIC),
			ANGLES, 91));
		assertEquals(64, SinogramSupport.objectSize(scan(filledSquare(), 91, RotationCentre.PIXEL),
			ANGLES, 91));
	}

	@Test
	void scikitImagesPaddedSinogramGivesBackItsImagesSide() throws Exception {
		// scripts/skimage_padded_sinogram.py: camera 128x128, 60 angles, circle=False, 182 bins
		final String file = java.nio.file.Paths.get(getClass().getResource(
			"skimage-camera128-circle-false.tif").toURI()).toString();
		final ij.ImagePlus sino = org.priorj.image.ImageFiles.open("input", file);
		assertEquals(182, sino.getWidth());
		assertEquals(128, SinogramSupport.objectSize(org.priorj.image.ImagePlusConverter.pixels(sino),
			Operators.angles("0:180:60"), 182));
	}

	@Test
	void aScanWithAsManyBinsAsTheImageIsWideKeepsTheDetectorCount() {
		assertEquals(64, SinogramSupport.objectSize(scan(filledSquare(), 64, RotationCentre.GEOMETRIC),
			ANGLES, 64));
	}

	@Test
	void aDiscInsideTheSquareCannotBeToldApartAndKeepsTheDetectorCount() {
		assertEquals(91, SinogramSupport.objectSize(scan(EllipsePhantom.sheppLogan(64, true), 91,
			RotationCentre.GEOMETRIC), ANGLES, 91));
	}

	@Test
	void noiseInEveryBinKeepsTheDetectorCount() {
		final float[] s = scan(filledSquare(), 91, RotationCentre.GEOMETRIC);
		float max = 0;
		for (final float v : s) max = Math.max(max, v);
		// 0.5 % of the maximum, as the simulator's default noise level
		final Random r = new Random(1);
		for (int i = 0; i < s.length; i++) s[i] += (float) (0.005 * max * r.nextGaussian());
		assertEquals(91, SinogramSupport.objectSize(s, ANGLES, 91));
	}

	@Test
	void anEmptySinogramKeepsTheDetectorCount() {
		assertEquals(91, SinogramSupport.objectSize(new float[60 * 91], ANGLES, 91));
	}

	@Test
	void dataReachingBeyondTheSquaresShadowKeepTheDetectorCount() {
		// a 91x91 filled square scanned with 91 bins: its shadow at 0 degrees fills every bin
		final float[] big = new float[91 * 91];
		java.util.Arrays.fill(big, 1f);
		final float[] s = new ParallelBeamProjector(91, 91, ANGLES, 91).apply(big);
		assertEquals(91, SinogramSupport.objectSize(s, ANGLES, 91));
	}

	@Test
	void aSinogramWhoseSizeDoesNotMatchItsAnglesIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> SinogramSupport.objectSize(new float[10],
			ANGLES, 91));
	}
}
