package org.priorj.solve;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;

/**
 * RED-PSM's primal step: Adam on the spatial maps Lambda and the temporal latent Z of a
 * {@link PartiallySeparableModel} for
 * <pre>
 *   L(Lambda, Z) = 1/2 ||A F - g||^2 + beta/2 ||F - v||^2 + xi/2 ||psi||^2 + chi/2 ||Lambda||^2,
 * </pre>
 * F the model's frames and v the splitting target (RED-ADMM's f - gamma). The splitting term is the
 * squared norm of the paper's augmented Lagrangian; the reference code's unsquared norm would give
 * a gradient of constant length beta/2 whatever the distance, so that F never settles on v.
 * One Adam per parameter block, kept for the whole run as the reference keeps its optimiser.
 */
final class PsmFit {

	private final PartiallySeparableModel model;
	private final LinearOperator operator;
	private final float[] data;
	private final double xi, chi;
	private final Adam spatialStep, latentStep;
	private final float[] frames, residual, dFrames, dSpatial, dLatent, dTemporal;

	/**
	 * @param xi weight of the temporal functions' squared norm
	 * @param chi weight of the spatial maps' squared norm
	 * @param lr Adam's learning rate for both blocks
	 */
	PsmFit(final PartiallySeparableModel model, final LinearOperator operator, final float[] data,
		final double xi, final double chi, final double lr)
	{
		this.model = model;
		this.operator = operator;
		this.data = SolverInputs.measurement(operator, data);
		Checks.require(operator.domain().size() == model.frames() * model.frameSize(), "operator",
			operator.domain().toString(), "a domain of " + model.frames() + " frames of " + model
				.frameSize() + " values");
		this.xi = Checks.nonNegative("xi", xi);
		this.chi = Checks.nonNegative("chi", chi);
		spatialStep = new Adam(model.spatial(), lr, 0.9, 0.999, 1e-8);
		latentStep = new Adam(model.latent(), lr, 0.9, 0.999, 1e-8);
		frames = operator.domain().newArray();
		dFrames = operator.domain().newArray();
		residual = operator.range().newArray();
		dSpatial = new float[model.spatial().length];
		dLatent = new float[model.latent().length];
		dTemporal = new float[model.rank() * model.frames()];
	}

	PartiallySeparableModel model() {
		return model;
	}

	/**
	 * {@code steps} Adam steps towards v with weight beta (beta = 0, v unused: a fit to the data
	 * alone); the temporal latent moves too unless {@code spatialOnly}. Returns the model's frames
	 * after the last step (a live array, overwritten by the next call).
	 */
	float[] fit(final float[] v, final double beta, final int steps, final boolean spatialOnly) {
		for (int s = 0; s < steps; s++) {
			model.frames(frames);
			operator.apply(frames, residual);
			for (int i = 0; i < residual.length; i++) residual[i] -= data[i];
			operator.adjoint(residual, dFrames);
			if (beta > 0) for (int i = 0; i < dFrames.length; i++) dFrames[i] += (float) (beta *
				(frames[i] - v[i]));
			model.gradient(dFrames, dSpatial, dLatent);
			final float[] lambda = model.spatial();
			if (chi > 0) for (int i = 0; i < dSpatial.length; i++) dSpatial[i] += (float) (chi *
				lambda[i]);
			spatialStep.step(dSpatial);
			if (!spatialOnly) {
				if (xi > 0) {
					final float[] psi = model.temporal();
					final float[] dz = new float[dLatent.length];
					for (int i = 0; i < psi.length; i++) dTemporal[i] = (float) (xi * psi[i]);
					model.latentGradient(dTemporal, dz);
					for (int i = 0; i < dz.length; i++) dLatent[i] += dz[i];
				}
				latentStep.step(dLatent);
			}
		}
		model.frames(frames);
		return frames;
	}

	/** 1/2 ||A F - g||^2 of the model's current frames. */
	double dataMisfit() {
		model.frames(frames);
		operator.apply(frames, residual);
		double s = 0;
		for (int i = 0; i < residual.length; i++) {
			final double r = residual[i] - data[i];
			s += r * r;
		}
		return 0.5 * s;
	}
}
