package org.priorj.solve;

import org.priorj.base.Checks;
import org.priorj.image.NoiseLevel;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Task;

/**
 * TV's weight when none is given, from the data alone: lambda = c sigma ||A||, with sigma the
 * noise level of the measurement ({@link NoiseLevel}, in the data's units; for a mask, from the
 * observed pixels only), ||A|| the operator's
 * norm and c a factor per task ({@link TaskDefaults#tvFactor}) tuned on training images. With A the
 * identity this is the familiar rule that the weight of TV denoising grows with the noise; for
 * another operator, 1/2 ||Ax - y||^2 is ||A||^2 times a denoising term whose noise is about
 * sigma / ||A||, which gives the factor ||A||. Scaling the data scales lambda with it, so the rule
 * holds whatever the units (0..1, 0..255, Hounsfield units, line integrals).
 * <p>
 * Noise-free data would give lambda = 0, plain least squares, which for an under-determined
 * operator is no regularisation at all; the noise level used is therefore at least
 * {@value #MIN_RELATIVE_NOISE} of the data's largest magnitude.
 */
public final class TvWeight {

	/** The smallest noise level assumed, relative to max |y|. */
	static final double MIN_RELATIVE_NOISE = 1e-3;

	private TvWeight() {}

	/** The weight for {@code task}'s data {@code y} = A x + noise. */
	public static double of(final Task task, final LinearOperator a, final float[] y) {
		SolverInputs.measurement(a, y);
		final double sigma = noiseLevel(a, y);
		final double lambda = TaskDefaults.tvFactor(task) * sigma * a.norm();
		Checks.require(Double.isFinite(lambda), "measurement", "a noise level of " + sigma,
			"finite data");
		return lambda;
	}

	/**
	 * The noise level of {@code y} in its own units ({@link NoiseLevel}; for a mask, from the
	 * observed pixels only), at least {@value #MIN_RELATIVE_NOISE} of max |y|.
	 */
	static double noiseLevel(final LinearOperator a, final float[] y) {
		double largest = 0;
		for (final float v : y) largest = Math.max(largest, Math.abs(v));
		final float[] known = ClassicalMethods.isMasking(a) ? ClassicalMethods.masks(a, y, "tv") : null;
		return Math.max(NoiseLevel.estimate(y, a.range(), known), MIN_RELATIVE_NOISE * largest);
	}
}
