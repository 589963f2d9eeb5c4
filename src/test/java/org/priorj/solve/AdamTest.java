package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Adam against sequences computed by hand (in double, outside PriorJ) from Kingma and Ba's update
 * with bias correction: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
 */
class AdamTest {

	@Test
	void followsTheBiasCorrectedUpdateStepByStep() {
		// p0 = 1, lr 0.1, betas (0.9, 0.99), eps 1e-8, gradients 2, -1, 0.5, 0.5
		final float[] p = { 1 };
		final Adam adam = new Adam(p, 0.1, 0.9, 0.99, 1e-8);
		final double[] grads = { 2, -1, 0.5, 0.5 };
		final double[] want = { 0.9000000005, 0.8733300577611423, 0.8391766228003684,
			0.7993309574401333 };
		for (int k = 0; k < grads.length; k++) {
			adam.step(new float[] { (float) grads[k] });
			assertEquals(want[k], p[0], 1e-6, "step " + (k + 1));
			assertEquals(k + 1, adam.steps());
		}
	}

	@Test
	void theSecondMomentDecayIsTheOneGiven() {
		// the same gradients with beta2 0.999 move p elsewhere from the second step on
		final float[] p = { 1 };
		final Adam adam = new Adam(p, 0.1, 0.9, 0.999, 1e-8);
		final double[] want = { 0.9000000005, 0.8733662967024315, 0.8393233821389426,
			0.7996745570143988 };
		final double[] grads = { 2, -1, 0.5, 0.5 };
		for (int k = 0; k < grads.length; k++) {
			adam.step(new float[] { (float) grads[k] });
			assertEquals(want[k], p[0], 1e-6, "step " + (k + 1));
		}
	}

	@Test
	void epsilonIsAddedToTheRootOfTheCorrectedSecondMoment() {
		// |g| = eps: each step moves lr / 2, whatever the betas
		final float[] p = { 0, 5 };
		final Adam adam = new Adam(p, 0.1, 0.5, 0.9, 1e-8);
		adam.step(new float[] { 1e-8f, -1e-8f });
		assertEquals(-0.05, p[0], 1e-6);
		assertEquals(5.05, p[1], 1e-6);
		adam.step(new float[] { 1e-8f, -1e-8f });
		assertEquals(-0.1, p[0], 1e-6);
		assertEquals(5.1, p[1], 1e-6);
	}

	@Test
	void eachParameterHasItsOwnMoments() {
		// the first step of Adam moves every parameter by lr against the sign of its gradient
		final float[] p = { 0, 0, 0 };
		new Adam(p, 0.25, 0.9, 0.99, 1e-8).step(new float[] { 3, -0.01f, 100 });
		assertEquals(-0.25, p[0], 1e-6);
		assertEquals(0.25, p[1], 1e-6);
		assertEquals(-0.25, p[2], 1e-6);
	}

	@Test
	void zeroDecaysAreAllowed() {
		// beta1 = beta2 = 0: each step is lr g / (|g| + eps), plain sign descent
		final float[] p = { 0 };
		final Adam adam = new Adam(p, 0.1, 0, 0, 1e-8);
		adam.step(new float[] { 3 });
		adam.step(new float[] { -0.5f });
		assertEquals(0, p[0], 1e-6);
	}

	@Test
	void badSettingsAreRefusedByName() {
		final float[] p = new float[2];
		ConjugateGradientTest.assertNames("lr", () -> new Adam(p, 0, 0.9, 0.99, 1e-8));
		ConjugateGradientTest.assertNames("beta1", () -> new Adam(p, 0.1, 1, 0.99, 1e-8));
		ConjugateGradientTest.assertNames("beta1", () -> new Adam(p, 0.1, -0.1, 0.99, 1e-8));
		ConjugateGradientTest.assertNames("beta2", () -> new Adam(p, 0.1, 0.9, 1, 1e-8));
		ConjugateGradientTest.assertNames("beta2", () -> new Adam(p, 0.1, 0.9, -0.1, 1e-8));
		ConjugateGradientTest.assertNames("eps", () -> new Adam(p, 0.1, 0.9, 0.99, 0));
		ConjugateGradientTest.assertNames("grad", () -> new Adam(p, 0.1, 0.9, 0.99, 1e-8).step(
			new float[3]));
	}
}
