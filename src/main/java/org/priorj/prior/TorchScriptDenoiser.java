package org.priorj.prior;

import java.nio.file.Path;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.priorj.base.Checks;

/**
 * A network exported from PyTorch as TorchScript ({@code torch.jit.trace} of a module in eval mode)
 * used as a denoiser. This is how a user brings a published checkpoint: export it once in Python,
 * describe it, import it. The descriptor's convention says what the module computes, on data in the
 * descriptor's value range (float32 tensors):
 * <ul>
 * <li>{@code denoiser}: {@code forward(x, sigma)}, x of shape (N, C, H, W), sigma of shape (N);</li>
 * <li>{@code epsilon-vp}: {@code forward(x_t, t)}, the noise of a linear-beta VP diffusion
 * ({@link DiffusionSchedule#linear()}) with t of shape (N) (a float holding the step index);
 * then D(x, sigma) = x - sigma eps(sqrt(abar) x, t) with abar = 1 / (1 + sigma^2) and t the step
 * whose abar is nearest (exact when sigma is one of the schedule's noise levels).</li>
 * </ul>
 * The module is loaded with trainable parameters ({@code trainParam=true}, then frozen) so that
 * input gradients flow ({@link #vjp}). Calls are serialised (one forward at a time per prior) and
 * each runs in its own NDManager, so nothing stays on the native side between calls.
 */
public final class TorchScriptDenoiser implements DifferentiableDenoiser, AutoCloseable {

	private static final DiffusionSchedule SCHEDULE = DiffusionSchedule.linear();

	private final PriorDescriptor descriptor;
	private final Model model;

	private TorchScriptDenoiser(final PriorDescriptor descriptor, final Model model) {
		this.descriptor = descriptor;
		this.model = model;
	}

	/** Loads the descriptor's verified weights file on {@code device}. */
	public static TorchScriptDenoiser load(final PriorDescriptor d, final PriorDevice device) {
		Checks.require(d.kind().equals("torchscript"), "kind", "'" + d.kind() + "'", "torchscript");
		final Path weights = d.verifiedWeights();
		final Model model = TorchScriptModules.load(d.name(), weights, device, "weights");
		return new TorchScriptDenoiser(d, model);
	}

	@Override
	public synchronized float[] denoise(final float[] x, final org.priorj.base.Shape nchw,
		final double sigma)
	{
		DenoiserInputs.check(this, x, nchw, sigma);
		try (NDManager m = model.getNDManager().newSubManager()) {
			final float[] y = apply(m, input(m, x, nchw), sigma, false).toFloatArray();
			Checks.require(y.length == x.length, "weights", "the network returned " + y.length +
				" values for " + x.length, "a network whose output has its input's shape");
			return y;
		}
	}

	@Override
	public synchronized float[] vjp(final float[] x, final org.priorj.base.Shape nchw,
		final double sigma, final float[] v)
	{
		DenoiserInputs.check(this, x, nchw, sigma);
		nchw.check("v", v, "N x C x H x W");
		try (NDManager m = model.getNDManager().newSubManager();
			GradientCollector gc = m.getEngine().newGradientCollector())
		{
			final NDArray in = input(m, x, nchw);
			in.setRequiresGradient(true);
			final NDArray d = apply(m, in, sigma, true);
			gc.backward(d.mul(input(m, v, nchw)).sum());
			return in.getGradient().toFloatArray();
		}
	}

	private static NDArray input(final NDManager m, final float[] x,
		final org.priorj.base.Shape s)
	{
		return m.create(x, new Shape(s.dim(0), s.dim(1), s.dim(2), s.dim(3)));
	}

	/** D(x, sigma) as a graph on x; {@code training} keeps the graph for gradients. */
	private NDArray apply(final NDManager m, final NDArray x, final double sigma,
		final boolean training)
	{
		final int n = (int) x.getShape().get(0);
		final float[] second = new float[n];
		if (descriptor.convention().equals("denoiser")) {
			java.util.Arrays.fill(second, (float) sigma);
			return forward(m, x, m.create(second), training);
		}
		if (sigma == 0) return training ? x.mul(1) : x.duplicate();
		final double abar = DiffusionSchedule.alphaBarOf(sigma);
		java.util.Arrays.fill(second, SCHEDULE.nearestTime(abar));
		final NDArray eps = forward(m, x.mul((float) Math.sqrt(abar)), m.create(second), training);
		return x.sub(eps.mul((float) sigma));
	}

	private NDArray forward(final NDManager m, final NDArray a, final NDArray b,
		final boolean training)
	{
		return TorchScriptModules.forward(model, m, training, a, b).singletonOrThrow();
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
