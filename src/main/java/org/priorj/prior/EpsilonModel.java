package org.priorj.prior;

import org.priorj.base.Shape;

/**
 * A variance-preserving diffusion noise predictor: given {@code x_t = sqrt(alphaBar) x_0 +
 * sqrt(1 - alphaBar) eps}, it returns an estimate of {@code eps} (the minimiser of the DDPM loss is
 * {@code E[eps | x_t]}). The state is named by its {@code alphaBar} in (0, 1), not by a time step,
 * so that models trained on different schedules, and a {@link Denoiser} ({@link
 * DenoiserEpsilonModel}), answer the same question; a network that takes an integer or
 * fractional t maps alphaBar to it with its own {@link DiffusionSchedule} ({@link
 * DiffusionSchedule#continuousTime}, {@link DiffusionSchedule#nearestTime}).
 * <p>
 * Data are batches (N, C, H, W) in the value range the model was trained on. Implementations never
 * modify their input and are safe to call from several threads.
 */
public interface EpsilonModel {

	/** Channels C the model expects. */
	int channels();

	/**
	 * The predicted noise for a batch {@code xt} of shape (N, C, H, W) at the VP state
	 * {@code alphaBar} in (0, 1); the same state for every image.
	 *
	 * @return a new array of the same shape
	 */
	float[] eps(float[] xt, Shape nchw, double alphaBar);

	/** {@link #eps(float[], Shape, double)} at time step {@code t} of {@code schedule}. */
	default float[] eps(final float[] xt, final Shape nchw, final DiffusionSchedule schedule,
		final int t)
	{
		return eps(xt, nchw, schedule.alphaBar(t));
	}
}
