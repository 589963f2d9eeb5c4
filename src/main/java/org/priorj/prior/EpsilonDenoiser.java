package org.priorj.prior;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The {@link Denoiser} of a VP noise predictor: for a noise level {@code sigma}, the VP state with
 * exactly that level, {@code alphaBar = 1 / (1 + sigma^2)}, gives {@code x_t = sqrt(alphaBar) x =
 * sqrt(alphaBar) x_0 + sqrt(1 - alphaBar) n}, and Tweedie's formula
 * <pre>
 *   D(x, sigma) = (x_t - sqrt(1 - alphaBar) eps(x_t, alphaBar)) / sqrt(alphaBar) = x - sigma eps(x_t, alphaBar).
 * </pre>
 * The model is asked at that exact alphaBar (not at the nearest step of a schedule); a network
 * that only knows integer steps rounds there itself ({@link DiffusionSchedule#nearestTime}).
 * At sigma = 0 (and below about 1e-8, where alphaBar rounds to 1) the result is x. The trained noise range ({@link #minSigma()}, {@link #maxSigma()})
 * is that of the schedule the model was trained on: sigma at its first and last step.
 * Thread-safe if the model is.
 */
public final class EpsilonDenoiser implements Denoiser {

	private final EpsilonModel model;
	private final String name;
	private final double low, high, minSigma, maxSigma;

	/**
	 * A denoiser for {@code model}, trained with {@code schedule} on data in [low, high] (for
	 * diffusion networks usually [-1, 1]).
	 */
	public EpsilonDenoiser(final EpsilonModel model, final DiffusionSchedule schedule,
		final String name, final double low, final double high)
	{
		if (model == null) throw Checks.bad("model", "got null", "an epsilon model");
		if (schedule == null) throw Checks.bad("schedule", "got null", "a diffusion schedule");
		Denoisers.checkRange(low, high);
		this.model = model;
		this.name = Denoisers.checkName(name);
		this.low = low;
		this.high = high;
		this.minSigma = schedule.sigma(0);
		this.maxSigma = schedule.sigma(schedule.steps() - 1);
	}

	public EpsilonModel model() {
		return model;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int channels() {
		return model.channels();
	}

	@Override
	public double low() {
		return low;
	}

	@Override
	public double high() {
		return high;
	}

	@Override
	public double minSigma() {
		return minSigma;
	}

	@Override
	public double maxSigma() {
		return maxSigma;
	}

	@Override
	public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
		Denoisers.checkSigma(sigma);
		Denoisers.checkBatch(x, nchw, channels());
		final double alphaBar = DiffusionSchedule.alphaBarOf(sigma);
		// below sigma ~ 1e-8 alphaBar rounds to 1, and sigma * eps is below float resolution anyway
		if (alphaBar == 1) return x.clone();
		final double scale = Math.sqrt(alphaBar);
		final float[] xt = new float[x.length];
		for (int i = 0; i < xt.length; i++) xt[i] = (float) (x[i] * scale);
		final float[] eps = model.eps(xt, nchw, alphaBar);
		final float[] d = new float[x.length];
		for (int i = 0; i < d.length; i++) d[i] = (float) (x[i] - sigma * eps[i]);
		return d;
	}
}
