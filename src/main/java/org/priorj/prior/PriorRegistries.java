package org.priorj.prior;

/**
 * The standard registry with every kind of prior PriorJ knows registered; the one place that wires
 * loaders to kinds.
 */
public final class PriorRegistries {

	private PriorRegistries() {}

	public static PriorRegistry standard(final String device) {
		return withAllKinds(PriorRegistry.standard(device));
	}

	/** {@code r} with every kind of prior registered (TorchScript is built in). */
	public static PriorRegistry withAllKinds(final PriorRegistry r) {
		r.register("network", (d, dev) -> {
			try {
				return NetworkDenoiser.load(d.folder(), dev.device());
			}
			catch (final java.io.IOException e) {
				throw new IllegalStateException("Cannot read prior '" + d.name() + "': " + e, e);
			}
		});
		r.register("analytic", (d, dev) -> AnalyticPriors.load(d));
		return r;
	}
}
