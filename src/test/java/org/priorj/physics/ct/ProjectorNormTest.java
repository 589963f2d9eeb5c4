package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorAssertions;
import org.priorj.physics.Vectors;

class ProjectorNormTest {

	private final ParallelBeamProjector p = ParallelBeamProjector.of(32, 32, ParallelBeamProjector
		.halfTurn(24));

	@Test
	void normBoundsEveryProjection() {
		final double norm = p.norm();
		assertTrue(norm > 0);
		final Random rnd = new Random(5);
		for (int trial = 0; trial < 20; trial++) {
			final float[] x = OperatorAssertions.gaussian(p.domain().size(), rnd);
			assertTrue(Vectors.norm(p.apply(x)) <= norm * Vectors.norm(x) * (1 + 1e-5));
		}
		// A constant image comes close to the top singular vector (the DC component).
		final float[] one = new float[p.domain().size()];
		Arrays.fill(one, 1f);
		final double dc = Vectors.norm(p.apply(one)) / Vectors.norm(one);
		assertTrue(dc <= norm * (1 + 1e-5) && dc > 0.8 * norm, "dc " + dc + " norm " + norm);
	}

	@Test
	void normIsSquareRootOfLargestEigenvalueOfNormalOperator() {
		// Power iteration to convergence from another start gives the same value, and its
		// eigenvector v satisfies A^T A v = norm^2 v.
		final double norm = p.norm(500, 1e-9, 7);
		assertEquals(p.norm(), norm, 1e-4 * norm);
		final Random rnd = new Random(11);
		float[] v = OperatorAssertions.gaussian(p.domain().size(), rnd);
		for (int it = 0; it < 300; it++) {
			v = p.normal(v);
			Vectors.scale(v, (float) (1 / Vectors.norm(v)));
		}
		final float[] av = p.normal(v);
		final double rayleigh = Vectors.dot(v, av);
		assertEquals(norm * norm, rayleigh, 1e-4 * norm * norm);
		Vectors.axpy((float) -rayleigh, v, av);
		assertTrue(Vectors.norm(av) < 1e-2 * rayleigh, "residual " + Vectors.norm(av));
	}
}
