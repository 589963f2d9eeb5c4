package org.priorj.prior;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The VP noise predictor of a {@link Denoiser}: with {@code sigma = sqrt((1 - alphaBar) /
 * alphaBar)} and {@code x = x_t / sqrt(alphaBar)} (so that {@code x = x_0 + sigma eps}),
 * <pre>
 *   eps(x_t, alphaBar) = (x_t - sqrt(alphaBar) D(x, sigma)) / sqrt(1 - alphaBar) = (x - D(x, sigma)) / sigma.
 * </pre>
 * If D is the MMSE denoiser {@code E[x_0 | x]}, this is the MMSE noise predictor
 * {@code E[eps | x_t]}, so a denoiser trained at every noise level is a diffusion prior. The
 * difference uses the float-rounded x that D received, so the only rounding D's result carries is
 * its own (amplified by 1/sigma at small sigma: about 1e-7 / sigma for values near 1). Data stay
 * in the denoiser's value range ({@link RangeMappedDenoiser} moves it). Thread-safe if the
 * denoiser is.
 */
public final class DenoiserEpsilonModel implements EpsilonModel {

	private final Denoiser denoiser;

	public DenoiserEpsilonModel(final Denoiser denoiser) {
		if (denoiser == null) throw Checks.bad("denoiser", "got null", "a denoiser");
		this.denoiser = denoiser;
	}

	public Denoiser denoiser() {
		return denoiser;
	}

	@Override
	public int channels() {
		return denoiser.channels();
	}

	/** {@inheritDoc} {@code alphaBar} must lie in (0, 1): at 1 the noise, and eps, is undefined. */
	@Override
	public float[] eps(final float[] xt, final Shape nchw, final double alphaBar) {
		Checks.require(alphaBar > 0 && alphaBar < 1, "alpha_bar", "got " + alphaBar,
			"a number in (0, 1)");
		Denoisers.checkBatch(xt, nchw, channels());
		final double sigma = Math.sqrt((1 - alphaBar) / alphaBar);
		final double scale = 1 / Math.sqrt(alphaBar);
		final float[] x = new float[xt.length];
		for (int i = 0; i < x.length; i++) x[i] = (float) (xt[i] * scale);
		final float[] d = denoiser.denoise(x, nchw, sigma);
		final float[] eps = new float[x.length];
		for (int i = 0; i < eps.length; i++) eps[i] = (float) (((double) x[i] - d[i]) / sigma);
		return eps;
	}
}
