package org.priorj.prior;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The exact MMSE denoiser of a Gaussian prior with independent pixels, {@code x_0 ~ N(m, diag(s^2))}:
 * <pre>
 *   D(x, sigma) = m + s^2 / (s^2 + sigma^2) (x - m)
 * </pre>
 * pixel by pixel, computed in double and rounded once. The mean m and standard deviation s are
 * either one value for every pixel (any image size) or one value per pixel of a (C, H, W) image,
 * the same for each image of a batch. It is the closed-form oracle of the solver tests
 * (ALGORITHMS.md section 7.0): with {@link DenoiserEpsilonModel} it gives the exact VP noise
 * predictor {@code eps*(x_t) = sqrt(1 - alphaBar) C_t^-1 (x_t - sqrt(alphaBar) m)},
 * {@code C_t = alphaBar diag(s^2) + (1 - alphaBar) I}. Immutable.
 */
public final class DiagonalGaussianDenoiser extends AnalyticDenoiser {

	/** Per-pixel (C, H, W) mean and standard deviation, or one value each (image == null). */
	private final double[] mean, std;
	private final Shape image;

	private DiagonalGaussianDenoiser(final Shape image, final int channels, final double[] mean,
		final double[] std, final double low, final double high)
	{
		super("gaussian-diagonal", channels, low, high);
		for (int i = 0; i < std.length; i++) {
			Checks.require(std[i] > 0 && Double.isFinite(std[i]), "std", "value " + std[i] +
				" at index " + i, "finite numbers > 0");
			Checks.require(Double.isFinite(mean[i]), "mean", "value " + mean[i] + " at index " +
				i, "finite numbers");
		}
		this.image = image;
		this.mean = mean;
		this.std = std;
	}

	/** The same mean and standard deviation (> 0) for every pixel, data declared in [low, high]. */
	public static DiagonalGaussianDenoiser uniform(final int channels, final double mean,
		final double std, final double low, final double high)
	{
		return new DiagonalGaussianDenoiser(null, channels, new double[] { mean }, new double[] {
			std }, low, high);
	}

	/**
	 * One mean and standard deviation (> 0) per pixel of images of shape {@code chw} = (C, H, W),
	 * row-major as the images; data declared in [low, high].
	 */
	public static DiagonalGaussianDenoiser perPixel(final Shape chw, final double[] mean,
		final double[] std, final double low, final double high)
	{
		if (chw == null || chw.rank() != 3) throw Checks.bad("shape", chw == null ? "null"
			: chw.toString(), "an image shape (C, H, W)");
		return new DiagonalGaussianDenoiser(chw, chw.dim(0), perPixel("mean", mean, chw),
			perPixel("std", std, chw), low, high);
	}

	private static double[] perPixel(final String parameter, final double[] values,
		final Shape chw)
	{
		final String allowed = "exactly " + chw.size() + " values (C x H x W = " + chw + ")";
		if (values == null) throw Checks.bad(parameter, "got null", allowed);
		Checks.require(values.length == chw.size(), parameter, "got " + values.length + " values",
			allowed);
		return values.clone();
	}

	/** Mean at flat index {@code i} of a (C, H, W) image (any i for a uniform prior). */
	public double mean(final int i) {
		return mean[i % mean.length];
	}

	/** Standard deviation at flat index {@code i} of a (C, H, W) image. */
	public double std(final int i) {
		return std[i % std.length];
	}

	@Override
	protected float[] compute(final float[] x, final Shape nchw, final double sigma) {
		if (image != null) {
			Checks.require(nchw.dim(2) == image.dim(1) && nchw.dim(3) == image.dim(2), "x",
				"shape " + nchw, "images of " + image.dim(1) + " x " + image.dim(2) +
					" pixels, the shape of the prior's mean");
		}
		final double s2 = sigma * sigma;
		final int period = mean.length;
		final float[] out = new float[x.length];
		for (int i = 0; i < x.length; i++) {
			final int j = i % period;
			final double v = std[j] * std[j];
			out[i] = (float) (mean[j] + v / (v + s2) * (x[i] - mean[j]));
		}
		return out;
	}
}
