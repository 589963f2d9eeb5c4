package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TemporalSplineTest {

	/** §7.4.3: at the times that fall on nodes the interpolant is the node value. */
	@Test
	void reproducesTheNodeValuesAtTheNodes() {
		final TemporalSpline s = new TemporalSpline(5, 17); // node j at time 4 j
		final float[] z = { 0.3f, -1.2f, 2.5f, 0.1f, 0.7f, 1, 2, 3, -4, 5 };
		final float[] psi = new float[2 * 17];
		s.apply(z, 2, psi);
		for (int r = 0; r < 2; r++)
			for (int j = 0; j < 5; j++) assertEquals(z[r * 5 + j], psi[r * 17 + 4 * j], 1e-6, "row " + r +
				" node " + j);
	}

	/** §7.4.3: Z_k = a + b node reproduces psi_k(tau) = a + b tau at every time. */
	@Test
	void reproducesLinearSequencesExactly() {
		final int d = 7, p = 23;
		final TemporalSpline s = new TemporalSpline(d, p);
		final float[] z = new float[d];
		for (int j = 0; j < d; j++) z[j] = (float) (0.4 - 1.7 * j / (d - 1.0));
		final float[] psi = new float[p];
		s.apply(z, 1, psi);
		for (int t = 0; t < p; t++) assertEquals(0.4 - 1.7 * t / (p - 1.0), psi[t], 1e-6, "time " + t);
	}

	/** Between nodes: the Hermite cubic with the reference's slopes, worked by hand for d = 4. */
	@Test
	void usesOneSidedEndSlopesAndAveragedInnerSlopes() {
		final TemporalSpline s = new TemporalSpline(4, 7); // times at half-intervals
		final float[] z = { 0, 1, 0, 0 };
		final float[] psi = new float[7];
		s.apply(z, 1, psi);
		// h = 1/3; slopes m = (3, 0, -1.5, 0); midpoint of [0, 1/3]: (y0 + y1)/2 + h (m0 - m1)/8
		assertEquals(0.5 + (3 - 0) / 3.0 / 8, psi[1], 1e-6);
		// midpoint of [1/3, 2/3]: (1 + 0)/2 + h (0 - (-1.5))/8
		assertEquals(0.5 + 1.5 / 3 / 8, psi[3], 1e-6);
		// midpoint of [2/3, 1]: 0 + h (-1.5 - 0)/8
		assertEquals(-1.5 / 3 / 8, psi[5], 1e-6);
		assertEquals(1, s.weight(1, 2), 1e-12);
		assertEquals(4, s.nodes());
		assertEquals(7, s.times());
	}

	@Test
	void itsAdjointIsTheTranspose() {
		final TemporalSpline s = new TemporalSpline(6, 19);
		final Random rnd = new Random(4);
		final float[] z = new float[12], w = new float[38];
		for (int i = 0; i < z.length; i++) z[i] = (float) rnd.nextGaussian();
		for (int i = 0; i < w.length; i++) w[i] = (float) rnd.nextGaussian();
		final float[] psi = new float[38], back = new float[12];
		s.apply(z, 2, psi);
		s.adjoint(w, 2, back);
		double a = 0, b = 0;
		for (int i = 0; i < 38; i++) a += psi[i] * w[i];
		for (int i = 0; i < 12; i++) b += z[i] * back[i];
		assertEquals(a, b, 1e-4 * Math.abs(a));
	}

	@Test
	void refusesFewerThanFourNodesOrOneFrame() {
		ConjugateGradientTest.assertNames("d", () -> new TemporalSpline(3, 10));
		ConjugateGradientTest.assertNames("frames", () -> new TemporalSpline(4, 1));
	}
}
