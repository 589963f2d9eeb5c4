package org.priorj.prior;

import org.priorj.base.Shape;

/**
 * A Gaussian denoiser D(x, sigma) ~ E[x0 | x0 + sigma n = x], the one prior convention every
 * solver uses: diffusion solvers convert it to and from a VP epsilon-model ({@link
 * DiffusionSchedule}), plug-and-play and RED solvers call it directly.
 * <p>
 * Data are batches (N, C, H, W) in the value range the prior was trained on ({@link #low()} to
 * {@link #high()}); sigma is the noise standard deviation in the same units. Implementations never
 * modify their input and are safe to call from several threads.
 */
public interface Denoiser extends Prior {

	/** The prior's name, as the registry lists it. */
	String name();

	/** Channels C the denoiser expects (1 for grey images, 2 for complex ones). */
	int channels();

	/** Lower end of the value range the prior was trained on (e.g. 0, or -1). */
	double low();

	/** Upper end of that range (e.g. 1). */
	double high();

	/** Smallest noise level the prior was trained for (below it the result is extrapolated). */
	double minSigma();

	/** Largest noise level the prior was trained for. */
	double maxSigma();

	/**
	 * D(x, sigma) for a batch x of shape (N, C, H, W); the same sigma for every image.
	 *
	 * @return a new array of the same shape
	 */
	float[] denoise(float[] x, Shape nchw, double sigma);

	/**
	 * The native (off-heap) memory of this machine that one call on a batch of shape {@code nchw}
	 * needs, in bytes; 0 where it is unknown or the work runs on a device with its own memory.
	 */
	default long hostBytes(final Shape nchw) {
		return 0;
	}
}
