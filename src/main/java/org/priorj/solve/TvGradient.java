package org.priorj.solve;

import org.priorj.image.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Shape;

/**
 * The forward-difference gradient D of an image {@code (H, W)} or a volume {@code (Z, H, W)}, and
 * its exact adjoint D<sup>T</sup> (minus the divergence), the linear part of total variation.
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
	private final int height;
	private final int width;
	private final float zWeight;

	/** The gradient with unit weight on every axis. */
	public TvGradient(final Shape shape) {
		this(shape, 1);
	}

	/**
	 * @param shape {@code (H, W)} or {@code (Z, H, W)}
	 * @param zWeight factor on the z differences of a volume, >= 0 (ignored for an image)
	 */
	public TvGradient(final Shape shape, final double zWeight) {
		if (shape == null) throw Checks.bad("shape", "got null", "an image (H, W) or a volume (Z, H, W)");
		Checks.require(shape.rank() == 2 || shape.rank() == 3, "shape", "rank " + shape.rank() +
			" (" + shape + ")", "an image (H, W) or a volume (Z, H, W)");
		Checks.nonNegative("z_weight", zWeight);
		this.domain = shape;
		this.range = shape.prepend(shape.rank());
		this.volume = shape.rank() == 3;
		this.depth = volume ? shape.dim(0) : 1;
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

	/** Rows of the image or volume, Z H, the unit of parallel work. */
	int rows() {
		return depth * height;
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
		TvRows.forEach(rows(), width, r -> gradientRow(x, g, r));
	}

	@Override
	public void adjoint(final float[] g, final float[] x) {
		range.check("g", g, "gradient shape (components first)");
		domain.check("x", x, "image shape");
		TvRows.forEach(rows(), width, r -> adjointRow(g, x, r));
	}

	/**
	 * The isotropic total variation of {@code x}: the sum over pixels of the length of the
	 * gradient, {@code sum_i sqrt(sum_k (D_k x)[i]^2)}.
	 */
	public double isotropicTv(final float[] x) {
		final float[] g = range.newArray();
		apply(x, g);
		return magnitudeSum(g);
	}

	/** {@code sum_i sqrt(sum_k g_k[i]^2)} of a gradient field g (the l2,1 norm). */
	public double magnitudeSum(final float[] g) {
		range.check("g", g, "gradient shape (components first)");
		final int n = domain.size();
		final int c = components();
		return TvRows.sum(rows(), width, r -> {
			double s = 0;
			for (int i = r * width, end = i + width; i < end; i++) {
				double m = 0;
				for (int k = 0; k < c; k++) {
					final double v = g[k * n + i];
					m += v * v;
				}
				s += Math.sqrt(m);
			}
			return s;
		});
	}

	private void gradientRow(final float[] v, final float[] g, final int r) {
		final int n = domain.size();
		final int z = r / height;
		final int y = r - z * height;
		final int i0 = r * width;
		final int last = i0 + width - 1;
		final int ox = (volume ? 2 : 1) * n;
		for (int i = i0; i < last; i++) g[ox + i] = v[i + 1] - v[i];
		g[ox + last] = 0;
		final int oy = (volume ? 1 : 0) * n;
		if (y < height - 1) {
			for (int i = i0; i <= last; i++) g[oy + i] = v[i + width] - v[i];
		}
		else {
			for (int i = i0; i <= last; i++) g[oy + i] = 0;
		}
		if (volume) {
			final int plane = height * width;
			if (z < depth - 1) {
				for (int i = i0; i <= last; i++) g[i] = zWeight * (v[i + plane] - v[i]);
			}
			else {
				for (int i = i0; i <= last; i++) g[i] = 0;
			}
		}
	}

	private void adjointRow(final float[] g, final float[] out, final int r) {
		final int n = domain.size();
		final int z = r / height;
		final int y = r - z * height;
		final int i0 = r * width;
		final int last = i0 + width - 1;
		final int ox = (volume ? 2 : 1) * n;
		float previous = 0;
		for (int i = i0; i < last; i++) {
			final float c = g[ox + i];
			out[i] = previous - c;
			previous = c;
		}
		out[last] = previous;
		final int oy = (volume ? 1 : 0) * n;
		if (y > 0) {
			for (int i = i0; i <= last; i++) out[i] += g[oy + i - width];
		}
		if (y < height - 1) {
			for (int i = i0; i <= last; i++) out[i] -= g[oy + i];
		}
		if (volume && zWeight != 0) {
			final int plane = height * width;
			if (z > 0) {
				for (int i = i0; i <= last; i++) out[i] += zWeight * g[i - plane];
			}
			if (z < depth - 1) {
				for (int i = i0; i <= last; i++) out[i] -= zWeight * g[i];
			}
		}
	}
}
