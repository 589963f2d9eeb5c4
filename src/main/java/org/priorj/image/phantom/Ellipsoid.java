package org.priorj.image.phantom;

import java.util.Arrays;

/**
 * One ellipsoid of a 3-D ellipse phantom on the cube [-1, 1]^3 (x, y, z right-handed). A point p
 * is inside when {@code sum_i ((M (p - c))_i / a_i)^2 <= 1}, where the rows of the rotation matrix
 * M are the ellipsoid's axes in world coordinates; overlapping ellipsoids add their values.
 */
public final class Ellipsoid {

	private final double value;
	private final double[] semiAxes;
	private final double[] centre;
	private final double[] rotation;

	/**
	 * @param value intensity added inside
	 * @param semiAxes the three semi-axes (a1, a2, a3)
	 * @param centre (x0, y0, z0)
	 * @param rotation row-major 3x3 orthogonal matrix M mapping world offsets to ellipsoid axes
	 */
	public Ellipsoid(final double value, final double[] semiAxes, final double[] centre,
		final double[] rotation)
	{
		this.value = value;
		this.semiAxes = semiAxes.clone();
		this.centre = centre.clone();
		this.rotation = rotation.clone();
	}

	/** An ellipsoid rotated by {@code theta} radians counter-clockwise about the z axis. */
	public static Ellipsoid aboutZ(final double value, final double a1, final double a2,
		final double a3, final double x0, final double y0, final double z0, final double theta)
	{
		final double c = Math.cos(theta), s = Math.sin(theta);
		return new Ellipsoid(value, new double[] { a1, a2, a3 }, new double[] { x0, y0, z0 },
			new double[] { c, s, 0, -s, c, 0, 0, 0, 1 });
	}

	public double value() {
		return value;
	}

	public double semiAxis(final int i) {
		return semiAxes[i];
	}

	public double centre(final int i) {
		return centre[i];
	}

	/** Entry (row, col) of the rotation matrix M. */
	public double rotation(final int row, final int col) {
		return rotation[3 * row + col];
	}

	/** Half-width of the axis-aligned bounding box along world axis {@code j}. */
	double halfExtent(final int j) {
		double s = 0;
		for (int i = 0; i < 3; i++) {
			final double t = rotation[3 * i + j] * semiAxes[i];
			s += t * t;
		}
		return Math.sqrt(s);
	}

	@Override
	public String toString() {
		return "Ellipsoid[value=" + value + ", semiAxes=" + Arrays.toString(semiAxes) + ", centre=" +
			Arrays.toString(centre) + ", rotation=" + Arrays.toString(rotation) + "]";
	}
}
