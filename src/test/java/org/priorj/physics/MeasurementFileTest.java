package org.priorj.physics;

import org.priorj.base.Shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Random;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementFileTest {

	@TempDir
	Path dir;

	@Test
	void aSimulatedMeasurementDescribesItselfAfterAFileRoundTrip() {
		final float[] truth = OperatorAssertions.gaussian(32 * 48, new Random(1));
		final float[] copy = truth.clone();
		final OperatorSpec spec = OperatorSpec.parse("blur psf=motion:7:30 boundary=reflect");
		final Measurement m = Simulator.simulate(truth, Shape.of(32, 48), spec, new GaussianNoise(
			0.01), 5);
		assertArrayEquals(copy, truth, "the ground truth must not be modified");
		final File f = dir.resolve("y.tif").toFile();
		MeasurementFile.write(m, f, false);
		final Measurement back = MeasurementFile.read(f);
		assertEquals(spec, back.operatorSpec());
		assertEquals(m.imageShape(), back.imageShape());
		assertArrayEquals(m.data(), back.data());
		assertEquals("gaussian sigma=0.01", back.noise());
		assertEquals(5, back.seed());
		// the rebuilt operator is the one that made the data
		final float[] clean = back.operator().apply(truth);
		double err = 0;
		for (int i = 0; i < clean.length; i++) err += Math.pow(clean[i] - back.data()[i], 2);
		assertEquals(0.01, Math.sqrt(err / clean.length), 0.002);
	}

	@Test
	void refusesToOverwriteAndRefusesImagesWithoutMetadata() {
		final Measurement m = Simulator.simulate(new float[64], Shape.of(8, 8), OperatorSpec.parse(
			"mask missing_fraction=0.25 seed=3"), NoiseModel.NONE, 0);
		final File f = dir.resolve("m.tif").toFile();
		MeasurementFile.write(m, f, false);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasurementFile.write(m, f,
			false)).getMessage().contains("'output'"));
		MeasurementFile.write(m, f, true);
		final ImagePlus plain = new ImagePlus("plain", new FloatProcessor(8, 8));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasurementFile
			.fromImagePlus(plain)).getMessage().contains("'measurement'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasurementFile.read(new File(
			dir.toFile(), "missing.tif"))).getMessage().contains("does not exist"));
	}

	@Test
	void refusesUnknownOperatorsAndBadValues() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("warp"), Shape.of(8, 8))).getMessage().contains("'operator'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("downsample factor=two"), Shape.of(8, 8))).getMessage().contains("'factor'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("blur psf=disk:3"), Shape.of(8, 8))).getMessage().contains("'psf'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("blur psf=file:/no/such.tif"), Shape.of(8, 8))).getMessage().contains("'psf'"));
		final float[] nan = new float[64];
		nan[0] = Float.NaN;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Simulator.simulate(nan, Shape
			.of(8, 8), OperatorSpec.parse("identity"), NoiseModel.NONE, 0)).getMessage().contains(
				"'image'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Simulator.simulate(new float[63],
			Shape.of(8, 8), OperatorSpec.parse("identity"), NoiseModel.NONE, 0)).getMessage()
				.contains("'image'"));
	}

	@Test
	void refusesUnreadableFilesWithTheParameterName() throws Exception {
		final File junk = dir.resolve("junk.tif").toFile();
		java.nio.file.Files.write(junk.toPath(), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("mask file=" + junk), Shape.of(8, 8))).getMessage().contains("'mask'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("blur psf=file:" + junk), Shape.of(8, 8))).getMessage().contains("'psf'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasurementFile.read(junk))
			.getMessage().contains("'measurement'"));
	}

	@Test
	void refusesMasksAndCoilMapsOfTheWrongSizeFromFiles() {
		final File mask = dir.resolve("mask.tif").toFile();
		new ij.io.FileSaver(new ImagePlus("m", new FloatProcessor(9, 8))).saveAsTiff(mask.getPath());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("mask file=" + mask), Shape.of(8, 8))).getMessage().contains("'mask'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("mri mask=file:" + mask), Shape.of(2, 8, 8))).getMessage().contains("'mask'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("mri coil_maps=file:" + mask), Shape.of(2, 8, 8))).getMessage().contains(
				"'coil_maps'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("mri"), Shape.of(8, 8))).getMessage().contains("two channels"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("radon angles=0:180:0"), Shape.of(8, 8))).getMessage().contains("'angles'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.build(OperatorSpec
			.parse("radon angles=0,NaN"), Shape.of(8, 8))).getMessage().contains("'angles'"));
	}

	private static ij.ImagePlus plain(final int w, final int h, final int planes) {
		final ij.ImageStack s = new ij.ImageStack(w, h);
		for (int p = 0; p < planes; p++) {
			final float[] v = new float[w * h];
			for (int i = 0; i < v.length; i++) v[i] = (i % 5) + p;
			s.addSlice(new ij.process.FloatProcessor(w, h, v));
		}
		return new ij.ImagePlus("plain", s);
	}

	@Test
	void aPlainImageTakesTheOperatorsOwnImageSize() {
		Measurement m = MeasurementFile.withOperator(plain(32, 24, 1), "blur psf=gaussian:1", "auto");
		assertEquals(Shape.of(24, 32), m.imageShape());
		assertEquals(Shape.of(24, 32), m.dataShape());
		assertEquals("unknown", m.noise());
		assertEquals(Shape.of(16, 32), MeasurementFile.withOperator(plain(16, 8, 1),
			"downsample factor=2", "auto").imageShape());
		assertEquals(Shape.of(3, 16, 16), MeasurementFile.withOperator(plain(8, 8, 3),
			"downsample factor=2", "AUTO").imageShape());
		assertEquals(Shape.of(2, 8, 8), MeasurementFile.withOperator(plain(8, 8, 2),
			"mri mask=uniform1d acceleration=2", "").imageShape());
		m = MeasurementFile.withOperator(plain(32, 20, 1), "radon angles=0:180:20", "auto");
		assertEquals(Shape.of(32, 32), m.imageShape(), "a noisy-looking sinogram: the bin count");
		assertEquals("32", m.operatorSpec().get("detectors", null), "detectors: the width");
		assertEquals(Shape.of(3, 32, 32), MeasurementFile.withOperator(plain(32, 20, 3),
			"radon angles=0:180:20", "auto").imageShape(), "a stack of sinograms");
	}

	@Test
	void aPlainImageTakesTheImageSizeGiven() {
		final Measurement m = MeasurementFile.withOperator(plain(32, 20, 1), "radon angles=0:180:20",
			"24x24");
		assertEquals(Shape.of(24, 24), m.imageShape());
		assertEquals(Shape.of(20, 32), m.dataShape());
		assertEquals(Shape.of(24, 40), MeasurementFile.withOperator(plain(20, 12, 1),
			"downsample factor=2", " 40x24 ").imageShape(), "W x H");
		assertEquals(Shape.of(3, 16, 16), MeasurementFile.withOperator(plain(8, 8, 3),
			"downsample factor=2", "16x16").imageShape());
		assertEquals(Shape.of(2, 8, 8), MeasurementFile.withOperator(plain(8, 8, 2),
			"mri mask=uniform1d acceleration=2", "8x8").imageShape());
	}

	@Test
	void aPlainImageWithAWrongSizeOrOperatorIsRefusedByName() {
		for (final String size : new String[] { "0x5", "5x0", "5", "5x5x5", "ax5" })
			assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> MeasurementFile.withOperator(plain(8, 8, 1), "identity", size)).getMessage()
					.startsWith("Parameter 'image_size'"), size);
		assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> MeasurementFile.withOperator(plain(8, 8, 2), "dynamic-ct views=2", "auto"))
			.getMessage().startsWith("Parameter 'image_size'"));
		assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> MeasurementFile.withOperator(plain(32, 20, 1), "radon angles=0:180:21", "auto"))
			.getMessage().startsWith("Parameter 'operator'"));
		final ij.ImagePlus nan = plain(8, 8, 1);
		nan.getProcessor().putPixelValue(2, 2, Float.NaN);
		assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> MeasurementFile.withOperator(nan, "identity", "auto")).getMessage().startsWith(
				"Parameter 'measurement'"));
		final float[] before = (float[]) nan.getProcessor().getPixels();
		assertTrue(Float.isNaN(before[2 * 8 + 2]), "the image is not modified");
	}
}
