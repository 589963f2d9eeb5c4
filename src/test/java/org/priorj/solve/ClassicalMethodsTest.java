package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.metrics.Psnr;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.Measurement;
import org.priorj.physics.NoiseModel;
import org.priorj.physics.OperatorSpec;
import org.priorj.base.Shape;
import org.priorj.physics.Simulator;

class ClassicalMethodsTest {

	static Measurement simulate(final String spec, final NoiseModel noise) {
		final float[] x = EllipsePhantom.sheppLogan(64, true);
		return Simulator.simulate(x, Shape.of(64, 64), OperatorSpec.parse(spec), noise, 1);
	}

	/** Each operator kind with the method auto picks, and the PSNR it must at least reach. */
	static Stream<Arguments> cases() {
		return Stream.of(
			Arguments.of("radon angles=0:180:180", "fbp", 20.0),
			Arguments.of("radon angles=0:180:30", "sart", 20.0),
			Arguments.of("radon angles=0:120:120", "sart", 17.0),
			Arguments.of("mask missing_fraction=0.5 seed=2", "biharmonic_inpainting", 17.0),
			Arguments.of("downsample factor=2 method=bicubic", "bicubic", 18.0),
			Arguments.of("blur psf=gaussian:1", "richardson_lucy", 20.0),
			Arguments.of("identity", "tv", 25.0));
	}

	@ParameterizedTest(name = "{0}: auto = {1}")
	@MethodSource("cases")
	void autoPicksTheUsualBaselineAndItImprovesOnTheData(final String spec, final String method,
		final double minPsnr)
	{
		final Measurement m = simulate(spec, new GaussianNoise(0.01));
		assertEquals(method, ClassicalMethods.auto(m));
		final Result r = ClassicalMethods.reconstruct("auto", m, new ClassicalMethods.Parameters(),
			Progress.NONE);
		assertEquals(method, r.method());
		final double psnr = Psnr.compute(EllipsePhantom.sheppLogan(64, true), r.estimate(), 1);
		assertTrue(psnr > minPsnr, method + " PSNR " + psnr);
	}

	@Test
	void autoReconstructsCtWithAGapOfTwoDegreesOrMoreWithSart() {
		assertEquals(ClassicalMethod.SART, TaskDefaults.ctBaseline(2));
		assertEquals(ClassicalMethod.SART, TaskDefaults.ctBaseline(180.0 / 90 - 1e-12));
		assertEquals(ClassicalMethod.SART, TaskDefaults.ctBaseline(61));
		assertEquals(ClassicalMethod.FBP, TaskDefaults.ctBaseline(1.99));
		assertEquals(ClassicalMethod.FBP, TaskDefaults.ctBaseline(1));
		assertEquals("sart", ClassicalMethods.auto(simulate("radon angles=0:180:90", NoiseModel.NONE)));
		assertEquals("fbp", ClassicalMethods.auto(simulate("radon angles=0:180:91", NoiseModel.NONE)));
		// a stack of slices reads its angles from its projector
		final float[] volume = new float[2 * 16 * 16];
		assertEquals("sart", ClassicalMethods.auto(Simulator.simulate(volume, Shape.of(2, 16, 16),
			OperatorSpec.parse("radon angles=0:180:20"), NoiseModel.NONE, 0)));
	}

	@Test
	void sartBeatsFbpOnSparseViewsAndRefusesOperatorsOtherThanRadon() {
		final Measurement m = simulate("radon angles=0:180:15", new GaussianNoise(0.01));
		final float[] truth = EllipsePhantom.sheppLogan(64, true);
		final ClassicalMethods.Parameters p = new ClassicalMethods.Parameters();
		final Result sart = ClassicalMethods.reconstruct("sart", m, p, Progress.NONE);
		assertEquals("5", sart.parameters().get("iterations"));
		assertEquals(5, sart.iterations());
		final double fbp = Psnr.compute(truth, ClassicalMethods.reconstruct("fbp", m, p,
			Progress.NONE).estimate(), 1);
		final double ours = Psnr.compute(truth, sart.estimate(), 1);
		assertTrue(ours > fbp + 1.2, "SART " + ours + " dB, FBP " + fbp + " dB");
		p.nonnegative = true;
		p.iterations = java.util.OptionalInt.of(2);
		final Result clipped = ClassicalMethods.reconstruct("sart", m, p, Progress.NONE);
		assertEquals("true", clipped.parameters().get("nonnegative"));
		assertEquals(2, clipped.iterations());
		for (final float v : clipped.estimate()) assertTrue(v >= 0);
		final String message = assertThrows(IllegalArgumentException.class, () -> ClassicalMethods
			.reconstruct("sart", simulate("blur psf=gaussian:1", NoiseModel.NONE), p, Progress.NONE))
			.getMessage();
		assertTrue(message.contains("'method'") && message.contains("sart only for radon"), message);
	}

	@Test
	void biharmonicInpaintingFillsAMaskMeasurement() {
		final Measurement m = simulate("mask missing_fraction=0.5 seed=2", new GaussianNoise(0.01));
		final Result r = ClassicalMethods.reconstruct("biharmonic_inpainting", m,
			new ClassicalMethods.Parameters(), Progress.NONE);
		assertEquals("biharmonic_inpainting", r.method());
		assertTrue(r.converged(), "steps " + r.iterations());
		final double psnr = Psnr.compute(EllipsePhantom.sheppLogan(64, true), r.estimate(), 1);
		assertTrue(psnr > 17, "PSNR " + psnr);
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "harmonic_inpainting",
		"biharmonic_inpainting" })
	void aStackOfMasksIsInpaintedWithEachSlicesOwnMask(final String method) {
		// a constant image fills to itself; a slice read with another slice's mask keeps zeros
		final int h = 12, w = 10;
		final java.util.List<org.priorj.physics.MaskOperator> masks = java.util.List.of(
			new org.priorj.physics.MaskOperator(h, w, org.priorj.physics.InpaintingMasks.randomPixels(h,
				w, 0.4, 1)), new org.priorj.physics.MaskOperator(h, w, org.priorj.physics.InpaintingMasks
					.randomPixels(h, w, 0.4, 2)));
		final org.priorj.physics.SliceWiseOperator a = org.priorj.physics.SliceWiseOperator.of(masks);
		final float[] truth = new float[2 * h * w];
		java.util.Arrays.fill(truth, 5);
		final Result r = ClassicalMethods.reconstruct(ClassicalMethod.parse("method", method), a, a
			.apply(truth), org.priorj.physics.Task.INPAINTING, new ClassicalMethods.Parameters(),
			Progress.NONE);
		for (int i = 0; i < truth.length; i++)
			assertEquals(5, r.estimate()[i], 1e-3, "slice " + i / (h * w) + " pixel " + i % (h * w));
	}

	@Test
	void everyIterativeMethodRunsOnCtAndTvBeatsFbpOnSparseViews() {
		final Measurement m = simulate("radon angles=0:180:20", GaussianNoise.relativeToMax(
			simulate("radon angles=0:180:20", NoiseModel.NONE).data(), 0.01));
		final float[] truth = EllipsePhantom.sheppLogan(64, true);
		final ClassicalMethods.Parameters p = new ClassicalMethods.Parameters();
		p.iterations = java.util.OptionalInt.of(200);
		p.nonnegative = true;
		final double fbp = Psnr.compute(truth, ClassicalMethods.reconstruct("fbp", m, p,
			Progress.NONE).estimate(), 1);
		final double tv = Psnr.compute(truth, ClassicalMethods.reconstruct("tv", m, p, Progress.NONE)
			.estimate(), 1);
		assertTrue(tv > fbp + 3, "TV " + tv + " vs FBP " + fbp);
		for (final String name : new String[] { "cgls", "sart", "sirt", "tikhonov", "adjoint" }) {
			final Result r = ClassicalMethods.reconstruct(name, m, p, Progress.NONE);
			assertEquals(64 * 64, r.estimate().length, name);
			for (final float v : r.estimate()) assertTrue(Float.isFinite(v), name);
		}
	}

	@Test
	void mriZeroFillingAndTvOnComplexData() {
		final float[] re = EllipsePhantom.sheppLogan(32, true);
		final float[] z = new float[2 * re.length];
		System.arraycopy(re, 0, z, 0, re.length);
		final Measurement m = Simulator.simulate(z, Shape.of(2, 32, 32), OperatorSpec.parse(
			"mri mask=uniform1d acceleration=2 seed=1"), NoiseModel.NONE, 0);
		assertEquals("zero_filled", ClassicalMethods.auto(m));
		final Result zf = ClassicalMethods.reconstruct("auto", m, new ClassicalMethods.Parameters(),
			Progress.NONE);
		assertEquals(Shape.of(2, 32, 32), zf.shape());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassicalMethods.reconstruct(
			"sirt", m, new ClassicalMethods.Parameters(), Progress.NONE)).getMessage().contains(
				"'method'"));
	}

	@Test
	void refusesUnknownMethodsAndMethodsThatDoNotFitTheOperator() {
		final Measurement blur = simulate("blur psf=gaussian:1", NoiseModel.NONE);
		for (final String bad : new String[] { "magic", "fbp", "sart", "bicubic", "harmonic_inpainting",
			"biharmonic_inpainting", "zero_filled" })
			assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassicalMethods
				.reconstruct(bad, blur, new ClassicalMethods.Parameters(), Progress.NONE)).getMessage()
					.contains("'method'"), bad);
		final ClassicalMethods.Parameters p = new ClassicalMethods.Parameters();
		p.filter = "cosine";
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassicalMethods.reconstruct(
			"fbp", simulate("radon angles=0:180:10", NoiseModel.NONE), p, Progress.NONE))
				.getMessage().contains("'filter'"));
	}

	@Test
	void theCommandOffersExactlyTheseMethods() throws Exception {
		final org.scijava.plugin.Parameter ann = Class.forName(
			"org.priorj.fiji.ReconstructClassicalCommand").getDeclaredField("method").getAnnotation(
				org.scijava.plugin.Parameter.class);
		assertArrayEquals(ClassicalMethods.NAMES, ann.choices());
	}
}
