package org.priorj.prior;

import org.scijava.plugin.Plugin;

/** Kind {@code analytic}: closed-form Gaussian priors, no weights ({@link AnalyticPriors}). */
@Plugin(type = PriorKind.class, name = "analytic")
public final class AnalyticPriorKind implements PriorKind {

	@Override
	public Prior load(final PriorDescriptor d, final PriorDevice device) {
		return new ForwardingDenoiser(AnalyticPriors.load(d)) {

			@Override
			public String name() {
				return d.name(); // as installed, for the record of every result
			}
		};
	}
}
