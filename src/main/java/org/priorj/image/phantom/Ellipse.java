package org.priorj.image.phantom;

/**
 * One ellipse of an ellipse phantom on the square [-1, 1]^2 (x to the right, y up). A point p is
 * inside when {@code ((R^T (p - c))_1 / a1)^2 + ((R^T (p - c))_2 / a2)^2 <= 1}, with R the
 * counter-clockwise rotation by {@code theta}; overlapping ellipses add their values.
 *
 * @param value intensity added inside the ellipse
 * @param a1 semi-axis along the rotated x axis
 * @param a2 semi-axis along the rotated y axis
 * @param x0 centre x
 * @param y0 centre y
 * @param theta rotation in radians, counter-clockwise
 */
public record Ellipse(double value, double a1, double a2, double x0, double y0, double theta) {

	/** The same ellipse as a 3-D ellipsoid centred at z = {@code z0} with third semi-axis {@code c}. */
	public Ellipsoid extrude(final double c, final double z0) {
		return Ellipsoid.aboutZ(value, a1, a2, c, x0, y0, z0, theta);
	}
}
