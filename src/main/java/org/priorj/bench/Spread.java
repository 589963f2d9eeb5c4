package org.priorj.bench;

import java.util.Arrays;

/**
 * Median, minimum and maximum of one figure over independent rounds, as the benchmark tables
 * print it: {@code 25.53 (25.38-26.42)}. A ratio between two figures is taken round by round
 * ({@link #ratios}), so that load that slowed one whole round cancels out of it.
 */
final class Spread {

	final double median, min, max;

	private Spread(final double median, final double min, final double max) {
		this.median = median;
		this.min = min;
		this.max = max;
	}

	/** The spread of {@code values} (at least one, none NaN); the median of an even count is the
	 * mean of the middle two. */
	static Spread of(final double... values) {
		if (values.length == 0) throw new IllegalArgumentException("no rounds to summarise");
		final double[] v = values.clone();
		Arrays.sort(v);
		if (Double.isNaN(v[v.length - 1])) throw new IllegalArgumentException(
			"a round has no figure (NaN)");
		final int mid = v.length / 2;
		final double median = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
		return new Spread(median, v[0], v[v.length - 1]);
	}

	/** The spread of {@code numerator[r] / denominator[r]} over rounds r. */
	static Spread ratios(final double[] numerator, final double[] denominator) {
		if (numerator.length != denominator.length) throw new IllegalArgumentException(
			"rounds differ: " + numerator.length + " and " + denominator.length);
		final double[] r = new double[numerator.length];
		for (int i = 0; i < r.length; i++) r[i] = numerator[i] / denominator[i];
		return of(r);
	}

	/** {@code median (min-max)}, each with {@code decimals} decimals; a single round alone. */
	String format(final int decimals) {
		final String f = "%." + decimals + "f";
		if (min == max) return String.format(f, median);
		return String.format(f + " (" + f + "-" + f + ")", median, min, max);
	}
}
