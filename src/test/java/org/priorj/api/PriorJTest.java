package org.priorj.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.priorj.image.FloatArrays;
import org.priorj.image.ImagePlusConverter;
import org.priorj.image.phantom.EllipsePhantom;

/** The library façade on ImgLib2 images, with its documented example. */
class PriorJTest {

	/** camera.png as an 8-bit ImgLib2 image (512x512). */
	private static Img<UnsignedByteType> camera() {
		final ImagePlus imp = IJ.openImage("test-images/camera.png");
		final byte[] px = (byte[]) ((ByteProcessor) imp.getProcessor().convertToByte(false))
			.getPixels();
		return ArrayImgs.unsignedBytes(px.clone(), imp.getWidth(), imp.getHeight());
	}

	/** A 64x64 crop of camera as a view whose interval starts at (200, 100). */
	private static RandomAccessibleInterval<UnsignedByteType> crop() {
		return Views.interval(camera(), new long[] { 200, 100 }, new long[] { 263, 163 });
	}

	@Test
	void theDocumentedExampleRunsAndRedDiffBeatsItsBaseline() {
		final RandomAccessibleInterval<UnsignedByteType> truth = crop();
		// the class comment's example, as it is written there
		final PriorJ.Measured m = PriorJ.simulate(truth, "mask missing_fraction=0.5", "gaussian", 2, 1);
		final PriorJ.Estimate baseline = PriorJ.reconstruct(m, "auto"); // biharmonic inpainting
		final PriorJ.Estimate restored = PriorJ.redDiff(m, "natural-gray", 0);
		final double gain = PriorJ.psnr(truth, restored.image()) - PriorJ.psnr(truth, baseline
			.image());
		assertTrue(gain > 0.25, "RED-Diff over biharmonic inpainting: " + gain + " dB");
		assertEquals("mask missing_fraction=0.5 seed=1", m.operator());
		assertTrue(restored.info().get("priorj.method").startsWith("red_diff "), restored.info()
			.toString());
		assertEquals("natural-gray", restored.info().get("priorj.prior"));
		assertEquals("inpainting", restored.info().get("priorj.task"));
		assertTrue(baseline.info().get("priorj.method").startsWith("biharmonic_inpainting"));
		assertEquals(64, restored.image().dimension(0));
		assertEquals(0, restored.image().min(0), "results start at 0");
	}

	@Test
	void everyRealTypeAndAViewGiveTheSameMeasurementAsTheImagePlus() {
		final RandomAccessibleInterval<UnsignedByteType> view = crop();
		final float[] expected = FloatArrays.copyOf(view);
		final Img<UnsignedShortType> shorts = ArrayImgs.unsignedShorts(64, 64);
		final Img<FloatType> floats = ArrayImgs.floats(64, 64);
		final Img<DoubleType> doubles = ArrayImgs.doubles(64, 64);
		final var c = Views.flatIterable(view).cursor();
		final var s = shorts.cursor();
		final var f = floats.cursor();
		final var d = doubles.cursor();
		while (c.hasNext()) {
			final int v = c.next().get();
			s.next().set(v);
			f.next().set(v);
			d.next().set(v);
		}
		final ImagePlus imp = IJ.openImage("test-images/camera.png");
		imp.setRoi(200, 100, 64, 64);
		final float[] fromImagePlus = ImagePlusConverter.pixels(new ImagePlus("crop", imp
			.getProcessor().crop().convertToByte(false)));
		assertArrayEquals(expected, fromImagePlus);
		final String op = "blur psf=gaussian:1.5";
		final float[] y = PriorJ.simulate(view, op, "gaussian", 1, 3).measurement().data();
		for (final RandomAccessibleInterval<?> other : new RandomAccessibleInterval<?>[] { shorts, floats,
			doubles })
		{
			@SuppressWarnings("unchecked")
			final RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>> typed =
				(RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>>) other;
			assertArrayEquals(y, PriorJ.simulate(typed, op, "gaussian", 1, 3).measurement().data(),
				other.getClass().getSimpleName());
		}
		assertArrayEquals(expected, FloatArrays.copyOf(view), "the input is never modified");
	}

	@Test
	void ctAndComplexMriGoThroughDds() {
		final Img<FloatType> phantom = FloatArrays.wrap(EllipsePhantom.sheppLogan(64, true), 64, 64);
		final PriorJ.Measured ct = PriorJ.simulate(phantom, "radon angles=0:180:20", "gaussian_relative",
			0.005, 2);
		assertEquals(20, ct.data().dimension(1), "the sinogram's rows are the angles");
		final double fbp = PriorJ.psnr(phantom, PriorJ.reconstruct(ct, "fbp").image());
		final PriorJ.Estimate dds = PriorJ.dds(ct, "ct", 0);
		assertTrue(PriorJ.psnr(phantom, dds.image()) > fbp + 3, "DDS " + PriorJ.psnr(phantom, dds
			.image()) + " dB, FBP " + fbp + " dB");
		final PriorJ.Measured mri = PriorJ.simulate(phantom, "mri mask=uniform1d acceleration=4 seed=1",
			"none", 0, 0);
		final PriorJ.Estimate complex = PriorJ.dds(mri, "natural-gray", 0);
		assertEquals(3, complex.image().numDimensions(), "X, Y and the real and imaginary channel");
		assertEquals(2, complex.image().dimension(2));
		assertEquals("mri", complex.info().get("priorj.task"));
	}

	@Test
	void badInputsAreRefusedByName() {
		final IllegalArgumentException fourD = org.junit.jupiter.api.Assertions.assertThrows(
			IllegalArgumentException.class, () -> PriorJ.simulate(ArrayImgs.floats(4, 4, 2, 2),
				"identity", "none", 0, 0));
		assertTrue(fourD.getMessage().startsWith("Parameter 'truth'"), fourD.getMessage());
		final IllegalArgumentException none = org.junit.jupiter.api.Assertions.assertThrows(
			IllegalArgumentException.class, () -> PriorJ.simulate(null, "identity", "none", 0, 0));
		assertTrue(none.getMessage().startsWith("Parameter 'truth'"), none.getMessage());
		final IllegalArgumentException noMeasurement = org.junit.jupiter.api.Assertions.assertThrows(
			IllegalArgumentException.class, () -> PriorJ.reconstruct(null, "auto"));
		assertTrue(noMeasurement.getMessage().startsWith("Parameter 'measurement'"), noMeasurement
			.getMessage());
		final Img<FloatType> nan = ArrayImgs.floats(new float[] { 0, Float.NaN, 0, 0 }, 2, 2);
		final IllegalArgumentException notFinite = org.junit.jupiter.api.Assertions.assertThrows(
			IllegalArgumentException.class, () -> PriorJ.simulate(nan, "identity", "none", 0, 0));
		assertTrue(notFinite.getMessage().startsWith("Parameter 'truth'"), notFinite.getMessage());
	}
}
