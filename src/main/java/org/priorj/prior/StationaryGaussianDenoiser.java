package org.priorj.prior;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.IntStream;

import org.jtransforms.fft.DoubleFFT_2D;
import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The exact MMSE denoiser of a stationary Gaussian prior {@code x_0 ~ N(m, C)} on periodic images:
 * m is one value for every pixel and C is circulant, {@code C = F* diag(P) F} with F the
 * orthonormal 2-D DFT, so P, the power spectrum, holds the variance of each Fourier coefficient
 * (and the pixel variance is the mean of P). Then
 * <pre>
 *   D(x, sigma) = m + F^-1 [ P / (P + sigma^2) F(x - m) ]
 * </pre>
 * computed in double with a plain (not centred) FFT and rounded once. Boundary: periodic, as the
 * circulant covariance implies: the left and right edges (top and bottom) are neighbours. Each
 * channel of each image is denoised alone with the same spectrum. Images need at least 2 x 2
 * pixels.
 * <p>
 * Spectrum index convention: {@code P[ky * W + kx]}, zero frequency at index 0, and index k on an
 * axis of n samples standing for the frequency {@code k / n} cycles per pixel folded into
 * [-1/2, 1/2) ({@code k - n} for {@code k >= n/2} rounded up). P must be positive and symmetric,
 * {@code P(-k) = P(k)}, so that C is real. The spectrum is either a function of frequency
 * ({@link #parametric}, any image size) or a table for one image size ({@link #ofSpectrum},
 * {@link #estimate}). Immutable and thread-safe; the spectrum of each image size is tabulated once,
 * and the images and channels of a batch run in parallel.
 */
public final class StationaryGaussianDenoiser extends AnalyticDenoiser {

	/** P(fy, fx) in cycles per pixel, or null when only {@link #table} exists. */
	private final DoubleBinaryOperator spectrum;
	/** The fixed-size spectrum, or null when {@link #spectrum} is a function. */
	private final double[] table;
	private final int tableHeight, tableWidth;
	private final double mean;
	private final Map<Long, Grid> grids = new ConcurrentHashMap<>();

	/**
	 * One image size's spectrum and FFT plans: one plan per thread, because a JTransforms 2-D plan
	 * is not safe for concurrent calls (for power-of-two sizes it rewrites its own row length
	 * during each transform).
	 */
	private static final class Grid {

		final double[] spectrum;
		final ThreadLocal<DoubleFFT_2D> fft;

		Grid(final double[] spectrum, final int height, final int width) {
			this.spectrum = spectrum;
			this.fft = ThreadLocal.withInitial(() -> new DoubleFFT_2D(height, width));
		}
	}

	private StationaryGaussianDenoiser(final int channels, final double mean,
		final DoubleBinaryOperator spectrum, final double[] table, final int height, final int width,
		final double low, final double high)
	{
		super("gaussian-stationary", channels, low, high);
		Checks.require(Double.isFinite(mean), "mean", "got " + mean, "a finite number");
		this.mean = mean;
		this.spectrum = spectrum;
		this.table = table;
		this.tableHeight = height;
		this.tableWidth = width;
	}

	/**
	 * The spectrum {@code P(f) = amplitude / (1 + (|f| / k0)^2)^alpha}, |f| in cycles per pixel:
	 * flat below the corner frequency {@code k0} (> 0) and falling as {@code |f|^(-2 alpha)}
	 * above it ({@code alpha} >= 0; natural images are near alpha = 1). Any image size.
	 */
	public static StationaryGaussianDenoiser parametric(final int channels, final double mean,
		final double amplitude, final double k0, final double alpha, final double low,
		final double high)
	{
		Checks.positive("amplitude", amplitude);
		Checks.positive("k0", k0);
		Checks.nonNegative("alpha", alpha);
		return new StationaryGaussianDenoiser(channels, mean, (fy, fx) -> amplitude / Math.pow(1 +
			(fy * fy + fx * fx) / (k0 * k0), alpha), null, 0, 0, low, high);
	}

	/**
	 * A given spectrum for images of {@code height x width} pixels (index convention in the class
	 * comment); positive, and symmetric to 1e-6 of its largest value (it is then symmetrised
	 * exactly).
	 */
	public static StationaryGaussianDenoiser ofSpectrum(final int channels, final double mean,
		final int height, final int width, final double[] spectrum, final double low,
		final double high)
	{
		checkSize("spectrum", height, width);
		final String allowed = "exactly " + height * width + " values (H x W = " + height + "x" +
			width + ")";
		if (spectrum == null) throw Checks.bad("spectrum", "got null", allowed);
		Checks.require(spectrum.length == height * width, "spectrum", "got " + spectrum.length +
			" values", allowed);
		double max = 0;
		for (int i = 0; i < spectrum.length; i++) {
			Checks.require(spectrum[i] > 0 && Double.isFinite(spectrum[i]), "spectrum", "value " +
				spectrum[i] + " at index " + i, "finite numbers > 0");
			max = Math.max(max, spectrum[i]);
		}
		final double[] p = new double[spectrum.length];
		for (int ky = 0; ky < height; ky++) {
			for (int kx = 0; kx < width; kx++) {
				final int i = ky * width + kx, j = mirror(ky, height) * width + mirror(kx, width);
				Checks.require(Math.abs(spectrum[i] - spectrum[j]) <= 1e-6 * max, "spectrum",
					"P[" + i + "] = " + spectrum[i] + " but its mirror P[" + j + "] = " + spectrum[j],
					"a symmetric spectrum, P(-k) = P(k)");
				p[i] = 0.5 * (spectrum[i] + spectrum[j]);
			}
		}
		return new StationaryGaussianDenoiser(channels, mean, null, p, height, width, low, high);
	}

	/**
	 * The spectrum and mean of a batch of images (N, C, H, W): m is the mean of all values and P
	 * the periodogram {@code |F(x - m)|^2} (orthonormal F) averaged over every image and channel.
	 * Two adjustments keep P usable: the zero frequency, which subtracting m from a single image
	 * empties, gets at least the largest other value (the image mean is left to the data), and
	 * every value is raised to at least 1e-6 of the largest.
	 */
	public static StationaryGaussianDenoiser estimate(final float[] images, final Shape nchw,
		final double low, final double high)
	{
		if (nchw == null || nchw.rank() != 4) throw Checks.bad("images", "shape " + nchw,
			"a batch of shape (N, C, H, W)");
		nchw.check("images", images, "N x C x H x W");
		Checks.finite("images", images);
		final int height = nchw.dim(2), width = nchw.dim(3), plane = height * width;
		checkSize("images", height, width);
		double sum = 0;
		for (final float v : images) sum += v;
		final double m = sum / images.length;
		final DoubleFFT_2D fft = new DoubleFFT_2D(height, width);
		final double[] p = new double[plane];
		final double[] a = new double[2 * plane];
		final int planes = images.length / plane;
		for (int k = 0; k < planes; k++) {
			for (int i = 0; i < plane; i++) {
				a[2 * i] = images[k * plane + i] - m;
				a[2 * i + 1] = 0;
			}
			fft.complexForward(a);
			for (int i = 0; i < plane; i++) p[i] += (a[2 * i] * a[2 * i] + a[2 * i + 1] *
				a[2 * i + 1]) / plane;
		}
		double max = 0;
		for (int i = 0; i < plane; i++) {
			p[i] /= planes;
			if (i > 0) max = Math.max(max, p[i]);
		}
		p[0] = Math.max(p[0], max);
		max = Math.max(max, p[0]);
		for (int i = 0; i < plane; i++) p[i] = Math.max(p[i], 1e-6 * max);
		return new StationaryGaussianDenoiser(nchw.dim(1), m, null, p, height, width, low, high);
	}

	public double mean() {
		return mean;
	}

	/** The spectrum P on an image of {@code height x width} pixels (a copy). */
	public double[] spectrum(final int height, final int width) {
		return grid("shape", height, width).spectrum.clone();
	}

	/**
	 * The covariance {@code c(dy, dx)} between pixels {@code (y, x)} and {@code (y + dy, x + dx)}
	 * (periodic), at index {@code dy * W + dx}: the inverse DFT of P, so that
	 * {@code C[i][j] = c(i - j)} with the differences taken modulo the image size; {@code c(0, 0)}
	 * is the pixel variance.
	 */
	public double[] autocovariance(final int height, final int width) {
		final Grid g = grid("shape", height, width);
		final double[] a = new double[2 * g.spectrum.length];
		for (int i = 0; i < g.spectrum.length; i++) a[2 * i] = g.spectrum[i];
		g.fft.get().complexInverse(a, true);
		final double[] c = new double[g.spectrum.length];
		for (int i = 0; i < c.length; i++) c[i] = a[2 * i];
		return c;
	}

	@Override
	protected float[] compute(final float[] x, final Shape nchw, final double sigma) {
		final int height = nchw.dim(2), width = nchw.dim(3), plane = height * width;
		final Grid g = grid("x", height, width);
		final double s2 = sigma * sigma;
		final double[] gain = new double[plane];
		for (int i = 0; i < plane; i++) gain[i] = g.spectrum[i] / (g.spectrum[i] + s2);
		final float[] out = new float[x.length];
		IntStream.range(0, x.length / plane).parallel().forEach(k -> {
			final int offset = k * plane;
			final double[] a = new double[2 * plane];
			for (int i = 0; i < plane; i++) a[2 * i] = x[offset + i] - mean;
			final DoubleFFT_2D fft = g.fft.get();
			fft.complexForward(a);
			for (int i = 0; i < plane; i++) {
				a[2 * i] *= gain[i];
				a[2 * i + 1] *= gain[i];
			}
			fft.complexInverse(a, true);
			for (int i = 0; i < plane; i++) out[offset + i] = (float) (mean + a[2 * i]);
		});
		return out;
	}

	private Grid grid(final String parameter, final int height, final int width) {
		checkSize(parameter, height, width);
		if (table != null) {
			Checks.require(height == tableHeight && width == tableWidth, parameter, "images of " +
				height + " x " + width + " pixels", "images of " + tableHeight + " x " + tableWidth +
					" pixels, the size of the prior's spectrum");
		}
		return grids.computeIfAbsent(((long) height << 32) | width, key -> new Grid(table != null
			? table : tabulate(height, width), height, width));
	}

	private double[] tabulate(final int height, final int width) {
		final double[] p = new double[height * width];
		for (int ky = 0; ky < height; ky++) {
			final double fy = frequency(ky, height);
			for (int kx = 0; kx < width; kx++) p[ky * width + kx] = spectrum.applyAsDouble(fy,
				frequency(kx, width));
		}
		return p;
	}

	/** Frequency of DFT index k on n samples, in cycles per pixel, folded into [-1/2, 1/2). */
	static double frequency(final int k, final int n) {
		return (2 * k >= n ? k - n : k) / (double) n;
	}

	private static int mirror(final int k, final int n) {
		return k == 0 ? 0 : n - k;
	}

	private static void checkSize(final String parameter, final int height, final int width) {
		// JTransforms' 2-D transforms need two samples per axis
		Checks.require(height >= 2 && width >= 2, parameter, "images of " + height + " x " + width +
			" pixels", "at least 2 x 2 pixels");
	}
}
