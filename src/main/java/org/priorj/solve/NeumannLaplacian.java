package org.priorj.solve;

import org.priorj.base.Shape;

/**
 * The 5-point negative Laplacian with Neumann boundary, L = D^T D for the forward-difference
 * gradient D whose differences across the image border are absent: (L x)_p is the sum over the
 * existing 4-neighbours q of p of (x_p - x_q). It acts on the last two axes (rows, columns) of a
 * shape, slice by slice over any leading axes (complex planes, volume slices), or on the only axis
 * of a 1-D shape. Symmetric positive semi-definite; its null space is the constants per slice.
 */
final class NeumannLaplacian {

	private NeumannLaplacian() {}

	static void apply(final Shape shape, final float[] x, final float[] out) {
		final int w = shape.dim(-1);
		final int h = shape.rank() >= 2 ? shape.dim(-2) : 1;
		final int slices = shape.size() / (h * w);
		for (int s = 0; s < slices; s++) {
			final int base = s * h * w;
			for (int r = 0; r < h; r++) {
				final int row = base + r * w;
				for (int c = 0; c < w; c++) {
					final int i = row + c;
					final float v = x[i];
					float sum = 0;
					if (c > 0) sum += v - x[i - 1];
					if (c < w - 1) sum += v - x[i + 1];
					if (r > 0) sum += v - x[i - w];
					if (r < h - 1) sum += v - x[i + w];
					out[i] = sum;
				}
			}
		}
	}
}
