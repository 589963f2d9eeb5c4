package org.priorj.prior;

import org.priorj.base.Shape;

/**
 * A denoiser that passes every call to another; subclasses override what they change (timing a
 * prior's calls, declaring another noise range) and keep the rest.
 */
public abstract class ForwardingDenoiser implements Denoiser {

	private final Denoiser inner;

	protected ForwardingDenoiser(final Denoiser inner) {
		this.inner = inner;
	}

	@Override
	public String name() {
		return inner.name();
	}

	@Override
	public int channels() {
		return inner.channels();
	}

	@Override
	public double low() {
		return inner.low();
	}

	@Override
	public double high() {
		return inner.high();
	}

	@Override
	public double minSigma() {
		return inner.minSigma();
	}

	@Override
	public double maxSigma() {
		return inner.maxSigma();
	}

	@Override
	public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
		return inner.denoise(x, nchw, sigma);
	}

	@Override
	public long hostBytes(final Shape nchw) {
		return inner.hostBytes(nchw);
	}
}
