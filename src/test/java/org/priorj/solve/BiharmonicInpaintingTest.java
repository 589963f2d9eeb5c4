package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.MaskOperator;
import org.priorj.base.Shape;

class BiharmonicInpaintingTest {

	private static final int SIZE = 32;

	/** Half of the pixels at least two pixels from the border missing, the rest observed. */
	private static float[] interiorMask(final int h, final int w, final long seed) {
		final float[] mask = new float[h * w];
		final Random rnd = new Random(seed);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final boolean inside = x >= 2 && y >= 2 && x < w - 2 && y < h - 2;
				mask[y * w + x] = inside && rnd.nextBoolean() ? 0 : 1;
			}
		// and a hole of 6 x 5 pixels
		for (int y = 10; y < 15; y++)
			for (int x = 8; x < 14; x++) mask[y * w + x] = 0;
		return mask;
	}

	private static Result fill(final float[] image, final float[] mask, final Shape shape) {
		return BiharmonicInpainting.solve(image, mask, shape, 3000, 1e-7, Progress.NONE);
	}

	@Test
	void reproducesAConstantWhateverIsMissing() {
		final float[] c = new float[24 * 20];
		java.util.Arrays.fill(c, 0.37f);
		final float[] mask = InpaintingMasks.randomPixels(24, 20, 0.9, 1);
		final Result r = fill(c, mask, Shape.of(24, 20));
		for (final float v : r.estimate()) assertEquals(0.37f, v, 1e-6);
		assertTrue(r.converged());
	}

	@Test
	void reproducesRampsAndCubicsAwayFromTheBorder() {
		final int h = 28, w = 30;
		final float[] mask = interiorMask(h, w, 5);
		final float[] ramp = new float[h * w], cubic = new float[h * w];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double u = (x - 15) / 15.0, v = (y - 14) / 14.0;
				ramp[y * w + x] = (float) (0.02 * x + 0.035 * y - 0.4);
				// biharmonic in the discrete sense too: L maps it to a linear function
				cubic[y * w + x] = (float) (0.3 * u * u * u - 0.5 * u * v + 0.4 * v * v + 0.2 * u * u *
					v);
			}
		for (final float[] truth : new float[][] { ramp, cubic }) {
			final Result r = fill(new MaskOperator(h, w, mask).apply(truth), mask, Shape.of(h, w));
			assertTrue(r.converged(), "steps " + r.iterations());
			for (int i = 0; i < truth.length; i++) assertEquals(truth[i], r.estimate()[i], 2e-4);
		}
	}

	@Test
	void harmonicInpaintingBendsAParabolaThatBiharmonicKeeps() {
		final int h = 28, w = 30;
		final float[] mask = interiorMask(h, w, 5);
		final float[] q = new float[h * w];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) q[y * w + x] = (float) (0.002 * (x - 15) * (x - 15));
		final float[] y = new MaskOperator(h, w, mask).apply(q);
		double harmonic = 0, biharmonic = 0;
		final float[] hx = HarmonicInpainting.solve(y, mask, Shape.of(h, w), 3000, 1e-7, Progress.NONE)
			.estimate(), bx = fill(y, mask, Shape.of(h, w)).estimate();
		for (int i = 0; i < q.length; i++) {
			harmonic = Math.max(harmonic, Math.abs(hx[i] - q[i]));
			biharmonic = Math.max(biharmonic, Math.abs(bx[i] - q[i]));
		}
		assertTrue(harmonic > 1e-3 && biharmonic < 2e-4, "harmonic " + harmonic + ", biharmonic " +
			biharmonic);
	}

	/** The image of scripts/biharmonic_reference.py. */
	static float[] referenceImage() {
		final float[] f = new float[SIZE * SIZE];
		for (int y = 0; y < SIZE; y++)
			for (int x = 0; x < SIZE; x++)
				f[y * SIZE + x] = (float) (0.5 + 0.25 * Math.sin(0.35 * x + 0.2 * y) + 0.15 * Math.cos(
					0.27 * y - 0.1 * x));
		return f;
	}

	/** The mask of scripts/biharmonic_reference.py, in PriorJ's convention (1 = observed). */
	static float[] referenceMask() {
		final float[] mask = new float[SIZE * SIZE];
		long s = 7;
		for (int i = 0; i < mask.length; i++) {
			s = (1103515245L * s + 12345) % (1L << 31);
			mask[i] = (s >> 16) % 2 == 0 ? 0 : 1;
		}
		for (int y = 10; y < 16; y++)
			for (int x = 12; x < 19; x++) mask[y * SIZE + x] = 0;
		for (int y = 0; y < 4; y++)
			for (int x = 26; x < 32; x++) mask[y * SIZE + x] = 0;
		return mask;
	}

	/**
	 * Reference: scikit-image 0.19.3 {@code inpaint_biharmonic} (float64, sparse direct solve) on
	 * the same image and mask, printed by {@code /usr/bin/python3 scripts/biharmonic_reference.py};
	 * its final clip to the observed range does not act on this image.
	 */
	@Test
	void agreesWithScikitImage() {
		final float[] mask = referenceMask();
		final Result r = fill(referenceImage(), mask, Shape.of(SIZE, SIZE));
		final float[] x = r.estimate();
		int missing = 0;
		double sum = 0, squares = 0;
		for (int i = 0; i < x.length; i++)
			if (mask[i] == 0) {
				missing++;
				sum += x[i];
				squares += x[i] * (double) x[i];
			}
		assertEquals(547, missing);
		assertEquals(285.369493, sum, 547 * 2e-5);
		assertEquals(171.738216, squares, 547 * 2e-5);
		final double[][] yxValue = { { 0, 31, 0.135618133 }, { 0, 26, 0.433081746 },
			{ 3, 28, 0.243552736 }, { 2, 29, 0.195005686 }, { 10, 12, 0.486963078 },
			{ 12, 15, 0.687212952 }, { 13, 16, 0.655674704 }, { 15, 18, 0.433509136 },
			{ 0, 0, 0.790456928 }, { 0, 7, 0.770182073 }, { 0, 28, 0.259419581 },
			{ 6, 17, 0.839017751 }, { 13, 31, 0.812386035 }, { 22, 28, 0.599791552 },
			{ 31, 31, 0.329427257 } };
		for (final double[] p : yxValue)
			assertEquals(p[2], x[(int) p[0] * SIZE + (int) p[1]], 2e-5, "y " + p[0] + ", x " + p[1]);
	}

	@Test
	void keepsObservedPixelsAndFillsAStackSliceBySlice() {
		final float[] one = referenceImage(), mask = referenceMask();
		final int n = one.length;
		final float[] stack = new float[2 * n], masks = new float[2 * n];
		for (int i = 0; i < n; i++) {
			stack[i] = one[i];
			stack[n + i] = 1 - 2 * one[i];
			masks[i] = mask[i];
			masks[n + i] = mask[i];
		}
		final float[] single = fill(one, mask, Shape.of(SIZE, SIZE)).estimate();
		final float[] x = fill(stack, masks, Shape.of(2, SIZE, SIZE)).estimate();
		for (int i = 0; i < n; i++) {
			if (mask[i] != 0) {
				assertEquals(stack[i], x[i], 0f);
				assertEquals(stack[n + i], x[n + i], 0f);
			}
			assertEquals(single[i], x[i], 2e-5);
			assertEquals(1 - 2 * single[i], x[n + i], 4e-5);
		}
	}
}
