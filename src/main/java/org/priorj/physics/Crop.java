package org.priorj.physics;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The top-left (H, W) window of each image of a padded batch (N, C, PH, PW): what lets a prior
 * that needs sides of some multiple work on a larger canvas while the data see the image alone.
 * The adjoint pads with zeros. The range is given as the shape the caller's operator takes
 * (any shape of N·C·H·W values, in that order).
 */
public final class Crop implements LinearOperator {

	private final Shape padded, range;
	private final int n, h, w, ph, pw;

	/**
	 * @param padded the canvas (N, C, PH, PW)
	 * @param h window height (at most PH)
	 * @param w window width (at most PW)
	 * @param range the shape of the window's values, of size N·C·h·w
	 */
	public Crop(final Shape padded, final int h, final int w, final Shape range) {
		Checks.require(padded.rank() == 4, "shape", padded.toString(), "(N, C, PH, PW)");
		Checks.require(h >= 1 && h <= padded.dim(2) && w >= 1 && w <= padded.dim(3), "crop", h + "×" +
			w, "a window inside " + padded.dim(2) + "×" + padded.dim(3));
		Checks.require(range.size() == padded.dim(0) * padded.dim(1) * h * w, "crop", "range " + range,
			"a shape of " + padded.dim(0) * padded.dim(1) * h * w + " values");
		this.padded = padded;
		this.range = range;
		this.n = padded.dim(0) * padded.dim(1);
		this.h = h;
		this.w = w;
		this.ph = padded.dim(2);
		this.pw = padded.dim(3);
	}

	@Override
	public Shape domain() {
		return padded;
	}

	@Override
	public Shape range() {
		return range;
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		for (int b = 0; b < n; b++)
			for (int r = 0; r < h; r++)
				System.arraycopy(x, (b * ph + r) * pw, y, (b * h + r) * w, w);
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		java.util.Arrays.fill(x, 0);
		for (int b = 0; b < n; b++)
			for (int r = 0; r < h; r++)
				System.arraycopy(y, (b * h + r) * w, x, (b * ph + r) * pw, w);
	}

	@Override
	public String describe() {
		return "crop " + padded + " -> " + h + "×" + w;
	}
}
