package org.priorj.image;

/** Quantiles of sorted data, interpolated linearly between order statistics (numpy's default). */
public final class Quantiles {

	private Quantiles() {}

	/**
	 * The {@code q}-quantile ({@code q} in [0, 1]) of {@code sorted}, which must be sorted
	 * ascending and non-empty: position {@code q (n - 1)} between the order statistics.
	 */
	public static double ofSorted(final float[] sorted, final double q) {
		final double pos = q * (sorted.length - 1);
		final int i = (int) Math.floor(pos);
		if (i >= sorted.length - 1) return sorted[sorted.length - 1];
		return sorted[i] + (pos - i) * ((double) sorted[i + 1] - sorted[i]);
	}
}
