package org.priorj.physics;

import org.priorj.base.Shape;

import org.priorj.base.Checks;

/**
 * Inpainting: y = m * x pixel by pixel with a 0/1 mask m (1 = observed). The measurement keeps the
 * full image size, with zeros at the missing pixels, so that it can be shown and saved as an image.
 * The operator is a projection: it is its own adjoint and its own pseudo-inverse.
 * <p>
 * Memory: the mask, H W floats.
 */
public final class MaskOperator implements LinearOperator {

	private final Shape shape;
	private final float[] mask;
	private final int observed;

	/** {@code mask}: nonzero = observed; refused when it has NaN/Inf or the wrong size. */
	public MaskOperator(final int height, final int width, final float[] mask) {
		Checks.positive("height", height);
		Checks.positive("width", width);
		Checks.length("mask", mask, height * width);
		Checks.finite("mask", mask);
		this.shape = Shape.of(height, width);
		this.mask = new float[mask.length];
		int n = 0;
		for (int i = 0; i < mask.length; i++) {
			if (mask[i] != 0) {
				this.mask[i] = 1f;
				n++;
			}
		}
		this.observed = n;
	}

	/** The 0/1 mask (a copy). */
	public float[] mask() {
		return mask.clone();
	}

	/** Fraction of pixels observed. */
	public double observedFraction() {
		return observed / (double) mask.length;
	}

	@Override
	public Shape domain() {
		return shape;
	}

	@Override
	public Shape range() {
		return shape;
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		Checks.length("x", x, mask.length);
		Checks.length("y", y, mask.length);
		for (int i = 0; i < mask.length; i++) y[i] = mask[i] * x[i];
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		apply(y, x);
	}

	@Override
	public String describe() {
		return "mask " + shape + " observed " + String.format("%.4f", observedFraction());
	}
}
