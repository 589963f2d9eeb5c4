package org.priorj.image.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.priorj.base.Checks;

/**
 * Renders ellipse and ellipsoid phantoms, among them the Shepp-Logan phantom in 2-D and 3-D.
 * <p>
 * Conventions (those of ODL's {@code ellipsoid_phantom}, which DIVal uses): the image covers
 * [-1, 1] along each axis and the pixel centres run from -1 to +1 inclusive ({@code numpy.linspace(-1,
 * 1, n)}), so pixel i sits at {@code -1 + 2 i / (n - 1)}; a pixel belongs to an ellipse when its
 * centre does (no anti-aliasing); overlapping ellipses add their values.
 * <p>
 * Layout: a 2-D image is a row-major {@code float[n * n]} of shape (H, W) = (n, n), index
 * {@code row * n + col}; a volume is {@code float[n * n * n]} of shape (Z, H, W), index
 * {@code (slice * n + row) * n + col}. Axis mapping, chosen so that the phantom stands upright in
 * ImageJ as scikit-image's {@code shepp_logan_phantom()} does: column {@code col} is x = grid[col]
 * (x to the right), row {@code row} is y = grid[n - 1 - row] (y up, so row 0 is y = +1), slice
 * {@code k} is z = grid[k]. In numpy terms, with ODL's array order (x, y[, z]):
 * {@code image[row][col] = odl[col, n - 1 - row]} and {@code volume[k][row][col] = odl[col, n - 1 - row, k]}.
 */
public final class EllipsePhantom {

	// Shepp-Logan rows: value, a1, a2, x0, y0, theta (degrees); Shepp and Logan's original values.
	private static final double[][] SHEPP_LOGAN = {
		{ 2.00, .6900, .9200, 0.00, 0.0000, 0 },
		{ -.98, .6624, .8740, 0.00, -.0184, 0 },
		{ -.02, .1100, .3100, 0.22, 0.0000, -18 },
		{ -.02, .1600, .4100, -.22, 0.0000, 18 },
		{ 0.01, .2100, .2500, 0.00, 0.3500, 0 },
		{ 0.01, .0460, .0460, 0.00, 0.1000, 0 },
		{ 0.01, .0460, .0460, 0.00, -.1000, 0 },
		{ 0.01, .0460, .0230, -.08, -.6050, 0 },
		{ 0.01, .0230, .0230, 0.00, -.6060, 0 },
		{ 0.01, .0230, .0460, 0.06, -.6050, 0 } };
	// Toft's modified values, which give the soft-tissue ellipses visible contrast.
	private static final double[] MODIFIED_VALUES = { 1.0, -0.8, -0.2, -0.2, 0.1, 0.1, 0.1, 0.1,
		0.1, 0.1 };
	// ODL's 3-D version: third semi-axis per ellipsoid; all centred at z = 0, rotated about z.
	private static final double[] THIRD_SEMI_AXES = { .810, .780, .220, .280, .410, .050, .050,
		.050, .020, .020 };

	private EllipsePhantom() {}

	/**
	 * The ten Shepp-Logan ellipses, theta in radians; {@code modified} selects Toft's values
	 * (1, -0.8, -0.2, -0.2, 0.1 x 6, range [0, 1]) instead of the original ones (2, -0.98, ...).
	 */
	public static List<Ellipse> sheppLoganEllipses(final boolean modified) {
		final List<Ellipse> list = new ArrayList<>();
		for (int k = 0; k < SHEPP_LOGAN.length; k++) {
			final double[] r = SHEPP_LOGAN[k];
			list.add(new Ellipse(modified ? MODIFIED_VALUES[k] : r[0], r[1], r[2], r[3], r[4], Math
				.toRadians(r[5])));
		}
		return list;
	}

	/** The Shepp-Logan ellipsoids of ODL's 3-D phantom (see {@link #sheppLogan3d}). */
	public static List<Ellipsoid> sheppLoganEllipsoids(final boolean modified) {
		final List<Ellipse> flat = sheppLoganEllipses(modified);
		final List<Ellipsoid> list = new ArrayList<>();
		for (int k = 0; k < flat.size(); k++) list.add(flat.get(k).extrude(THIRD_SEMI_AXES[k], 0));
		return list;
	}

	/** Shepp-Logan phantom, n x n, layout and axes as in the class description. */
	public static float[] sheppLogan(final int n, final boolean modified) {
		return render(n, sheppLoganEllipses(modified));
	}

	/**
	 * 3-D Shepp-Logan phantom as in ODL: the 2-D ellipses become ellipsoids centred at z = 0 with
	 * third semi-axes .81, .78, .22, .28, .41, .05, .05, .05, .02, .02, rotated about z. n x n x n,
	 * layout (Z, H, W); for odd n the middle slice (z = 0) is {@link #sheppLogan(int, boolean)}.
	 */
	public static float[] sheppLogan3d(final int n, final boolean modified) {
		return render3d(n, sheppLoganEllipsoids(modified));
	}

	/** Renders ellipses into an n x n image (row-major, row 0 at y = +1). */
	public static float[] render(final int n, final List<Ellipse> ellipses) {
		Checks.positive("size", n);
		Checks.require((long) n * n <= Integer.MAX_VALUE - 8, "size", "got " + n,
			"at most 46340 (n^2 values must fit one array)");
		final List<Ellipsoid> flat = new ArrayList<>(ellipses.size());
		// a unit third semi-axis at z = 0 adds exactly 0 to the inside test
		for (final Ellipse e : ellipses) flat.add(e.extrude(1, 0));
		final float[] out = new float[n * n];
		addPlane(out, 0, n, grid(n), 0, flat);
		return out;
	}

	/** Renders ellipsoids into an n x n x n volume, layout (Z, H, W). */
	public static float[] render3d(final int n, final List<Ellipsoid> ellipsoids) {
		Checks.positive("size", n);
		Checks.require((long) n * n * n <= Integer.MAX_VALUE - 8, "size", "got " + n,
			"at most 1290 (n^3 values must fit one array)");
		final double[] g = grid(n);
		final float[] out = new float[n * n * n];
		IntStream.range(0, n).parallel().forEach(k -> addPlane(out, k * n * n, n, g, g[k],
			ellipsoids));
		return out;
	}

	/** Pixel-centre coordinates, computed as numpy.linspace(-1, 1, n) does. */
	static double[] grid(final int n) {
		final double[] g = new double[n];
		if (n == 1) {
			g[0] = -1;
			return g;
		}
		final double step = 2.0 / (n - 1);
		for (int i = 0; i < n; i++) g[i] = i * step + -1.0;
		g[n - 1] = 1.0;
		return g;
	}

	/** Adds the plane z of every ellipsoid into out[offset .. offset + n*n). */
	private static void addPlane(final float[] out, final int offset, final int n,
		final double[] g, final double z, final List<Ellipsoid> ellipsoids)
	{
		final double step = n > 1 ? 2.0 / (n - 1) : 1;
		for (final Ellipsoid e : ellipsoids) {
			final double dz = z - e.centre(2);
			if (Math.abs(dz) > e.halfExtent(2) * (1 + 1e-9)) continue;
			// index ranges of the bounding box, one pixel wider than needed: the test below decides
			final int c0 = index(e.centre(0) - e.halfExtent(0), step, n, -1);
			final int c1 = index(e.centre(0) + e.halfExtent(0), step, n, 1);
			final int j0 = index(e.centre(1) - e.halfExtent(1), step, n, -1);
			final int j1 = index(e.centre(1) + e.halfExtent(1), step, n, 1);
			final double m00 = e.rotation(0, 0), m01 = e.rotation(0, 1), m02 = e.rotation(0, 2);
			final double m10 = e.rotation(1, 0), m11 = e.rotation(1, 1), m12 = e.rotation(1, 2);
			final double m20 = e.rotation(2, 0), m21 = e.rotation(2, 1), m22 = e.rotation(2, 2);
			final double a1 = e.semiAxis(0), a2 = e.semiAxis(1), a3 = e.semiAxis(2);
			final float v = (float) e.value();
			for (int j = j0; j <= j1; j++) {
				final double dy = g[j] - e.centre(1);
				final int rowStart = offset + (n - 1 - j) * n;
				for (int c = c0; c <= c1; c++) {
					final double dx = g[c] - e.centre(0);
					// same operation order as the numpy reference, so boundary pixels agree
					final double u = m00 * dx + m01 * dy + m02 * dz;
					final double w = m10 * dx + m11 * dy + m12 * dz;
					final double t = m20 * dx + m21 * dy + m22 * dz;
					final double qu = u / a1, qw = w / a2, qt = t / a3;
					if (qu * qu + qw * qw + qt * qt <= 1.0) out[rowStart + c] += v;
				}
			}
		}
	}

	private static int index(final double coordinate, final double step, final int n,
		final int side)
	{
		final double i = (coordinate + 1) / step;
		final long k = side < 0 ? (long) Math.floor(i) - 1 : (long) Math.ceil(i) + 1;
		return (int) Math.max(0, Math.min(n - 1, k));
	}
}
