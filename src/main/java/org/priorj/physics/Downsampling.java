package org.priorj.physics;

import org.priorj.base.Shape;

import org.priorj.base.Checks;

/**
 * Downsampling of an image (H, W) by an integer factor 2, 3 or 4 to (H/f, W/f), the forward model of
 * super-resolution. Both methods are separable filters followed by decimation:
 * <ul>
 * <li>{@link Method#BLOCK_AVERAGE}: each output pixel is the mean of an f x f block;</li>
 * <li>{@link Method#BICUBIC}: antialiased bicubic as MATLAB's {@code imresize} (Keys cubic, a = -0.5,
 * stretched by f, so 4f taps per axis; output pixel i is centred on input coordinate (i + 0.5) f -
 * 0.5; weights normalised to sum 1), with the image extended by the chosen {@link Boundary}.</li>
 * </ul>
 * A size that is not a multiple of the factor is refused rather than padded, so that a
 * super-resolved result always has exactly f times the size of the measurement.
 * <p>
 * Memory: the filter tables, about 4f (H/f + W/f) ints and floats for bicubic; a scratch array of
 * H W/f floats per call.
 */
public final class Downsampling implements LinearOperator {

	public enum Method { BLOCK_AVERAGE, BICUBIC }

	private final Shape domain, range;
	private final int factor;
	private final Method method;
	private final Boundary boundary;
	private final SparseRows alongX, alongY;

	public Downsampling(final int height, final int width, final int factor, final Method method,
		final Boundary boundary)
	{
		Checks.require(factor >= 2 && factor <= 4, "factor", "got " + factor, "2, 3 or 4");
		Checks.positive("height", height);
		Checks.positive("width", width);
		Checks.require(height % factor == 0 && width % factor == 0, "factor", "image " + width +
			"x" + height + " is not divisible by " + factor,
			"a factor that divides both width and height (crop or pad the image first)");
		this.domain = Shape.of(height, width);
		this.range = Shape.of(height / factor, width / factor);
		this.factor = factor;
		this.method = method;
		this.boundary = boundary;
		alongX = axis(width);
		alongY = axis(height);
	}

	public Downsampling(final int height, final int width, final int factor, final Method method) {
		this(height, width, factor, method, Boundary.REFLECT);
	}

	private SparseRows axis(final int n) {
		final int m = n / factor;
		final int[][] idx = new int[m][];
		final float[][] wt = new float[m][];
		for (int o = 0; o < m; o++) {
			if (method == Method.BLOCK_AVERAGE) {
				idx[o] = new int[factor];
				wt[o] = new float[factor];
				for (int k = 0; k < factor; k++) {
					idx[o][k] = o * factor + k;
					wt[o][k] = 1f / factor;
				}
				continue;
			}
			final double u = (o + 0.5) * factor - 0.5;
			final int lo = (int) Math.floor(u - 2 * factor), hi = (int) Math.ceil(u + 2 * factor);
			final int[] ix = new int[hi - lo + 1];
			final double[] w = new double[ix.length];
			double sum = 0;
			for (int j = lo; j <= hi; j++) {
				w[j - lo] = cubic((u - j) / factor);
				sum += w[j - lo];
				ix[j - lo] = boundary.source(j, n);
			}
			int kept = 0;
			for (int k = 0; k < ix.length; k++) if (ix[k] >= 0 && w[k] != 0) kept++;
			idx[o] = new int[kept];
			wt[o] = new float[kept];
			kept = 0;
			for (int k = 0; k < ix.length; k++) {
				if (ix[k] < 0 || w[k] == 0) continue;
				idx[o][kept] = ix[k];
				wt[o][kept++] = (float) (w[k] / sum);
			}
		}
		return new SparseRows(n, idx, wt);
	}

	/** Keys' cubic convolution kernel, a = -0.5: support [-2, 2], a partition of unity. */
	public static double cubic(final double x) {
		final double a = -0.5, t = Math.abs(x);
		if (t <= 1) return ((a + 2) * t - (a + 3)) * t * t + 1;
		if (t < 2) return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
		return 0;
	}

	public int factor() {
		return factor;
	}

	public Method method() {
		return method;
	}

	@Override
	public Shape domain() {
		return domain;
	}

	@Override
	public Shape range() {
		return range;
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		Checks.length("x", x, domain.size());
		Checks.length("y", y, range.size());
		final float[] tmp = new float[domain.dim(0) * range.dim(1)];
		alongX.applyRows(x, tmp, domain.dim(0));
		alongY.applyColumns(tmp, y, range.dim(1));
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		Checks.length("y", y, range.size());
		Checks.length("x", x, domain.size());
		final float[] tmp = new float[domain.dim(0) * range.dim(1)];
		alongY.transposeColumns(y, tmp, range.dim(1));
		alongX.transposeRows(tmp, x, domain.dim(0));
	}

	@Override
	public String describe() {
		return "downsample " + domain + " factor " + factor + " " + method.name().toLowerCase() +
			(method == Method.BICUBIC ? " boundary " + boundary.name().toLowerCase() : "");
	}
}
