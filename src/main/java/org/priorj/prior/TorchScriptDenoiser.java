package org.priorj.prior;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.priorj.image.Checks;

/**
 * A denoiser exported from PyTorch as TorchScript ({@code torch.jit.trace} of a module in eval
 * mode, called as {@code forward(x, sigma)} with x of shape (N, C, H, W) and sigma of shape (N),
 * both float32, in the descriptor's value range). This is how a user brings a published checkpoint:
 * export it once in Python, describe it, import it.
 * <p>
 * Calls are serialised (one forward at a time per prior) and each runs in its own NDManager, so
 * nothing stays on the native side between calls.
 */
public final class TorchScriptDenoiser implements Denoiser, AutoCloseable {

	private final PriorDescriptor descriptor;
	private final Model model;

	private TorchScriptDenoiser(final PriorDescriptor descriptor, final Model model) {
		this.descriptor = descriptor;
		this.model = model;
	}

	/** Loads the descriptor's verified weights file on {@code device}. */
	public static TorchScriptDenoiser load(final PriorDescriptor d, final PriorDevice device) {
		Checks.require(d.kind().equals("torchscript"), "kind", "'" + d.kind() + "'", "torchscript");
		Checks.require(d.convention().equals("denoiser"), "convention", "'" + d.convention() +
			"' for a TorchScript file", "denoiser (epsilon-vp TorchScript files are wrapped by the " +
				"diffusion layer)");
		final Path weights = d.verifiedWeights();
		final String file = weights.getFileName().toString();
		Checks.require(file.endsWith(".pt"), "weights", "'" + file + "'",
			"a TorchScript file ending in .pt");
		final Model model = Model.newInstance(d.name(), device.device(), "PyTorch");
		try {
			model.load(weights.getParent(), file.substring(0, file.length() - 3));
		}
		catch (final IOException | MalformedModelException | RuntimeException e) {
			model.close();
			throw Checks.bad("weights", "'" + weights + "' is not a TorchScript file PyTorch " +
				"can load (" + e.getMessage() + ")", "a file saved with torch.jit.save");
		}
		return new TorchScriptDenoiser(d, model);
	}

	@Override
	public synchronized float[] denoise(final float[] x, final org.priorj.physics.Shape nchw,
		final double sigma)
	{
		DenoiserInputs.check(this, x, nchw, sigma);
		try (NDManager m = model.getNDManager().newSubManager()) {
			final NDArray in = m.create(x, new Shape(nchw.dim(0), nchw.dim(1), nchw.dim(2), nchw.dim(
				3)));
			final float[] s = new float[nchw.dim(0)];
			java.util.Arrays.fill(s, (float) sigma);
			final NDArray sig = m.create(s);
			final NDList out = model.getBlock().forward(new ParameterStore(m, false), new NDList(in,
				sig), false);
			final float[] y = out.singletonOrThrow().toFloatArray();
			Checks.require(y.length == x.length, "weights", "the network returned " + y.length +
				" values for " + x.length, "a denoiser whose output has its input's shape");
			return y;
		}
	}

	@Override
	public String name() {
		return descriptor.name();
	}

	@Override
	public int channels() {
		return descriptor.channels();
	}

	@Override
	public double low() {
		return descriptor.low();
	}

	@Override
	public double high() {
		return descriptor.high();
	}

	@Override
	public double minSigma() {
		return descriptor.sigmaMin();
	}

	@Override
	public double maxSigma() {
		return descriptor.sigmaMax();
	}

	@Override
	public synchronized void close() {
		model.close();
	}
}
