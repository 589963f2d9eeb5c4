package org.priorj.prior;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * Base of the denoisers given by a formula rather than a trained network (exact Gaussian MMSE
 * denoisers, TV): they are defined at every noise level ({@link #minSigma()} 0, {@link #maxSigma()}
 * infinite), and their value range only declares which data they are meant for (the formula does
 * not depend on it). {@link #denoise} checks its input once, the same way for all of them, and
 * hands a valid call to {@link #compute}.
 */
public abstract class AnalyticDenoiser implements Denoiser {

	private final String name;
	private final int channels;
	private final double low, high;

	protected AnalyticDenoiser(final String name, final int channels, final double low,
		final double high)
	{
		this.name = Denoisers.checkName(name);
		this.channels = Checks.positive("channels", channels);
		Denoisers.checkRange(low, high);
		this.low = low;
		this.high = high;
	}

	@Override
	public final String name() {
		return name;
	}

	@Override
	public final int channels() {
		return channels;
	}

	@Override
	public final double low() {
		return low;
	}

	@Override
	public final double high() {
		return high;
	}

	@Override
	public final double minSigma() {
		return 0;
	}

	@Override
	public final double maxSigma() {
		return Double.POSITIVE_INFINITY;
	}

	@Override
	public final float[] denoise(final float[] x, final Shape nchw, final double sigma) {
		Denoisers.checkSigma(sigma);
		Denoisers.checkBatch(x, nchw, channels);
		return compute(x, nchw, sigma);
	}

	/** D(x, sigma) for a checked batch: a new array, x left unchanged. */
	protected abstract float[] compute(float[] x, Shape nchw, double sigma);
}
