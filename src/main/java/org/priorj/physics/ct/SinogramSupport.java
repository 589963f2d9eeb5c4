package org.priorj.physics.ct;

import org.priorj.base.Checks;

/**
 * The side of the square image a plain sinogram comes from, when nothing else says it. PriorJ's own
 * scans use as many detector bins as the image is wide (the image's inscribed disc is seen at every
 * angle); tools that pad the image to its diagonal first (scikit-image's {@code circle=False},
 * ImageJ's Radon plugins) use about {@code side·√2} bins. The sinogram tells the two apart when the
 * object fills its square: its projections then reach the square's corners but never beyond the
 * square's shadow. Noisy data, or an object inside the inscribed disc, cannot be told apart; they
 * keep the detector count, and the user gives the size.
 */
public final class SinogramSupport {

	/** Values below this share of the largest magnitude count as empty detector bins. */
	private static final double EMPTY = 1e-3;
	/** Bins of slack for pixel footprints, interpolation and the half-bin centre conventions. */
	private static final double SLACK = 2;

	private SinogramSupport() {}

	/**
	 * @param sinogram rows = angles, columns = detector bins, row-major
	 * @param anglesDegrees one angle per row
	 * @param bins detector bins per row
	 * @return the detector count, or {@code floor(bins / √2)} when the data show a square object of
	 *         that side padded to its diagonal
	 */
	public static int objectSize(final float[] sinogram, final double[] anglesDegrees,
		final int bins)
	{
		Checks.positive("detectors", bins);
		final int rows = anglesDegrees.length;
		Checks.require(rows > 0 && sinogram.length == (long) rows * bins, "sinogram", sinogram.length +
			" values", rows + " angles x " + bins + " bins");
		double max = 0;
		for (final float v : sinogram) max = Math.max(max, Math.abs(v));
		final int side = (int) Math.floor(bins / Math.sqrt(2));
		if (max == 0 || side < 2) return bins;
		final double centre = (bins - 1) / 2.0, half = side / 2.0;
		boolean insideSquare = true, beyondDisc = false;
		for (int a = 0; a < rows; a++) {
			final double reach = reach(sinogram, a * bins, bins, centre, EMPTY * max);
			final double theta = Math.toRadians(anglesDegrees[a]);
			final double shadow = half * (Math.abs(Math.cos(theta)) + Math.abs(Math.sin(theta)));
			insideSquare &= reach <= shadow + SLACK;
			beyondDisc |= reach > half + SLACK + 1;
		}
		return insideSquare && beyondDisc ? side : bins;
	}

	/** The farthest distance from the centre at which a bin of one row holds data (0 if none). */
	private static double reach(final float[] s, final int offset, final int bins,
		final double centre, final double threshold)
	{
		double far = 0;
		for (int k = 0; k < bins; k++) {
			if (Math.abs(s[offset + k]) > threshold) far = Math.max(far, Math.abs(k - centre) + 0.5);
		}
		return far;
	}
}
