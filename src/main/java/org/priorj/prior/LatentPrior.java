package org.priorj.prior;

import java.util.Optional;

import org.priorj.base.Shape;

/**
 * The prior of a compressive autoencoder, as VBLE uses it: an encoder from images to latents, a
 * decoder back, and a rate model giving the code length of the latents, so that
 * {@code -rate(z, h) ln 2} is their log-prior up to a constant (VBLE's objective is
 * {@code ||y - A decode(z)||^2 / (2 s^2) + lambda rate(z, h) ln 2}, both per pixel).
 * <p>
 * Conventions: images are batches (N, C, H, W) in the prior's value range [{@link #low()},
 * {@link #high()}]; latents are {@link Latent}s of shape (N, C', H', W') with the same N, and are
 * continuous (real-valued, not rounded). An autoencoder's rate model scores a latent by the
 * probability of the unit-width bin centred on each value, the relaxation compressive
 * autoencoders are trained with (additive uniform noise in place of rounding); an analytic prior
 * may use a density instead. {@link #rate} is in bits, summed over the whole batch. Image sides
 * must be multiples of {@link #multiple()} (refused naming {@code x}; callers pad). Implementations
 * never modify their input and are safe to call from several threads.
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

	/** Image sides must be multiples of this (1: any size). */
	int multiple();

	/** The encoder's latents of each image of the batch {@code x} (N, C, H, W): z and h(z). */
	Latents encode(float[] x, Shape nchw);

	/** The images (N, C, H, W) a batch of latents decodes to: a new array. */
	float[] decode(Latent z);

	/** Code length of the latents under the rate model, in bits, summed over the batch. */
	double rate(Latents latents);

	/**
	 * The loss {@code imageLoss(decode(z)) + rateWeight rate(z, h)} and its gradient with respect to
	 * z and h (the network's vector-Jacobian products): what one step of a variational method needs.
	 */
	Evaluation evaluate(Latents latents, ImageLoss imageLoss, double rateWeight);

	/**
	 * The decoder's per-pixel standard deviation sigma_theta(z) (VBLE-xz's variance decoder), or
	 * empty for a prior without one.
	 */
	default Optional<float[]> decodeStd(final Latent z) {
		return Optional.empty();
	}

	/** Whether {@link #decodeStd} gives a standard deviation (the prior has a variance decoder). */
	default boolean decodesStd() {
		return false;
	}

	/** A differentiable loss of the decoded images. */
	@FunctionalInterface
	interface ImageLoss {

		/** The loss of {@code x}; writes its gradient with respect to x into {@code gradient}. */
		double apply(float[] x, float[] gradient);
	}

	/**
	 * One evaluation: the decoded images, the image loss and code length there, and the gradient
	 * of {@code imageLoss + rateWeight bits} for each latent (same shapes as the latents).
	 */
	record Evaluation(float[] image, double imageLoss, double bits, Latents gradient) {}
}
