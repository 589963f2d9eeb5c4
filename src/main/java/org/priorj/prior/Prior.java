package org.priorj.prior;

import org.priorj.base.Shape;

/**
 * What the registry hands out: a prior of some type ({@link Denoiser} for the diffusion solvers,
 * {@link LatentPrior} for the latent-space ones), asked for by type with
 * {@link PriorRegistry#load(String, Class)}.
 */
public interface Prior {

	/** The prior's name, as installed. */
	String name();

	/** Image channels C of the batches (N, C, H, W) it takes. */
	int channels();

	/** Lower end of the image value range it was trained on. */
	double low();

	/** Upper end of that range. */
	double high();

	/**
	 * Host memory in bytes one call on a batch of shape {@code nchw} needs beyond its input and
	 * output (0 when it runs elsewhere or needs nothing worth counting).
	 */
	default long hostBytes(final Shape nchw) {
		return 0;
	}
}
