package org.priorj.prior;

import java.util.Optional;

import org.priorj.base.Checks;

/**
 * The latents of a compressive autoencoder for one batch: z, which the decoder maps to images, and
 * the hyper-latent h that parametrises z's entropy model (empty for a prior without one).
 */
public record Latents(Latent z, Optional<Latent> hyper) {

	public Latents {
		if (z == null) throw Checks.bad("latent", "none", "a latent z");
		if (hyper == null) throw Checks.bad("hyper-latent", "null", "a hyper-latent or none");
		hyper.ifPresent(h -> Checks.require(h.shape().dim(0) == z.shape().dim(0), "hyper-latent",
			"batch " + h.shape().dim(0), "the latent's batch " + z.shape().dim(0)));
	}

	/** Latents without a hyper-latent. */
	public static Latents of(final Latent z) {
		return new Latents(z, Optional.empty());
	}

	/** Latents with both parts. */
	public static Latents of(final Latent z, final Latent hyper) {
		return new Latents(z, Optional.of(hyper));
	}
}
