package org.priorj.prior;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The input checks every {@link Denoiser} and {@link EpsilonModel} makes, so that each refuses a bad
 * call with the same message: the batch {@code x} must have a rank-4 shape (N, C, H, W) with the
 * prior's channel count and exactly that many finite values; {@code sigma} must be a finite
 * number >= 0; a value range must have finite bounds with high > low.
 */
public final class Denoisers {

	private Denoisers() {}

	/** Refuses a noise level that is negative, NaN or infinite (parameter {@code sigma}). */
	public static double checkSigma(final double sigma) {
		Checks.require(sigma >= 0 && Double.isFinite(sigma), "sigma", "got " + sigma,
			"a finite number >= 0");
		return sigma;
	}

	/**
	 * Refuses a batch {@code x} whose shape is not (N, C, H, W) with {@code channels} channels, or
	 * whose values do not fill it or are not finite (parameter {@code x}).
	 */
	public static float[] checkBatch(final float[] x, final Shape nchw, final int channels) {
		return checkBatch("x", x, nchw, channels);
	}

	/** As {@link #checkBatch(float[], Shape, int)} for an argument named {@code parameter}. */
	public static float[] checkBatch(final String parameter, final float[] x, final Shape nchw,
		final int channels)
	{
		if (nchw == null) throw Checks.bad(parameter, "no shape", "a batch of shape (N, C, H, W)");
		Checks.require(nchw.rank() == 4, parameter, "shape " + nchw + " of rank " + nchw.rank(),
			"a batch of shape (N, C, H, W), rank 4");
		Checks.require(nchw.dim(1) == channels, parameter, "shape " + nchw + " with " + nchw.dim(
			1) + " channels", "exactly " + channels + " channel" + (channels == 1 ? "" : "s") +
			" (N, C, H, W)");
		nchw.check(parameter, x, "N x C x H x W");
		return Checks.finite(parameter, x);
	}

	/** Refuses a missing or empty prior name (parameter {@code name}). */
	public static String checkName(final String name) {
		if (name == null || name.isEmpty()) throw Checks.bad("name", "got " + (name == null
			? "null" : "an empty name"), "a name");
		return name;
	}

	/** Refuses a value range [low, high] that is not finite or not increasing (parameter {@code range}). */
	public static void checkRange(final double low, final double high) {
		Checks.require(Double.isFinite(low) && Double.isFinite(high) && high > low, "range",
			"[" + low + ", " + high + "]", "finite bounds with high > low");
	}
}
