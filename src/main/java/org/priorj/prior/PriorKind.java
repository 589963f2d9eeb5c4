package org.priorj.prior;

import org.scijava.plugin.SciJavaPlugin;

/**
 * One kind of prior (the {@code kind} of a descriptor): turns a verified descriptor into a ready
 * {@link Prior}. Kinds are SciJava plugins, found by their annotation,
 * {@code @Plugin(type = PriorKind.class, name = "the-kind")}, so a new kind (an autoencoder, say)
 * is one class and no list to edit ({@link PriorRegistries#withAllKinds}).
 */
@FunctionalInterface
public interface PriorKind extends SciJavaPlugin {

	/**
	 * The loaded prior; if it holds native resources it also implements {@link AutoCloseable}, and
	 * the registry closes it when the prior is released.
	 */
	Prior load(PriorDescriptor descriptor, PriorDevice device);
}
