package org.priorj.metrics;

import org.priorj.base.Checks;

/**
 * Peak signal-to-noise ratio in decibels, {@code 10 log10(data_range^2 / MSE)}, with the mean
 * squared error taken over all pixels or over a mask. The data range (maximum minus minimum
 * possible value, e.g. 255 for 8-bit data or 1 for data in [0, 1]) is always given by the caller,
 * never guessed from the images, because guessing makes numbers from different tools disagree.
 * Identical images give {@link Double#POSITIVE_INFINITY}.
 */
public final class Psnr {

	private Psnr() {}

	/** PSNR over all pixels. */
	public static double compute(final float[] reference, final float[] estimate,
		final double dataRange)
	{
		return compute(reference, estimate, dataRange, null);
	}

	/** PSNR over the pixels where {@code mask} is true ({@code null}: all pixels). */
	public static double compute(final float[] reference, final float[] estimate,
		final double dataRange, final boolean[] mask)
	{
		Inputs.present("reference", reference);
		Inputs.sameSize("reference", reference, "estimate", estimate);
		Inputs.dataRange(dataRange);
		if (mask != null) Checks.require(mask.length == reference.length, "mask", mask.length +
			" pixels", "the size of reference, " + reference.length + " pixels");
		double sum = 0;
		long n = 0;
		for (int i = 0; i < reference.length; i++) {
			if (mask != null && !mask[i]) continue;
			final double d = (double) reference[i] - estimate[i];
			sum += d * d;
			n++;
		}
		Checks.require(n > 0, "mask", "no pixel selected", "a mask selecting at least one pixel");
		final double mse = sum / n;
		return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(dataRange * dataRange / mse);
	}
}
