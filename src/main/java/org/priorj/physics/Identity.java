package org.priorj.physics;

import org.priorj.base.Shape;

/** A = I: the forward model of denoising. */
public final class Identity implements LinearOperator {

	private final Shape shape;

	public Identity(final Shape shape) {
		this.shape = shape;
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
		shape.check("x", x, "image shape");
		shape.check("y", y, "image shape");
		System.arraycopy(x, 0, y, 0, shape.size());
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		apply(y, x);
	}

	@Override
	public String describe() {
		return "identity " + shape;
	}
}
