package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.solve.ConjugateGradientTest.assertNames;

import java.util.ArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.MaskOperator;
import org.priorj.base.Shape;

/** What harmonic and biharmonic inpainting share through {@link MaskedQuadraticFill}. */
class MaskedQuadraticFillTest {

	/** One of the fills, by its image-and-mask entry point. */
	interface Fill {

		Result solve(float[] image, float[] mask, Shape shape, int iterations, double tolerance,
			Progress progress);
	}

	/** The same fill, by its measurement entry point. */
	interface MeasurementFill {

		Result solve(MaskOperator a, float[] y, int iterations, double tolerance,
			Progress progress);
	}

	static Stream<Arguments> fills() {
		return Stream.of(Arguments.of("harmonic_inpainting", (Fill) HarmonicInpainting::solve,
			(MeasurementFill) HarmonicInpainting::solve), Arguments.of("biharmonic_inpainting",
				(Fill) BiharmonicInpainting::solve, (MeasurementFill) BiharmonicInpainting::solve));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fills")
	void leavesTheCallersArraysAloneAndIgnoresValuesAtMissingPixels(final String name,
		final Fill fill, final MeasurementFill unused)
	{
		final float[] image = DenseOperator.randomVector(64, 1);
		final float[] mask = InpaintingMasks.randomPixels(8, 8, 0.3, 2);
		final float[] withNaN = image.clone();
		for (int i = 0; i < 64; i++) if (mask[i] == 0) withNaN[i] = Float.NaN;
		final float[] imageCopy = withNaN.clone(), maskCopy = mask.clone();
		final Result r = fill.solve(withNaN, mask, Shape.of(8, 8), 200, 1e-6, Progress.NONE);
		assertArrayEquals(imageCopy, withNaN);
		assertArrayEquals(maskCopy, mask);
		assertArrayEquals(r.estimate(), fill.solve(image, mask, Shape.of(8, 8), 200, 1e-6,
			Progress.NONE).estimate());
		assertEquals(name, r.method());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fills")
	void cancelledRunKeepsAFiniteFill(final String name, final Fill fill,
		final MeasurementFill unused)
	{
		final float[] mask = InpaintingMasks.randomPixels(32, 32, 0.5, 4);
		final Result r = fill.solve(DenseOperator.randomVector(1024, 3), mask, Shape.of(32, 32), 100,
			0, IterationsTest.cancelAfter(3, new ArrayList<>()));
		assertTrue(r.cancelled());
		assertEquals(3, r.iterations());
		for (final float v : r.estimate()) assertTrue(Float.isFinite(v));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fills")
	void refusesBadInput(final String name, final Fill fill, final MeasurementFill measured) {
		final Shape s = Shape.of(4, 4);
		final float[] img = new float[16], mask = new float[16];
		mask[3] = 1;
		assertNames("mask", () -> fill.solve(img, new float[16], s, 10, 0, Progress.NONE));
		assertNames("mask", () -> fill.solve(img, new float[15], s, 10, 0, Progress.NONE));
		assertNames("measurement", () -> fill.solve(new float[12], mask, s, 10, 0, Progress.NONE));
		final float[] nan = new float[16];
		nan[3] = Float.NaN;
		assertNames("measurement", () -> fill.solve(nan, mask, s, 10, 0, Progress.NONE));
		assertNames("iterations", () -> fill.solve(img, mask, s, 0, 0, Progress.NONE));
		assertNames("tolerance", () -> fill.solve(img, mask, s, 10, -1, Progress.NONE));
		assertNames("image", () -> fill.solve(img, mask, Shape.of(16), 10, 0, Progress.NONE));
		assertNames("measurement", () -> measured.solve(new MaskOperator(4, 4, mask), new float[15],
			10, 0, Progress.NONE));
	}
}
