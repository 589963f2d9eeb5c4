package org.priorj.prior;

/** Turns a verified descriptor of one kind into a ready {@link Denoiser}. */
@FunctionalInterface
public interface PriorLoader {

	/**
	 * The loaded prior; if it holds native resources it also implements {@link AutoCloseable}, and
	 * the registry closes it when the prior is released.
	 */
	Denoiser load(PriorDescriptor descriptor, PriorDevice device);
}
