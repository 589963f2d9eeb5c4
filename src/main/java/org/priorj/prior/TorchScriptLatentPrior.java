package org.priorj.prior;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.image.TensorConverter;

/**
 * A compressive autoencoder trained in PyTorch and exported as TorchScript (kind
 * {@value #KIND}), so that VBLE and VBLE-xz can use a model trained elsewhere, on a GPU say. The
 * convention ({@code scripts/export_cae_torchscript.py} writes such a folder): the descriptor's
 * {@code modules} names TorchScript files, each with its SHA-256,
 * <ul>
 * <li>{@code analysis}: {@code forward(x) -> (z, h)}, the latent and the hyper-latent (or z
 * alone);</li>
 * <li>{@code synthesis}: {@code forward(z) -> x}, the decoder;</li>
 * <li>{@code rate}: {@code forward(z, h) -> bits} (or {@code forward(z)}), the code length of
 * continuous latents in bits, summed over the batch, from unit-bin probabilities;</li>
 * <li>{@code variance} (optional): {@code forward(z) -> sigma_theta(z)}, VBLE-xz's variance
 * decoder;</li>
 * </ul>
 * images (N, C, H, W) in the descriptor's value range with sides multiples of its
 * {@code multiple}. Gradients for VBLE come from autograd through the TorchScript graphs. Calls are
 * serialised; {@link #close} frees the native memory.
 */
public final class TorchScriptLatentPrior implements LatentPrior, AutoCloseable {

	public static final String KIND = "torchscript-autoencoder";

	private final PriorDescriptor descriptor;
	private final int multiple;
	private final Model analysis, synthesis, rate;
	private final Model variance;
	private final Object lock = new Object();

	private TorchScriptLatentPrior(final PriorDescriptor descriptor, final int multiple,
		final List<Model> models)
	{
		this.descriptor = descriptor;
		this.multiple = multiple;
		this.analysis = models.get(0);
		this.synthesis = models.get(1);
		this.rate = models.get(2);
		this.variance = models.size() > 3 ? models.get(3) : null;
	}

	/** Loads the descriptor's modules (each verified against its SHA-256) on {@code device}. */
	public static TorchScriptLatentPrior load(final PriorDescriptor d, final PriorDevice device) {
		Checks.require(d.kind().equals(KIND), "kind", "'" + d.kind() + "'", KIND);
		final JsonObject json = d.json();
		final JsonElement modules = json.get("modules");
		Checks.require(modules != null && modules.isJsonObject(), "modules", "missing in " + d
			.folder().resolve(PriorDescriptor.FILE), "{analysis, synthesis, rate, optionally " +
				"variance}, each {file, sha256}");
		final int multiple = json.has("multiple") ? json.get("multiple").getAsInt() : 1;
		Checks.positive("multiple", multiple);
		final List<Model> models = new ArrayList<>();
		try {
			for (final String key : new String[] { "analysis", "synthesis", "rate", "variance" }) {
				final JsonElement m = modules.getAsJsonObject().get(key);
				if (m == null && key.equals("variance")) break;
				Checks.require(m != null && m.isJsonObject() && m.getAsJsonObject().has("file") && m
					.getAsJsonObject().has("sha256"), "modules." + key, String.valueOf(m),
					"{\"file\": a .pt file in the prior's folder, \"sha256\": its hash}");
				final JsonObject o = m.getAsJsonObject();
				models.add(TorchScriptModules.load(d.name() + "-" + key, PriorDescriptor.verified(d
					.folder(), o.get("file").getAsString(), o.get("sha256").getAsString(), "modules." +
						key, "modules." + key + ".sha256"), device, "modules." + key));
			}
		}
		catch (final RuntimeException e) {
			models.forEach(Model::close);
			throw e;
		}
		return new TorchScriptLatentPrior(d, multiple, models);
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
	public int multiple() {
		return multiple;
	}

	@Override
	public Latents encode(final float[] x, final Shape nchw) {
		Denoisers.checkBatch(x, nchw, channels());
		Checks.require(nchw.dim(2) % multiple == 0 && nchw.dim(3) % multiple == 0, "x", "an image of " +
			nchw.dim(2) + "×" + nchw.dim(3), "sides that are multiples of " + multiple +
				" (pad the image)");
		synchronized (lock) {
			try (NDManager m = synthesis.getNDManager().newSubManager()) {
				final NDList out = call(analysis, "analysis", m, false, TensorConverter.nchw(m, x, nchw
					.dim(0), nchw.dim(1), nchw.dim(2), nchw.dim(3)));
				Checks.require(out.size() == 1 || out.size() == 2, "modules.analysis", out.size() +
					" outputs", "(z, h) or z");
				final Latent z = LatentTensors.latent(out.get(0), "modules.analysis");
				return out.size() == 1 ? Latents.of(z) : Latents.of(z, LatentTensors.latent(out.get(1),
					"modules.analysis"));
			}
		}
	}

	@Override
	public float[] decode(final Latent z) {
		synchronized (lock) {
			try (NDManager m = synthesis.getNDManager().newSubManager()) {
				return TensorConverter.toFloatArray(call(synthesis, "synthesis", m, false, LatentTensors
					.tensor(m, z)).get(0));
			}
		}
	}

	@Override
	public double rate(final Latents latents) {
		synchronized (lock) {
			try (NDManager m = synthesis.getNDManager().newSubManager()) {
				return bits(m, tensors(m, latents), false).getFloat();
			}
		}
	}

	@Override
	public Evaluation evaluate(final Latents latents, final ImageLoss imageLoss,
		final double rateWeight)
	{
		synchronized (lock) {
			try (NDManager m = synthesis.getNDManager().newSubManager();
				GradientCollector gc = m.getEngine().newGradientCollector())
			{
				final NDArray[] in = tensors(m, latents);
				for (final NDArray a : in) a.setRequiresGradient(true);
				return LatentTensors.evaluation(m, gc, call(synthesis, "synthesis", m, true, in[0]).get(0),
					bits(m, in, true), in, latents, imageLoss, rateWeight);
			}
		}
	}

	@Override
	public boolean decodesStd() {
		return variance != null;
	}

	@Override
	public Optional<float[]> decodeStd(final Latent z) {
		if (variance == null) return Optional.empty();
		synchronized (lock) {
			try (NDManager m = synthesis.getNDManager().newSubManager()) {
				return Optional.of(TensorConverter.toFloatArray(call(variance, "variance", m, false,
					LatentTensors.tensor(m, z)).get(0)));
			}
		}
	}

	private NDArray bits(final NDManager m, final NDArray[] latents, final boolean training) {
		final NDArray bits = call(rate, "rate", m, training, latents).get(0);
		Checks.require(bits.size() == 1, "modules.rate", "an output of shape " + bits.getShape(),
			"one number, the bits summed over the batch");
		return bits.reshape();
	}

	/** A module's outputs; a failure inside the TorchScript graph is refused naming the module. */
	private static NDList call(final Model model, final String key, final NDManager m,
		final boolean training, final NDArray... inputs)
	{
		try {
			return TorchScriptModules.forward(model, m, training, inputs);
		}
		catch (final ai.djl.engine.EngineException e) {
			// the engine's message is a TorchScript traceback: its first and last lines say what failed
			final List<String> lines = e.getMessage().lines().filter(l -> !l.isBlank()).toList();
			final String why = lines.isEmpty() ? "" : lines.size() == 1 ? lines.get(0) : lines.get(0) +
				" … " + lines.get(lines.size() - 1).trim();
			final StringBuilder shapes = new StringBuilder();
			for (final NDArray a : inputs) shapes.append(shapes.length() == 0 ? "" : ", ").append(a
				.getShape());
			throw Checks.bad("modules." + key, "a module that fails on inputs of shape " + shapes + " (" +
				why + ")", "the forward(...) of the TorchScript autoencoder convention " +
					"(scripts/export_cae_torchscript.py)");
		}
	}

	private static NDArray[] tensors(final NDManager m, final Latents latents) {
		final NDArray z = LatentTensors.tensor(m, latents.z());
		return latents.hyper().isEmpty() ? new NDArray[] { z } : new NDArray[] { z, LatentTensors
			.tensor(m, latents.hyper().get()) };
	}

	@Override
	public void close() {
		synchronized (lock) {
			analysis.close();
			synthesis.close();
			rate.close();
			if (variance != null) variance.close();
		}
	}
}
