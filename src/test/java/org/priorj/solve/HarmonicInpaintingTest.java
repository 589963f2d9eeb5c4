package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.solve.ConjugateGradientTest.assertNames;

import java.util.ArrayList;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.metrics.Psnr;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Shape;

class HarmonicInpaintingTest {

	@Test
	void recoversALinearRampExactly() {
		final int h = 40, w = 48;
		final float[] ramp = new float[h * w];
		final float[] mask = new float[h * w];
		final Random rnd = new Random(5);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				ramp[y * w + x] = 0.02f * x + 0.035f * y - 0.4f;
				// half of the interior missing; the border observed, since the Neumann condition
				// gives a missing border pixel zero slope across the edge
				final boolean border = x == 0 || y == 0 || x == w - 1 || y == h - 1;
				mask[y * w + x] = border || rnd.nextBoolean() ? 1 : 0;
			}
		final MaskOperator a = new MaskOperator(h, w, mask);
		final Result r = HarmonicInpainting.solve(a, a.apply(ramp), 500, 1e-7, Progress.NONE);
		for (int i = 0; i < ramp.length; i++) assertEquals(ramp[i], r.estimate()[i], 1e-4);
		assertTrue(r.converged());
		assertEquals("harmonic_inpainting", r.method());
	}

	@Test
	void fillsHalfOfCameraAbove25Db() {
		final float[] truth = TestImages.camera(128);
		final float[] mask = InpaintingMasks.randomPixels(128, 128, 0.5, 3);
		final MaskOperator a = new MaskOperator(128, 128, mask);
		final float[] y = a.apply(truth);
		final Result r = HarmonicInpainting.solve(a, y, HarmonicInpainting.DEFAULT_ITERATIONS,
			HarmonicInpainting.DEFAULT_TOLERANCE, Progress.NONE);
		final double psnr = Psnr.compute(truth, r.estimate(), 255);
		assertTrue(psnr > 25, "PSNR " + psnr);
		assertTrue(r.converged(), "steps " + r.iterations());
		for (int i = 0; i < mask.length; i++)
			if (mask[i] != 0) assertEquals(truth[i], r.estimate()[i], 0f);
	}

	@Test
	void leavesTheCallersArraysAloneAndIgnoresValuesAtMissingPixels() {
		final float[] image = DenseOperator.randomVector(64, 1);
		final float[] mask = InpaintingMasks.randomPixels(8, 8, 0.3, 2);
		final float[] withNaN = image.clone();
		for (int i = 0; i < 64; i++) if (mask[i] == 0) withNaN[i] = Float.NaN;
		final float[] imageCopy = withNaN.clone(), maskCopy = mask.clone();
		final Result r = HarmonicInpainting.solve(withNaN, mask, Shape.of(8, 8), 100, 1e-6,
			Progress.NONE);
		assertArrayEquals(imageCopy, withNaN);
		assertArrayEquals(maskCopy, mask);
		assertArrayEquals(r.estimate(), HarmonicInpainting.solve(image, mask, Shape.of(8, 8),
			100, 1e-6, Progress.NONE).estimate());
	}

	@Test
	void cancelledRunKeepsAFiniteFill() {
		final float[] mask = InpaintingMasks.randomPixels(32, 32, 0.5, 4);
		final Result r = HarmonicInpainting.solve(DenseOperator.randomVector(1024, 3), mask, Shape
			.of(32, 32), 100, 0, IterationsTest.cancelAfter(3, new ArrayList<>()));
		assertTrue(r.cancelled());
		assertEquals(3, r.iterations());
		for (final float v : r.estimate()) assertTrue(Float.isFinite(v));
	}

	@Test
	void refusesBadInput() {
		final Shape s = Shape.of(4, 4);
		final float[] img = new float[16], mask = new float[16];
		mask[3] = 1;
		assertNames("mask", () -> HarmonicInpainting.solve(img, new float[16], s, 10, 0,
			Progress.NONE));
		assertNames("mask", () -> HarmonicInpainting.solve(img, new float[15], s, 10, 0,
			Progress.NONE));
		assertNames("measurement", () -> HarmonicInpainting.solve(new float[12], mask, s, 10, 0,
			Progress.NONE));
		final float[] nan = new float[16];
		nan[3] = Float.NaN;
		assertNames("measurement", () -> HarmonicInpainting.solve(nan, mask, s, 10, 0,
			Progress.NONE));
		assertNames("iterations", () -> HarmonicInpainting.solve(img, mask, s, 0, 0,
			Progress.NONE));
		assertNames("tolerance", () -> HarmonicInpainting.solve(img, mask, s, 10, -1,
			Progress.NONE));
		assertNames("image", () -> HarmonicInpainting.solve(img, mask, Shape.of(16), 10, 0,
			Progress.NONE));
	}
}
