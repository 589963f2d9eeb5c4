package org.priorj.prior;

import java.io.IOException;

import org.scijava.plugin.Plugin;

/** Kind {@code autoencoder}: PriorJ's own compressive autoencoders ({@link NetworkLatentPrior}), for VBLE. */
@Plugin(type = PriorKind.class, name = AutoencoderDescriptor.KIND)
public final class AutoencoderPriorKind implements PriorKind {

	@Override
	public Prior load(final PriorDescriptor d, final PriorDevice device) {
		try {
			return NetworkLatentPrior.load(d.folder(), device.device());
		}
		catch (final IOException e) {
			throw new IllegalStateException("Cannot read prior '" + d.name() + "': " + e, e);
		}
	}
}
