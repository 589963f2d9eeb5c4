package org.priorj.prior;

import org.scijava.plugin.Plugin;

/** Kind {@code torchscript}: a denoiser exported from PyTorch ({@link TorchScriptDenoiser}). */
@Plugin(type = PriorKind.class, name = "torchscript")
public final class TorchScriptPriorKind implements PriorKind {

	@Override
	public Prior load(final PriorDescriptor d, final PriorDevice device) {
		return TorchScriptDenoiser.load(d, device);
	}
}
