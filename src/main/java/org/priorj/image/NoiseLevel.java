package org.priorj.image;

import java.util.Arrays;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The standard deviation of additive white Gaussian noise in an image, estimated without a clean
 * reference (Donoho and Johnstone's robust estimator, as scikit-image's {@code estimate_sigma}):
 * the median absolute value of the finest diagonal wavelet coefficients divided by 0.6745, the
 * median of |N(0, 1)|. The coefficients are orthonormal Haar ones on disjoint 2×2 blocks,
 * {@code (a - b - c + d) / 2}: white noise of deviation sigma gives them deviation sigma, while
 * smooth image content (constant, ramps in x or y) cancels. Edges and fine texture leave a few
 * large coefficients, which the median ignores; on strongly textured images the estimate is
 * somewhat high. Every plane of a stack adds its blocks to one median.
 */
public final class NoiseLevel {

	/** The median of |N(0, 1)|. */
	static final double MEDIAN_ABS_NORMAL = 0.6744897501960817;

	private NoiseLevel() {}

	/**
	 * The estimated noise deviation of {@code values}, laid out as {@code shape} = (H, W) or
	 * (planes, H, W), in the values' units. Needs at least 2×2 pixels a plane.
	 */
	public static double estimate(final float[] values, final Shape shape) {
		return estimate(values, shape, null);
	}

	/**
	 * As {@link #estimate(float[], Shape)}, from the 2×2 blocks whose four pixels are all known
	 * ({@code known} non-zero; null: every pixel), so that the zeros of missing pixels (an
	 * inpainting measurement) do not count as noise. Without a fully known block the estimate is 0.
	 */
	public static double estimate(final float[] values, final Shape shape, final float[] known) {
		shape.check("image", values, "the image's shape");
		if (known != null) shape.check("mask", known, "the image's shape");
		Checks.require(shape.rank() >= 2, "image", shape.toString(), "at least 2 dimensions");
		final int h = shape.dim(-2), w = shape.dim(-1);
		Checks.require(h >= 2 && w >= 2, "image", h + "×" + w + " pixels", "at least 2×2 pixels");
		final int planes = values.length / (h * w), bh = h / 2, bw = w / 2;
		final float[] d = new float[planes * bh * bw];
		int k = 0;
		for (int p = 0; p < planes; p++) {
			final int o = p * h * w;
			for (int i = 0; i < bh; i++) {
				final int r = o + 2 * i * w;
				for (int j = 0; j < bw; j++) {
					final int c = r + 2 * j;
					if (known != null && (known[c] == 0 || known[c + 1] == 0 || known[c + w] == 0 ||
						known[c + w + 1] == 0)) continue;
					d[k++] = Math.abs((values[c] - values[c + 1] - values[c + w] + values[c + w + 1]) / 2f);
				}
			}
		}
		if (k == 0) return 0;
		final float[] used = Arrays.copyOf(d, k);
		Arrays.sort(used);
		return Quantiles.ofSorted(used, 0.5) / MEDIAN_ABS_NORMAL;
	}
}
