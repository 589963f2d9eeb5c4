package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.metrics.Psnr;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.MaskOperator;

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
}
