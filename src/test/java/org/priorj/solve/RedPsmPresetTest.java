package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedPsmPresetTest {

	private static final RedPsmPreset P = new RedPsmPreset(2, 5, 0.003, 0.001, 0.05, 60, 25, 5e-3,
		PsmStart.FIT);

	@Test
	void eachSettingIsAcceptedUpToItsBoundsAndRefusedBeyond() {
		assertEquals(0, P.withOrder(0).order());
		assertEquals(256, P.withOrder(256).order());
		ConjugateGradientTest.assertNames("k", () -> P.withOrder(-1));
		ConjugateGradientTest.assertNames("k", () -> P.withOrder(257));
		assertEquals(4, P.withNodes(4).nodes());
		assertEquals(4096, P.withNodes(4096).nodes());
		ConjugateGradientTest.assertNames("d", () -> P.withNodes(4097));
		assertEquals(0, P.withLambda(0).lambda());
		ConjugateGradientTest.assertNames("lambda", () -> P.withLambda(Double.POSITIVE_INFINITY));
		assertEquals(0.2, P.withBeta(0.2).beta());
		ConjugateGradientTest.assertNames("beta", () -> P.withBeta(0));
		ConjugateGradientTest.assertNames("beta", () -> P.withBeta(Double.POSITIVE_INFINITY));
		assertEquals(1, P.withSigma(1).sigma());
		assertEquals(0.2, P.withSigma(0.2).sigma());
		ConjugateGradientTest.assertNames("sigma", () -> P.withSigma(0));
		ConjugateGradientTest.assertNames("sigma", () -> P.withSigma(1.0001));
		assertEquals(1, P.withIterations(1).iterations());
		assertEquals(RedPsmPreset.MAX_ITERATIONS, P.withIterations(RedPsmPreset.MAX_ITERATIONS)
			.iterations());
		ConjugateGradientTest.assertNames("iterations", () -> P.withIterations(RedPsmPreset.MAX_ITERATIONS +
			1));
		assertEquals(1, P.withInnerSteps(1).innerSteps());
		assertEquals(1000, P.withInnerSteps(1000).innerSteps());
		ConjugateGradientTest.assertNames("inner_steps", () -> P.withInnerSteps(1001));
		assertEquals(1, P.withLearningRate(1).learningRate());
		assertEquals(0.02, P.withLearningRate(0.02).learningRate());
		ConjugateGradientTest.assertNames("learning_rate", () -> P.withLearningRate(1.5));
		assertEquals(PsmStart.PLAIN, P.withStart(PsmStart.PLAIN).start());
		assertEquals(PsmStart.PLAIN, PsmStart.of("plain"));
		assertEquals(PsmStart.FIT, PsmStart.of("fit"));
	}

	@Test
	void thePresetFollowsTheFrameCount() {
		final RedPsmPreset short_ = TaskDefaults.redPsm(128), long_ = TaskDefaults.redPsm(129);
		assertEquals(6, short_.order());
		assertEquals(9, short_.nodes());
		assertEquals(10, long_.order());
		assertEquals(11, long_.nodes());
		assertEquals(25, short_.innerSteps());
		assertEquals(PsmStart.FIT, long_.start());
		ConjugateGradientTest.assertNames("frames", () -> TaskDefaults.redPsm(0));
	}
}
