package org.priorj.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.ImageConverter;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

class ImagePlusConverterTest {

	/** A hyperstack whose pixel (x, y, c, z, t) holds x + 10 y + 100 c + 1000 z + 10000 t. */
	private static ImagePlus coded(final int bitDepth, final int c, final int z, final int t) {
		final ImagePlus imp = IJ.createHyperStack("coded", 5, 4, c, z, t, bitDepth);
		for (int ci = 1; ci <= c; ci++) {
			for (int zi = 1; zi <= z; zi++) {
				for (int ti = 1; ti <= t; ti++) {
					final ImageProcessor ip = imp.getImageStack().getProcessor(imp.getStackIndex(ci, zi,
						ti));
					for (int y = 0; y < 4; y++) {
						for (int x = 0; x < 5; x++) ip.putPixelValue(x, y, x + 10 * y + 100 * (ci - 1) +
							1000 * (zi - 1) + 10000 * (ti - 1));
					}
				}
			}
		}
		return imp;
	}

	@Test
	void axesListXYThenPresentCZT() {
		assertEquals("XY", ImagePlusConverter.axes(coded(32, 1, 1, 1)));
		assertEquals("XYZ", ImagePlusConverter.axes(coded(32, 1, 3, 1)));
		assertEquals("XYT", ImagePlusConverter.axes(coded(32, 1, 1, 3)));
		assertEquals("XYC", ImagePlusConverter.axes(coded(32, 2, 1, 1)));
		assertEquals("XYCZT", ImagePlusConverter.axes(coded(16, 2, 3, 2)));
	}

	@Test
	void pixelsLandAtTheirXYCZTPositions() {
		for (final int bits : new int[] { 8, 16, 32 }) {
			final ImagePlus imp = coded(bits, 2, 3, 1);
			for (final RandomAccessibleInterval<FloatType> img : java.util.List.of(
				ImagePlusConverter.view(imp), ImagePlusConverter.copy(imp)))
			{
				assertArrayEquals(new long[] { 5, 4, 2, 3 }, Intervals.dimensionsAsLongArray(img));
				final RandomAccess<FloatType> ra = img.randomAccess();
				// 8-bit pixels saturate at 255, so check a pixel below that for 8-bit.
				ra.setPosition(new long[] { 3, 2, 1, bits == 8 ? 0 : 2 });
				assertEquals(bits == 8 ? 123 : 2123, ra.get().get(), 0, "bit depth " + bits);
			}
		}
	}

	@Test
	void flatOrderIsImageJStackOrder() {
		final ImagePlus imp = coded(32, 2, 1, 3);
		final float[] flat = FloatArrays.sharedArray(ImagePlusConverter.copy(imp));
		// Slowest-first (T, C, H, W): index ((t * 2 + c) * 4 + y) * 5 + x.
		assertEquals(4 + 10 * 3 + 100 * 1 + 10000 * 2, flat[((2 * 2 + 1) * 4 + 3) * 5 + 4], 0);
	}

	@Test
	void viewWrapsFloatPixelsWithoutCopying() {
		final ImagePlus imp = coded(32, 1, 2, 1);
		final RandomAccess<FloatType> ra = ImagePlusConverter.view(imp).randomAccess();
		ra.setPosition(new long[] { 1, 1, 1 });
		ra.get().set(-7);
		assertEquals(-7, imp.getImageStack().getProcessor(2).getf(1, 1), 0);
	}

	@Test
	void copyPlusInPlaceOperationLeavesInputUnchanged() {
		for (final int bits : new int[] { 8, 16, 32 }) {
			final ImagePlus imp = coded(bits, 1, 3, 1);
			final ImagePlus before = imp.duplicate();
			final ArrayImg<FloatType, FloatArray> copy = ImagePlusConverter.copy(imp);
			for (final FloatType v : copy) v.mul(-3f);
			for (int s = 1; s <= 3; s++) {
				assertArrayEquals((float[]) before.getImageStack().getProcessor(s).convertToFloat()
					.getPixels(), (float[]) imp.getImageStack().getProcessor(s).convertToFloat()
						.getPixels(), 0, "bit depth " + bits + ", slice " + s);
			}
			assertEquals(-3 * imp.getImageStack().getProcessor(2).getPixelValue(1, 1), copy
				.randomAccess().setPositionAndGet(1, 1, 1).get(), 0);
		}
	}

	@Test
	void signed16BitUsesCalibratedValues() {
		final ImagePlus imp = IJ.createImage("signed", "16-bit black", 3, 2, 1);
		imp.getCalibration().setSigned16BitCalibration();
		imp.getProcessor().set(0, 0, 32768 - 5);
		final ArrayImg<FloatType, FloatArray> img = ImagePlusConverter.copy(imp);
		assertEquals(-5, FloatArrays.sharedArray(img)[0], 0);
		assertEquals(-32768, FloatArrays.sharedArray(img)[1], 0);
	}

	@Test
	void toImagePlusRoundTripsHyperstackWithCalibrationAndInfo() {
		final ImagePlus imp = coded(16, 2, 1, 3);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.5;
		cal.setUnit("mm");
		cal.frameInterval = 2;
		final ImagePlus out = ImagePlusConverter.toImagePlus(ImagePlusConverter.copy(imp),
			ImagePlusConverter.axes(imp), "result", cal, "solver: test");
		assertEquals(32, out.getBitDepth());
		assertEquals("result", out.getTitle());
		assertArrayEquals(new int[] { 5, 4, 2, 1, 3 }, out.getDimensions());
		assertTrue(out.isHyperStack());
		assertEquals(0.5, out.getCalibration().pixelWidth, 0);
		assertEquals("mm", out.getCalibration().getUnit());
		assertEquals(2, out.getCalibration().frameInterval, 0);
		assertEquals("solver: test", out.getProperty("Info"));
		for (int i = 1; i <= 6; i++) {
			assertArrayEquals((float[]) imp.getImageStack().getProcessor(i).convertToFloat()
				.getPixels(), (float[]) out.getImageStack().getPixels(i), 0);
		}
		assertEquals(4 + 30 + 100 + 20000, out.getDisplayRangeMax(), 0);
	}

	@Test
	void toImagePlusCopiesTheData() {
		final float[] data = new float[] { 1, 2, 3, 4, 5, 6 };
		final ImagePlus out = ImagePlusConverter.toImagePlus(FloatArrays.wrap(data, 2, 3), "XY",
			"t", null, null);
		data[0] = 99;
		assertEquals(1, out.getProcessor().getf(0, 0), 0);
		assertEquals(6, out.getProcessor().getf(2, 1), 0);
	}

	@Test
	void refusesRgbNamingImage() {
		final ImagePlus rgb = IJ.createImage("colour", "RGB black", 4, 4, 1);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ImagePlusConverter.copy(rgb));
		assertTrue(e.getMessage().contains("'image'") && e.getMessage().contains("RGB") && e
			.getMessage().contains("32-bit"), e.getMessage());
	}

	@Test
	void refusesIndexedColourAndNullNamingImage() {
		final ColorProcessor cp = new ColorProcessor(8, 8);
		for (int i = 0; i < 64; i++) cp.set(i, (i * 37 % 256) << 16 | (i * 91 % 256) << 8 | i);
		final ImagePlus indexed = new ImagePlus("gif", cp);
		new ImageConverter(indexed).convertRGBtoIndexedColor(16);
		assertEquals(ImagePlus.COLOR_256, indexed.getType());
		for (final ImagePlus imp : new ImagePlus[] { indexed, null }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ImagePlusConverter.view(imp));
			assertTrue(e.getMessage().contains("'image'"), e.getMessage());
		}
	}

	@Test
	void refusesAxesThatDoNotFitNamingAxes() {
		final ArrayImg<FloatType, FloatArray> img = FloatArrays.wrap(new float[24], 2, 3, 4);
		for (final String axes : new String[] { "XY", "XYQ", "YXZ", "XYZC", null }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ImagePlusConverter.toImagePlus(img, axes, "t", null, null));
			assertTrue(e.getMessage().contains("'axes'"), e.getMessage());
		}
		final ArrayImg<FloatType, FloatArray> img4 = FloatArrays.wrap(new float[48], 4, 3, 2, 2);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ImagePlusConverter.toImagePlus(img4, "XYTZ", "t", null, null));
		assertTrue(e.getMessage().contains("'axes'"), e.getMessage());
		assertEquals(3, ImagePlusConverter.toImagePlus(Views.zeroMin(img4), "XYZT", "t", null, null)
			.getNSlices());
	}
}
