package org.priorj.physics;

import java.util.SplittableRandom;

import org.priorj.base.Checks;

/** Generators of inpainting masks (1 = observed, 0 = missing), row-major (H, W). */
public final class InpaintingMasks {

	private InpaintingMasks() {}

	/**
	 * Exactly round(missingFraction H W) pixels missing, chosen uniformly without replacement with
	 * the given seed.
	 */
	public static float[] randomPixels(final int height, final int width,
		final double missingFraction, final long seed)
	{
		Checks.positive("height", height);
		Checks.positive("width", width);
		Checks.require(missingFraction >= 0 && missingFraction < 1, "missing_fraction", "got " +
			missingFraction, "a fraction in [0, 1)");
		final int n = height * width;
		final int missing = (int) Math.round(missingFraction * n);
		final int[] order = new int[n];
		for (int i = 0; i < n; i++) order[i] = i;
		final SplittableRandom rnd = new SplittableRandom(seed);
		// partial Fisher-Yates: the first `missing` entries are a uniform sample
		for (int i = 0; i < missing; i++) {
			final int j = i + rnd.nextInt(n - i);
			final int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		final float[] mask = new float[n];
		java.util.Arrays.fill(mask, 1f);
		for (int i = 0; i < missing; i++) mask[order[i]] = 0f;
		return mask;
	}

	/**
	 * Rectangles missing: each box is {x, y, width, height} in pixels; boxes may overlap and are
	 * clipped to the image, but a box entirely outside it is refused.
	 */
	public static float[] boxes(final int height, final int width, final int[]... boxes) {
		Checks.positive("height", height);
		Checks.positive("width", width);
		Checks.require(boxes.length > 0, "boxes", "no box given", "at least one box x,y,w,h");
		final float[] mask = new float[height * width];
		java.util.Arrays.fill(mask, 1f);
		for (int b = 0; b < boxes.length; b++) {
			final int[] r = boxes[b];
			Checks.require(r.length == 4 && r[2] > 0 && r[3] > 0, "boxes", "box " + b + " is " +
				java.util.Arrays.toString(r), "four integers x, y, width > 0, height > 0");
			final int x0 = Math.max(0, r[0]), y0 = Math.max(0, r[1]);
			final int x1 = Math.min(width, r[0] + r[2]), y1 = Math.min(height, r[1] + r[3]);
			Checks.require(x0 < x1 && y0 < y1, "boxes", "box " + b + " " + java.util.Arrays
				.toString(r) + " lies outside the " + width + "x" + height + " image",
				"boxes that overlap the image");
			for (int y = y0; y < y1; y++)
				for (int x = x0; x < x1; x++) mask[y * width + x] = 0f;
		}
		return mask;
	}
}
