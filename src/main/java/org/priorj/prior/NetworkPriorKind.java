package org.priorj.prior;

import java.io.IOException;

import org.scijava.plugin.Plugin;

/** Kind {@code network}: PriorJ's own noise-conditional UNet denoisers ({@link NetworkDenoiser}). */
@Plugin(type = PriorKind.class, name = "network")
public final class NetworkPriorKind implements PriorKind {

	@Override
	public Prior load(final PriorDescriptor d, final PriorDevice device) {
		try {
			return NetworkDenoiser.load(d.folder(), device.device());
		}
		catch (final IOException e) {
			throw new IllegalStateException("Cannot read prior '" + d.name() + "': " + e, e);
		}
	}
}
