package org.priorj.bench;

import org.priorj.base.Shape;
import org.priorj.prior.Denoiser;
import org.priorj.prior.ForwardingDenoiser;

/** A denoiser that adds up the time of its calls, so a benchmark can time the network apart. */
final class TimedDenoiser extends ForwardingDenoiser {

	long nanos;
	int calls;
	/** Images (slices, planes) the calls saw, all batches together. */
	long images;

	TimedDenoiser(final Denoiser inner) {
		super(inner);
	}

	@Override
	public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
		final long t0 = System.nanoTime();
		final float[] d = super.denoise(x, nchw, sigma);
		nanos += System.nanoTime() - t0;
		calls++;
		images += nchw.dim(0);
		return d;
	}
}
