package org.priorj.physics;

import org.priorj.base.Shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VectorsTest {

	@Test
	void identityOperatorHasNormOne() {
		final LinearOperator id = new LinearOperator() {
			final Shape s = Shape.of(3, 4);
			public Shape domain() { return s; }
			public Shape range() { return s; }
			public void apply(float[] x, float[] y) { System.arraycopy(x, 0, y, 0, x.length); }
			public void adjoint(float[] y, float[] x) { System.arraycopy(y, 0, x, 0, y.length); }
		};
		assertEquals(1.0, id.norm(), 1e-6);
		OperatorAssertions.assertAdjoint(id);
		OperatorAssertions.assertNormal(id);
	}
}
