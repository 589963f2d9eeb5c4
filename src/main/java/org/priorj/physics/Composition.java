package org.priorj.physics;

import org.priorj.base.Checks;

/** A B: B first, then A; the adjoint is B^T A^T. Holds one intermediate array per direction. */
public final class Composition implements LinearOperator {

	private final LinearOperator a, b;

	public Composition(final LinearOperator a, final LinearOperator b) {
		Checks.require(b.range().size() == a.domain().size(), "operator", b.describe() + " then " + a
			.describe(), "operators whose sizes chain");
		this.a = a;
		this.b = b;
	}

	@Override
	public org.priorj.base.Shape domain() {
		return b.domain();
	}

	@Override
	public org.priorj.base.Shape range() {
		return a.range();
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		a.apply(b.apply(x), y);
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		b.adjoint(a.adjoint(y), x);
	}

	@Override
	public String describe() {
		return a.describe() + " after " + b.describe();
	}
}
