package org.priorj.metrics;

import java.util.stream.IntStream;

import org.priorj.base.Checks;

/**
 * Structural similarity (Wang et al. 2004) of two 2-D images, computed as scikit-image's
 * {@code structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False, data_range=R)} does, so that PriorJ's numbers match the field's:
 * <ul>
 * <li>local means, variances and covariance are Gaussian-weighted, sigma 1.5 pixels, truncated at
 * 3.5 sigma (radius 5, an 11 x 11 window), weights normalised to sum 1;</li>
 * <li>population (not sample) covariances; {@code C1 = (0.01 R)^2}, {@code C2 = (0.03 R)^2} with
 * the data range R given by the caller;</li>
 * <li>the filter extends the image by half-sample symmetric reflection ({@code d c b a | a b c d},
 * scipy's {@code mode='reflect'});</li>
 * <li>the mean SSIM is taken over the image cropped by the radius (5 pixels) on every side.</li>
 * </ul>
 * Images are row-major {@code (height, width)} arrays, at least 11 x 11. Computed in double.
 */
public final class Ssim {

	/** Standard deviation of the Gaussian window, in pixels. */
	public static final double SIGMA = 1.5;
	/** Window radius: {@code (int) (3.5 * SIGMA + 0.5)}, as scipy truncates the Gaussian. */
	public static final int RADIUS = 5;
	public static final double K1 = 0.01, K2 = 0.03;

	private static final double[] KERNEL = gaussianKernel();

	private Ssim() {}

	/** Mean SSIM over the image cropped by {@link #RADIUS} on every side. */
	public static double compute(final float[] reference, final float[] estimate,
		final int height, final int width, final double dataRange)
	{
		final double[] s = map(reference, estimate, height, width, dataRange);
		double sum = 0;
		for (int y = RADIUS; y < height - RADIUS; y++) {
			for (int x = RADIUS; x < width - RADIUS; x++) sum += s[y * width + x];
		}
		return sum / ((height - 2 * RADIUS) * (width - 2 * RADIUS));
	}

	/** The SSIM at every pixel (uncropped), row-major. */
	public static double[] map(final float[] reference, final float[] estimate, final int height,
		final int width, final double dataRange)
	{
		Checks.require(height > 2 * RADIUS && width > 2 * RADIUS, "reference", "an image of " +
			height + "x" + width, "at least " + (2 * RADIUS + 1) + "x" + (2 * RADIUS + 1) +
				" pixels");
		Inputs.present("reference", reference);
		Checks.require(reference.length == height * width, "reference", reference.length +
			" pixels", "height * width = " + height * width + " pixels");
		Inputs.sameSize("reference", reference, "estimate", estimate);
		Inputs.dataRange(dataRange);
		final int n = height * width;
		final double[] x = new double[n], y = new double[n], xx = new double[n],
				yy = new double[n], xy = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = reference[i];
			y[i] = estimate[i];
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
			xy[i] = x[i] * y[i];
		}
		final double[] ux = filter(x, height, width), uy = filter(y, height, width);
		final double[] uxx = filter(xx, height, width), uyy = filter(yy, height, width);
		final double[] uxy = filter(xy, height, width);
		final double c1 = K1 * dataRange * K1 * dataRange, c2 = K2 * dataRange * K2 * dataRange;
		final double[] s = new double[n];
		for (int i = 0; i < n; i++) {
			final double vx = uxx[i] - ux[i] * ux[i], vy = uyy[i] - uy[i] * uy[i];
			final double vxy = uxy[i] - ux[i] * uy[i];
			s[i] = (2 * ux[i] * uy[i] + c1) * (2 * vxy + c2) / ((ux[i] * ux[i] + uy[i] * uy[i] +
				c1) * (vx + vy + c2));
		}
		return s;
	}

	/** Separable Gaussian filter, rows then columns, with half-sample symmetric reflection. */
	private static double[] filter(final double[] in, final int height, final int width) {
		final double[] tmp = new double[in.length], out = new double[in.length];
		// Each output pixel is computed on its own, so the parallel result is deterministic.
		IntStream.range(0, height).parallel().forEach(y -> {
			final int row = y * width;
			for (int x = 0; x < width; x++) {
				double s = 0;
				for (int k = -RADIUS; k <= RADIUS; k++) s += KERNEL[k + RADIUS] * in[row + reflect(x +
					k, width)];
				tmp[row + x] = s;
			}
		});
		IntStream.range(0, height).parallel().forEach(y -> {
			for (int x = 0; x < width; x++) {
				double s = 0;
				for (int k = -RADIUS; k <= RADIUS; k++) s += KERNEL[k + RADIUS] * tmp[reflect(y + k,
					height) * width + x];
				out[y * width + x] = s;
			}
		});
		return out;
	}

	/** Index into {@code [0, n)} by half-sample symmetric reflection; valid for i in (-n, 2n). */
	private static int reflect(final int i, final int n) {
		return i < 0 ? -i - 1 : i >= n ? 2 * n - i - 1 : i;
	}

	private static double[] gaussianKernel() {
		final double[] k = new double[2 * RADIUS + 1];
		double sum = 0;
		for (int i = -RADIUS; i <= RADIUS; i++) sum += k[i + RADIUS] = Math.exp(-0.5 * i * i /
			(SIGMA * SIGMA));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		return k;
	}
}
