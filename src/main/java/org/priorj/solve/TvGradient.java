package org.priorj.solve;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/**
 * The forward-difference gradient D of an image {@code (H, W)} or a volume {@code (Z, H, W)}, and
 * its exact adjoint D<sup>T</sup> (minus the divergence), the linear part of total variation. A
 * volume of C-channel slices {@code (Z, C, H, W)} (complex MRI slices: C = 2, real and imaginary)
 * is C volumes interleaved slice by slice: each channel has its own gradient, its z neighbour C
 * planes on, and no difference joins two channels.
 * <p>
 * <b>Layout.</b> The gradient of an image is {@code (2, H, W)}: component 0 is the difference
 * along rows (y, axis 0), component 1 along columns (x, axis 1). The gradient of a volume is
 * {@code (3, Z, H, W)} with components z, y, x. This is the axis order of {@code numpy.diff(x,
 * axis=k)} for k = 0, 1, (2), as scikit-image's TV code uses it.
 * <p>
 * <b>Differences and boundary.</b> {@code (D_k x)[i] = x[i + e_k] - x[i]}, and 0 at the last
 * index along axis k (Neumann boundary: the image is continued by its edge value). The z
 * component of a volume is multiplied by {@code zWeight} (default 1): a weight below 1 smooths
 * less across slices, as for slices further apart than the in-plane pixel size; 0 makes the
 * TV of a volume the sum of the 2-D TVs of its slices. The adjoint is {@code (D_k^T p)[i] =
 * p[i - e_k] - p[i]}, where p at index -1 and at the last index along k count as 0, so that
 * {@code <Dx, p> = <x, D^T p>} for every p.
 * <p>
 * <b>Norm.</b> ||D||<sup>2</sup> &lt;= 8 for images and 8 + 4 zWeight<sup>2</sup> for volumes
 * ({@link #normBound()}); step sizes of TV solvers come from this bound.
 * <p>
 * Runs in parallel over rows for large arrays; deterministic. Immutable and safe for concurrent
 * calls.
 */
public final class TvGradient implements LinearOperator {

	private final Shape domain;
	private final Shape range;
	private final boolean volume;
	private final int depth;
	/** Planes per slice: 1, or C of a (Z, C, H, W) volume. */
	private final int channels;
	private final int height;
	private final int width;
	private final float zWeight;

	/** The gradient with unit weight on every axis. */
	public TvGradient(final Shape shape) {
		this(shape, 1);
	}

	/**
	 * @param shape {@code (H, W)}, {@code (Z, H, W)} or {@code (Z, C, H, W)}
	 * @param zWeight factor on the z differences of a volume, >= 0 (ignored for an image)
	 */
	public TvGradient(final Shape shape, final double zWeight) {
		if (shape == null) throw Checks.bad("shape", "got null", "an image (H, W) or a volume (Z, H, W)");
		Checks.require(shape.rank() >= 2 && shape.rank() <= 4, "shape", "rank " + shape.rank() +
			" (" + shape + ")", "an image (H, W), a volume (Z, H, W) or one of C-channel slices " +
				"(Z, C, H, W)");
		Checks.nonNegative("z_weight", zWeight);
		this.domain = shape;
		this.volume = shape.rank() >= 3;
		this.range = shape.prepend(volume ? 3 : 2);
		this.depth = volume ? shape.dim(0) : 1;
		this.channels = shape.rank() == 4 ? shape.dim(1) : 1;
		this.height = shape.dim(-2);
		this.width = shape.dim(-1);
		this.zWeight = volume ? (float) zWeight : 0f;
	}

	@Override
	public Shape domain() {
		return domain;
	}

	@Override
	public Shape range() {
		return range;
	}

	/** Number of gradient components per pixel: 2 for an image, 3 for a volume. */
	public int components() {
		return volume ? 3 : 2;
	}

	public boolean isVolume() {
		return volume;
	}

	/** The weight of the z differences (0 for an image). */
	public double zWeight() {
		return zWeight;
	}

	/** An upper bound of ||D||: sqrt(8) for an image, sqrt(8 + 4 zWeight^2) for a volume. */
	public double normBound() {
		return Math.sqrt(8 + 4.0 * zWeight * zWeight);
	}

	/** Rows of the image or volume, Z C H, the unit of parallel work. */
	int rows() {
		return depth * channels * height;
	}

	int width() {
		return width;
	}

	@Override
	public String describe() {
		return "gradient " + domain + " (forward differences, Neumann" + (volume ? ", z weight " +
			zWeight : "") + ")";
	}

	@Override
	public void apply(final float[] x, final float[] g) {
		domain.check("x", x, "image shape");
		range.check("g", g, "gradient shape (components first)");
		final float[][] field = newField();
		apply(x, field, new float[domain.size()]);
		for (int k = 0; k < field.length; k++) System.arraycopy(field[k], 0, g, k * domain.size(),
			domain.size());
	}

	@Override
	public void adjoint(final float[] g, final float[] x) {
		range.check("g", g, "gradient shape (components first)");
		domain.check("x", x, "image shape");
		final float[][] field = newField();
		for (int k = 0; k < field.length; k++) System.arraycopy(g, k * domain.size(), field[k], 0,
			domain.size());
		adjoint(field, x, new float[domain.size()]);
	}

	/**
	 * The gradient of x into separate component arrays: component k of pixel i goes to
	 * {@code g[k][i]} (each array holds Z H W values). Solvers keep their fields in this form
	 * because loops over one array per component vectorise. {@code scratch} (Z H W values) is
	 * overwritten.
	 */
	void apply(final float[] x, final float[][] g, final float[] scratch) {
		TvRows.forEach(rows(), width, r -> gradientRow(x, r, g, scratch));
	}

	/** The adjoint of {@link #apply(float[], float[][], float[])}; {@code scratch} is overwritten. */
	void adjoint(final float[][] g, final float[] x, final float[] scratch) {
		TvRows.forEach(rows(), width, r -> adjointRow(g, r, x, scratch));
	}

	/** A field of gradients in component form, {@code components() x (Z H W)}. */
	float[][] newField() {
		return new float[components()][domain.size()];
	}

	/**
	 * The isotropic total variation of {@code x}: the sum over pixels of the length of the
	 * gradient, {@code sum_i sqrt(sum_k (D_k x)[i]^2)}.
	 */
	public double isotropicTv(final float[] x) {
		domain.check("x", x, "image shape");
		final float[][] g = newField();
		final float[] scratch = new float[domain.size()];
		apply(x, g, scratch);
		return magnitudeSum(g, scratch);
	}

	/**
	 * {@code sum_i sqrt(sum_k g[k][i]^2)} of a field in component form (the l2,1 norm), with
	 * {@code scratch} (Z H W values) receiving the magnitudes.
	 */
	double magnitudeSum(final float[][] g, final float[] scratch) {
		return TvRows.sum(rows(), width, r -> {
			final int a = r * width, b = a + width;
			magnitudes(g, scratch, a, b);
			return TvRows.sum(scratch, a, b);
		});
	}

	/** m[i] = |(g[0][i], g[1][i](, g[2][i]))| for a <= i < b. */
	static void magnitudes(final float[][] g, final float[] m, final int a, final int b) {
		final float[] g0 = g[0], g1 = g[1];
		if (g.length == 2) {
			for (int i = a; i < b; i++) m[i] = (float) Math.sqrt(g0[i] * g0[i] + g1[i] * g1[i]);
		}
		else {
			final float[] g2 = g[2];
			for (int i = a; i < b; i++) m[i] = (float) Math.sqrt(g0[i] * g0[i] + g1[i] * g1[i] +
				g2[i] * g2[i]);
		}
	}

	/*
	 * The row loops below read a neighbour (i + 1, i + W, i + H W) only through a shifted copy of
	 * it stored at index i of a scratch array: Java 17's JIT vectorises a loop only when all its
	 * arrays are indexed alike, and the copy (System.arraycopy) is an intrinsic. Each row writes
	 * only its own part of the scratch array, so rows can run in parallel.
	 */

	/**
	 * Row r (0 <= r < Z H) of the gradient of v: component k of pixel i goes to {@code g[k][i]}.
	 * The row's part of {@code scratch} is overwritten.
	 */
	void gradientRow(final float[] v, final int r, final float[][] g, final float[] scratch) {
		final int plane = r / height, z = plane / channels;
		final int y = r - plane * height;
		final int a = r * width, b = a + width;
		final float[] gx = g[volume ? 2 : 1], gy = g[volume ? 1 : 0];
		// a neighbour outside the image is the pixel itself, so the difference there is exactly 0
		System.arraycopy(v, a + 1, scratch, a, width - 1);
		scratch[b - 1] = v[b - 1];
		for (int i = a; i < b; i++) gx[i] = scratch[i] - v[i];
		System.arraycopy(v, y < height - 1 ? a + width : a, scratch, a, width);
		for (int i = a; i < b; i++) gy[i] = scratch[i] - v[i];
		if (volume) {
			final float[] gz = g[0];
			System.arraycopy(v, z < depth - 1 ? a + channels * height * width : a, scratch, a, width);
			for (int i = a; i < b; i++) gz[i] = zWeight * (scratch[i] - v[i]);
		}
	}

	/** Row r of D^T g into {@code out}; the row's part of {@code scratch} is overwritten. */
	void adjointRow(final float[][] g, final int r, final float[] out, final float[] scratch) {
		final int plane = r / height, z = plane / channels;
		final int y = r - plane * height;
		final int a = r * width, b = a + width;
		final float[] gx = g[volume ? 2 : 1], gy = g[volume ? 1 : 0];
		// (D_x^T g)[i] = g[i - 1] - g[i], where g before the first and at the last column is 0
		scratch[a] = 0;
		System.arraycopy(gx, a, scratch, a + 1, width - 1);
		for (int i = a; i < b - 1; i++) out[i] = scratch[i] - gx[i];
		out[b - 1] = scratch[b - 1];
		if (y > 0) {
			System.arraycopy(gy, a - width, scratch, a, width);
			for (int i = a; i < b; i++) out[i] += scratch[i];
		}
		if (y < height - 1) {
			for (int i = a; i < b; i++) out[i] -= gy[i];
		}
		if (volume && zWeight != 0) {
			final float[] gz = g[0];
			final int slice = channels * height * width;
			if (z > 0) {
				System.arraycopy(gz, a - slice, scratch, a, width);
				for (int i = a; i < b; i++) out[i] += zWeight * scratch[i];
			}
			if (z < depth - 1) {
				for (int i = a; i < b; i++) out[i] -= zWeight * gz[i];
			}
		}
	}
}
