package org.priorj.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.apache.commons.math3.special.Erf;
import org.priorj.base.Checks;
import org.priorj.image.Quantiles;

/**
 * Empirical coverage of per-pixel credible intervals: the fraction of pixels whose ground truth
 * lies inside its interval (bounds included). For a calibrated posterior the coverage at level
 * {@code p} is close to {@code p}; below it the uncertainty is underestimated.
 * <ul>
 * <li>{@link #gaussian}: from a posterior mean and standard-deviation map, the central interval
 * {@code mean +- z std} with {@code z} the standard normal quantile at {@code (1 + p) / 2}
 * (1.6449 at p = 0.9);</li>
 * <li>{@link #samples}: from K posterior samples, the central interval between the empirical
 * quantiles {@code (1 - p) / 2} and {@code (1 + p) / 2} of each pixel's samples, interpolated
 * linearly between order statistics (numpy's default quantile).</li>
 * </ul>
 * Arrays are flat images of any shape; samples are stored sample after sample, {@code (K, N)}.
 */
public final class Coverage {

	private Coverage() {}

	/** Coverage of the Gaussian intervals {@code mean +- z(level) std}. */
	public static double gaussian(final float[] truth, final float[] mean, final float[] std,
		final double level)
	{
		Inputs.present("truth", truth);
		Inputs.sameSize("truth", truth, "mean", mean);
		Inputs.sameSize("truth", truth, "std", std);
		for (int i = 0; i < std.length; i++) {
			if (std[i] < 0) throw Checks.bad("std", "value " + std[i] + " at index " + i,
				"standard deviations >= 0");
		}
		final double z = z(level);
		long inside = 0;
		for (int i = 0; i < truth.length; i++) {
			if (Math.abs((double) truth[i] - mean[i]) <= z * std[i]) inside++;
		}
		return (double) inside / truth.length;
	}

	/** Coverage of the empirical central intervals of {@code count} samples per pixel. */
	public static double samples(final float[] truth, final float[] samples, final int count,
		final double level)
	{
		final int n = Inputs.present("truth", truth);
		Checks.require(count >= 2, "count", "got " + count, "at least 2 samples");
		if (samples == null) throw Checks.bad("samples", "null", count + " samples of " + n +
			" pixels");
		Checks.require(samples.length == (long) count * n, "samples", samples.length + " values",
			count + " samples of " + n + " pixels = " + (long) count * n + " values");
		Checks.finite("samples", samples);
		checkLevel(level);
		final double low = (1 - level) / 2, high = (1 + level) / 2;
		final int block = 1024;
		final long inside = IntStream.range(0, (n + block - 1) / block).parallel().mapToLong(
			b -> {
				final float[] v = new float[count];
				long in = 0;
				for (int i = b * block; i < Math.min(n, (b + 1) * block); i++) {
					for (int k = 0; k < count; k++) v[k] = samples[k * n + i];
					Arrays.sort(v);
					if (truth[i] >= Quantiles.ofSorted(v, low) && truth[i] <= Quantiles.ofSorted(v,
						high)) in++;
				}
				return in;
			}).sum();
		return (double) inside / n;
	}

	/** The standard normal quantile at {@code (1 + level) / 2}. */
	static double z(final double level) {
		checkLevel(level);
		return Math.sqrt(2) * Erf.erfInv(level);
	}

	private static void checkLevel(final double level) {
		Checks.require(level > 0 && level < 1, "level", "got " + level,
			"a probability strictly between 0 and 1 (e.g. 0.9 for 90 % intervals)");
	}
}
