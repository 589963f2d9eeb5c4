package org.priorj.prior;

/**
 * The standard registry with every kind of prior PriorJ knows registered; the one place that wires
 * loaders to kinds.
 */
public final class PriorRegistries {

	private PriorRegistries() {}

	public static PriorRegistry standard(final String device) {
		final PriorRegistry r = PriorRegistry.standard(device);
		return r;
	}
}
