package org.priorj.metrics;

import org.priorj.base.Checks;

/** Pixel masks for restricting metrics to a region, in PriorJ's row-major {@code (H, W)} order. */
public final class Masks {

	private Masks() {}

	/**
	 * The disk inscribed in an {@code height x width} image: pixels whose centre lies within
	 * {@code min(height, width) / 2} of the image centre. This is the region a parallel-beam CT
	 * scan sees from every angle, where reconstructions are compared.
	 */
	public static boolean[] inscribedDisk(final int height, final int width) {
		Checks.positive("height", height);
		Checks.positive("width", width);
		final double cy = height / 2.0, cx = width / 2.0, r = Math.min(height, width) / 2.0;
		final boolean[] mask = new boolean[height * width];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				final double dy = y + 0.5 - cy, dx = x + 0.5 - cx;
				mask[y * width + x] = dy * dy + dx * dx <= r * r;
			}
		}
		return mask;
	}
}
