package org.priorj.physics;

import org.priorj.base.Checks;

/**
 * A 2-D point-spread function, normalised to sum 1 so that a blur keeps the mean intensity. Its
 * centre is the pixel (height/2, width/2) (integer division): exact for odd sizes, half a pixel
 * towards the top left of the geometric centre for even sizes.
 */
public final class Kernel {

	private final float[] data;
	private final int height;
	private final int width;

	private Kernel(final float[] data, final int height, final int width) {
		this.data = data;
		this.height = height;
		this.width = width;
	}

	/**
	 * A user's PSF (row-major {@code height x width}); refused when it holds NaN or Inf, or when its
	 * sum is not positive (an all-zero PSF, for example).
	 */
	public static Kernel of(final float[] psf, final int height, final int width) {
		return of("psf", psf, height, width);
	}

	/** {@link #of(float[], int, int)}, refusals naming {@code parameter} (e.g. psf_image). */
	public static Kernel of(final String parameter, final float[] psf, final int height,
		final int width)
	{
		Checks.positive(parameter + " height", height);
		Checks.positive(parameter + " width", width);
		Checks.length(parameter, psf, height * width);
		Checks.finite(parameter, psf);
		double sum = 0;
		for (final float v : psf) sum += v;
		Checks.require(sum > 0, parameter, "values sum to " + sum,
			"a PSF whose values sum to a positive number (it is normalised to sum 1)");
		final float[] d = new float[psf.length];
		for (int i = 0; i < d.length; i++) d[i] = (float) (psf[i] / sum);
		return new Kernel(d, height, width);
	}

	/** Isotropic Gaussian with standard deviation {@code sigma} pixels, truncated at 3 sigma. */
	public static Kernel gaussian(final double sigma) {
		Checks.positive("sigma", sigma);
		final int r = (int) Math.ceil(3 * sigma);
		final int n = 2 * r + 1;
		final float[] d = new float[n * n];
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				final double dy = y - r, dx = x - r;
				d[y * n + x] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
			}
		return of(d, n, n);
	}

	/** Uniform square of {@code size x size} pixels. */
	public static Kernel box(final int size) {
		Checks.positive("size", size);
		final float[] d = new float[size * size];
		java.util.Arrays.fill(d, 1f);
		return of(d, size, size);
	}

	/**
	 * Linear motion blur over {@code length} pixels at {@code angleDegrees} (counter-clockwise from
	 * the x axis, as ImageJ shows it: y grows downwards), drawn with sub-pixel sampling of the
	 * segment.
	 */
	public static Kernel motion(final double length, final double angleDegrees) {
		Checks.require(length >= 1 && Double.isFinite(length), "length", "got " + length,
			"a finite length >= 1 pixel");
		Checks.require(Double.isFinite(angleDegrees), "angle", "got " + angleDegrees,
			"a finite angle in degrees");
		final int r = (int) Math.ceil(length / 2);
		final int n = 2 * r + 1;
		final float[] d = new float[n * n];
		final double a = Math.toRadians(angleDegrees);
		final double cx = Math.cos(a), cy = -Math.sin(a);
		final int samples = (int) Math.ceil(length * 8) + 1;
		for (int s = 0; s < samples; s++) {
			final double t = (s / (double) (samples - 1) - 0.5) * (length - 1);
			final double px = r + t * cx, py = r + t * cy;
			// bilinear splat keeps the segment's centre of mass where it should be
			final int x0 = (int) Math.floor(px), y0 = (int) Math.floor(py);
			final double fx = px - x0, fy = py - y0;
			splat(d, n, x0, y0, (1 - fx) * (1 - fy));
			splat(d, n, x0 + 1, y0, fx * (1 - fy));
			splat(d, n, x0, y0 + 1, (1 - fx) * fy);
			splat(d, n, x0 + 1, y0 + 1, fx * fy);
		}
		return of(d, n, n);
	}

	private static void splat(final float[] d, final int n, final int x, final int y,
		final double w)
	{
		if (x >= 0 && y >= 0 && x < n && y < n) d[y * n + x] += (float) w;
	}

	public int height() {
		return height;
	}

	public int width() {
		return width;
	}

	public int centerY() {
		return height / 2;
	}

	public int centerX() {
		return width / 2;
	}

	public float at(final int y, final int x) {
		return data[y * width + x];
	}

	public float[] values() {
		return data.clone();
	}
}
