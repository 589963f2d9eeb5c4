package org.priorj.image;

import org.priorj.base.Checks;

import java.util.Arrays;
import java.util.Locale;

/**
 * An affine map between the user's data values and the value range a prior was trained on
 * ({@code [0, 1]} or {@code [-1, 1]}): {@code prior = (data - dataLow) * scale + priorLow} with
 * {@code scale = (priorHigh - priorLow) / (dataHigh - dataLow)}, so {@code dataLow} maps to
 * {@code priorLow} and {@code dataHigh} to {@code priorHigh}. Values outside the data window map
 * outside the prior range (nothing is clipped), so the map is exactly invertible up to float
 * rounding. Noise standard deviations scale by {@code scale} alone (no offset).
 * <p>
 * The data window comes from explicit bounds ({@link #fromMinMax}) or from robust percentiles of
 * an image ({@link #fromPercentiles}, in percent, interpolated linearly between order statistics
 * as numpy's default does). A degenerate window from data is handled by a documented fallback:
 * if the two percentiles coincide the full minimum and maximum are used, and if the image is
 * constant (minimum == maximum == v) the window becomes {@code [v - 0.5, v + 0.5]}: the constant
 * maps to the middle of the prior range, and one data unit spans the prior range.
 * Immutable.
 */
public final class ValueRange {

	/** Default lower percentile (percent) for {@link #fromPercentiles(float[], double, double)}. */
	public static final double DEFAULT_LOW_PERCENTILE = 0.1;
	/** Default upper percentile (percent). */
	public static final double DEFAULT_HIGH_PERCENTILE = 99.9;

	private final double dataLow, dataHigh, priorLow, priorHigh, scale;

	private ValueRange(final double dataLow, final double dataHigh, final double priorLow,
		final double priorHigh)
	{
		this.dataLow = dataLow;
		this.dataHigh = dataHigh;
		this.priorLow = priorLow;
		this.priorHigh = priorHigh;
		this.scale = (priorHigh - priorLow) / (dataHigh - dataLow);
	}

	/** Maps {@code [min, max]} of the data onto {@code [priorLow, priorHigh]}. */
	public static ValueRange fromMinMax(final double min, final double max,
		final double priorLow, final double priorHigh)
	{
		Checks.require(Double.isFinite(min), "min", "got " + min, "a finite number");
		Checks.require(Double.isFinite(max) && max > min, "max", "got " + max + " with min " + min,
			"a finite number > min");
		checkPrior(priorLow, priorHigh);
		return new ValueRange(min, max, priorLow, priorHigh);
	}

	/** As {@link #fromPercentiles(float[], double, double, double, double)} with 0.1 / 99.9 %. */
	public static ValueRange fromPercentiles(final float[] image, final double priorLow,
		final double priorHigh)
	{
		return fromPercentiles(image, DEFAULT_LOW_PERCENTILE, DEFAULT_HIGH_PERCENTILE, priorLow,
			priorHigh);
	}

	/**
	 * Maps the {@code low}-th and {@code high}-th percentiles (in percent) of {@code image} onto
	 * {@code [priorLow, priorHigh]}; see the class comment for degenerate windows.
	 */
	public static ValueRange fromPercentiles(final float[] image, final double low,
		final double high, final double priorLow, final double priorHigh)
	{
		if (image == null || image.length == 0) throw Checks.bad("image", image == null ? "null"
			: "no pixels", "a non-empty image");
		Checks.finite("image", image);
		Checks.inRange("low_percentile", low, 0, 100);
		Checks.inRange("high_percentile", high, 0, 100);
		Checks.require(high > low, "high_percentile", "got " + high + " with low_percentile " +
			low, "a percentile above low_percentile");
		checkPrior(priorLow, priorHigh);
		final float[] sorted = image.clone();
		Arrays.sort(sorted);
		double lo = Quantiles.ofSorted(sorted, low / 100), hi = Quantiles.ofSorted(sorted, high / 100);
		if (hi <= lo) {
			lo = sorted[0];
			hi = sorted[sorted.length - 1];
		}
		if (hi <= lo) {
			lo -= 0.5;
			hi = lo + 1;
		}
		return new ValueRange(lo, hi, priorLow, priorHigh);
	}

	private static void checkPrior(final double low, final double high) {
		Checks.require(Double.isFinite(low), "prior_low", "got " + low, "a finite number");
		Checks.require(Double.isFinite(high) && high > low, "prior_high", "got " + high +
			" with prior_low " + low, "a finite number > prior_low");
	}

	/** Data values to the prior's range, into {@code out} (which may be {@code data}). */
	public void toPrior(final float[] data, final float[] out) {
		Checks.length("out", out, data.length);
		for (int i = 0; i < data.length; i++) out[i] = (float) ((data[i] - dataLow) * scale +
			priorLow);
	}

	/** Data values to the prior's range, as a new array. */
	public float[] toPrior(final float[] data) {
		final float[] out = new float[data.length];
		toPrior(data, out);
		return out;
	}

	/** Prior-range values back to data values, into {@code out} (which may be {@code values}). */
	public void fromPrior(final float[] values, final float[] out) {
		Checks.length("out", out, values.length);
		for (int i = 0; i < values.length; i++) out[i] = (float) ((values[i] - priorLow) / scale +
			dataLow);
	}

	/** Prior-range values back to data values, as a new array. */
	public float[] fromPrior(final float[] values) {
		final float[] out = new float[values.length];
		fromPrior(values, out);
		return out;
	}

	/** A noise standard deviation in data units, in prior units. */
	public double sigmaToPrior(final double sigma) {
		return sigma * scale;
	}

	/** A noise standard deviation in prior units, in data units. */
	public double sigmaFromPrior(final double sigma) {
		return sigma / scale;
	}

	public double dataLow() {
		return dataLow;
	}

	public double dataHigh() {
		return dataHigh;
	}

	public double priorLow() {
		return priorLow;
	}

	public double priorHigh() {
		return priorHigh;
	}

	/** Prior units per data unit. */
	public double scale() {
		return scale;
	}

	/** For image metadata. */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, "data [%.6g, %.6g] -> prior [%g, %g]", dataLow,
			dataHigh, priorLow, priorHigh);
	}
}
