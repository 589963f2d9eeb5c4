package org.priorj.solve;

import org.priorj.base.Checks;

/**
 * The settings of a RED-PSM run ({@link RedPsm}): the model's order K (K + 1 spatial maps and
 * temporal functions) and its d temporal nodes; RED's weight lambda and ADMM's penalty beta, both
 * relative to ||A||^2 so that one value serves any number of frames, views or detectors; the
 * denoiser's noise level sigma as a fraction of the frames' value range; the outer (RED-ADMM)
 * iterations, the Adam steps of each PSM step and their learning rate (in units of that range); and
 * the start. lambda = 0 is PSM alone (no denoiser call). Immutable; each {@code with} returns a new,
 * checked preset.
 */
public record RedPsmPreset(int order, int nodes, double lambda, double beta, double sigma,
	int iterations, int innerSteps, double learningRate, PsmStart start)
{

	/** The most outer iterations a run may be asked for. */
	public static final int MAX_ITERATIONS = 10_000;

	public RedPsmPreset {
		Checks.require(order >= 0 && order <= 256, "k", "got " + order, "0 to 256 (K + 1 spatial maps)");
		Checks.require(nodes >= TemporalSpline.MIN_NODES && nodes <= 4096, "d", "got " + nodes,
			TemporalSpline.MIN_NODES + " to 4096 temporal nodes (cubic interpolation needs at least 4)");
		Checks.require(lambda >= 0 && Double.isFinite(lambda), "lambda", "got " + lambda,
			"0 (PSM alone) or a positive number");
		Checks.require(beta > 0 && Double.isFinite(beta), "beta", "got " + beta, "a positive number");
		Checks.require(sigma > 0 && sigma <= 1, "sigma", "got " + sigma,
			"a noise level in (0, 1] of the frames' value range");
		Checks.require(iterations >= 1 && iterations <= MAX_ITERATIONS, "iterations", "got " +
			iterations, "1 to " + MAX_ITERATIONS);
		Checks.require(innerSteps >= 1 && innerSteps <= 1000, "inner_steps", "got " + innerSteps,
			"1 to 1000 Adam steps per PSM step");
		Checks.require(learningRate > 0 && learningRate <= 1, "learning_rate", "got " + learningRate,
			"a number in (0, 1]");
		Checks.require(start != null, "start", "none", "fit or plain");
	}

	public RedPsmPreset withOrder(final int k) {
		return new RedPsmPreset(k, nodes, lambda, beta, sigma, iterations, innerSteps, learningRate, start);
	}

	public RedPsmPreset withNodes(final int d) {
		return new RedPsmPreset(order, d, lambda, beta, sigma, iterations, innerSteps, learningRate, start);
	}

	public RedPsmPreset withLambda(final double l) {
		return new RedPsmPreset(order, nodes, l, beta, sigma, iterations, innerSteps, learningRate, start);
	}

	public RedPsmPreset withBeta(final double b) {
		return new RedPsmPreset(order, nodes, lambda, b, sigma, iterations, innerSteps, learningRate, start);
	}

	public RedPsmPreset withSigma(final double s) {
		return new RedPsmPreset(order, nodes, lambda, beta, s, iterations, innerSteps, learningRate, start);
	}

	public RedPsmPreset withIterations(final int n) {
		return new RedPsmPreset(order, nodes, lambda, beta, sigma, n, innerSteps, learningRate, start);
	}

	public RedPsmPreset withInnerSteps(final int n) {
		return new RedPsmPreset(order, nodes, lambda, beta, sigma, iterations, n, learningRate, start);
	}

	public RedPsmPreset withLearningRate(final double lr) {
		return new RedPsmPreset(order, nodes, lambda, beta, sigma, iterations, innerSteps, lr, start);
	}

	public RedPsmPreset withStart(final PsmStart s) {
		return new RedPsmPreset(order, nodes, lambda, beta, sigma, iterations, innerSteps, learningRate, s);
	}

	@Override
	public String toString() {
		return "K=" + order + " d=" + nodes + " lambda=" + lambda + " beta=" + beta + " sigma=" + sigma +
			" iterations=" + iterations + " inner_steps=" + innerSteps + " learning_rate=" +
			learningRate + " start=" + start.label();
	}
}
