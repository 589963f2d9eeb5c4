package org.priorj.prior;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import org.priorj.base.Checks;

/** Loading and calling TorchScript modules, as the TorchScript priors need them. */
final class TorchScriptModules {

	private TorchScriptModules() {}

	/**
	 * Loads the verified TorchScript file {@code weights} on {@code device}, with trainable but
	 * frozen parameters: a default load runs under inference mode, where no input gradient can be
	 * taken (BASELINES.md §3). A file PyTorch cannot load is refused naming {@code parameter}.
	 */
	static Model load(final String name, final Path weights, final PriorDevice device,
		final String parameter)
	{
		final String file = weights.getFileName().toString();
		Checks.require(file.endsWith(".pt"), parameter, "'" + file + "'",
			"a TorchScript file ending in .pt");
		final Model model = Model.newInstance(name, device.device(), "PyTorch");
		try {
			model.load(weights.getParent(), file.substring(0, file.length() - 3), java.util.Map.of(
				"trainParam", "true"));
			model.getBlock().freezeParameters(true);
		}
		catch (final IOException | MalformedModelException | RuntimeException e) {
			model.close();
			throw Checks.bad(parameter, "'" + weights + "' is not a TorchScript file PyTorch " +
				"can load (" + e.getMessage() + ")", "a file saved with torch.jit.save");
		}
		return model;
	}

	/** The module's outputs for {@code inputs}; {@code training} keeps the graph for gradients. */
	static NDList forward(final Model model, final NDManager m, final boolean training,
		final NDArray... inputs)
	{
		return model.getBlock().forward(new ParameterStore(m, false), new NDList(inputs), training);
	}
}
