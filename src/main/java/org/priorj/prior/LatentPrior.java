package org.priorj.prior;

import org.priorj.base.Shape;

/**
 * The prior of a compressive autoencoder, as VBLE uses it: an encoder from images to latents, a
 * decoder back, and a rate model giving the code length of a latent, so that {@code -rate(z) ln 2}
 * is the log-prior of z up to a constant (VBLE's objective is
 * {@code ||y - A decode(z)||^2 / (2 s^2) + lambda rate(z)}).
 * <p>
 * Conventions: images are batches (N, C, H, W) in the prior's value range [{@link #low()},
 * {@link #high()}]; latents are {@link Latent}s of shape (N, C', H', W') with the same N, and are
 * continuous (real-valued, not rounded): the rate model scores a latent by the probability of the
 * unit-width bin centred on each value, {@code P(z) = integral over [z - 1/2, z + 1/2] of its
 * density}, the relaxation compressive autoencoders are trained with (additive uniform noise in
 * place of rounding). {@link #rate} is in bits, summed over the whole batch. Image sizes an
 * autoencoder cannot take (not a multiple of its downsampling factor) are refused naming
 * {@code x}. Implementations never modify their input and are safe to call from several threads.
 */
public interface LatentPrior extends Prior {

	/** The prior's name, as the registry lists it. */
	String name();

	/** Image channels C. */
	int channels();

	/** Lower end of the image value range the autoencoder was trained on. */
	double low();

	/** Upper end of that range. */
	double high();

	/** The latent of each image of the batch {@code x} of shape (N, C, H, W) (the encoder's mean). */
	Latent encode(float[] x, Shape nchw);

	/** The images (N, C, H, W) a batch of latents decodes to: a new array. */
	float[] decode(Latent z);

	/** Shape of the images {@code z} decodes to. */
	Shape imageShape(Shape latentShape);

	/** Code length of {@code z} under the rate model, in bits, summed over the batch. */
	double rate(Latent z);
}
