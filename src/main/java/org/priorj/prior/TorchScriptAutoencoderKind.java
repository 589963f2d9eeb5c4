package org.priorj.prior;

import org.scijava.plugin.Plugin;

/**
 * Kind {@code torchscript-autoencoder}: a compressive autoencoder exported from PyTorch
 * ({@link TorchScriptLatentPrior}), for VBLE.
 */
@Plugin(type = PriorKind.class, name = TorchScriptLatentPrior.KIND)
public final class TorchScriptAutoencoderKind implements PriorKind {

	@Override
	public Prior load(final PriorDescriptor d, final PriorDevice device) {
		return TorchScriptLatentPrior.load(d, device);
	}
}
