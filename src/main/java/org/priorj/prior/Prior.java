package org.priorj.prior;

/**
 * What the registry hands out: a prior of some type ({@link Denoiser} for the diffusion solvers,
 * {@link LatentPrior} for the latent-space ones), asked for by type with
 * {@link PriorRegistry#load(String, Class)}.
 */
public interface Prior {

	/** The prior's name, as installed. */
	String name();
}
