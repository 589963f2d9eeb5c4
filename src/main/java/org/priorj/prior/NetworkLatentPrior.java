package org.priorj.prior;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.image.TensorConverter;

/**
 * A {@link LatentPrior} backed by a trained {@link CompressiveAutoencoder}: grey images in [0, 1],
 * sides multiples of {@link CompressiveAutoencoder#MULTIPLE}, latents z (N, M, H/16, W/16) and h
 * (N, N_h, H/64, W/64), rates from the autoencoder's entropy models (unit-bin masses of the
 * continuous latents, no rounding). Gradients come from the engine's autograd through the
 * synthesis and the entropy models. A folder with a {@link VarianceDecoder} also gives VBLE-xz's
 * per-pixel decoder standard deviation ({@link #decodeStd}). Calls are serialised by a lock;
 * {@link #close} frees the native memory.
 */
public final class NetworkLatentPrior implements LatentPrior, AutoCloseable {

	private final String name;
	private final CompressiveAutoencoder cae;
	private final VarianceDecoder variance;
	private final NDManager manager;
	private final ParameterStore store;
	private final Object lock = new Object();

	/** Wraps an initialised autoencoder; the prior owns (and closes) the manager. */
	public NetworkLatentPrior(final String name, final CompressiveAutoencoder cae,
		final NDManager manager)
	{
		this(name, cae, null, manager);
	}

	/** With a variance decoder (null: none); the prior owns (and closes) the manager. */
	public NetworkLatentPrior(final String name, final CompressiveAutoencoder cae,
		final VarianceDecoder variance, final NDManager manager)
	{
		this.name = name;
		this.cae = cae;
		this.variance = variance;
		this.manager = manager;
		this.store = new ParameterStore(manager, false);
	}

	/** Loads a prior folder written by training (descriptor checked, weights hash verified). */
	public static NetworkLatentPrior load(final Path folder, final ai.djl.Device device)
		throws IOException
	{
		final AutoencoderDescriptor d = AutoencoderDescriptor.read(folder);
		final Path weights = PriorDescriptor.read(folder).verifiedWeights();
		final CompressiveAutoencoder cae = new CompressiveAutoencoder(d.width, d.latentChannels);
		final NDManager manager = NDManager.newBaseManager(device, "PyTorch");
		final int m = CompressiveAutoencoder.MULTIPLE;
		load(cae, manager, weights, new ai.djl.ndarray.types.Shape(1, 1, m, m),
			"parameters of a compressive autoencoder of width " + d.width + " with " +
				d.latentChannels + " latent channels");
		if (d.variance.isEmpty()) return new NetworkLatentPrior(d.name, cae, manager);
		final VarianceDecoder v = new VarianceDecoder(d.width);
		try {
			load(v, manager, d.verifiedVarianceWeights(folder), new ai.djl.ndarray.types.Shape(1,
				d.latentChannels, 1, 1), "parameters of a variance decoder of width " + d.width);
		}
		catch (final RuntimeException e) {
			manager.close();
			throw e;
		}
		return new NetworkLatentPrior(d.name, cae, v, manager);
	}

	/** Initialises {@code block} for {@code input} and reads its weights; closes the manager on failure. */
	private static void load(final ai.djl.nn.AbstractBlock block, final NDManager manager,
		final Path weights, final ai.djl.ndarray.types.Shape input, final String expected)
	{
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(
			weights))))
		{
			block.initialize(manager, DataType.FLOAT32, input);
			block.loadParameters(manager, in);
		}
		catch (final MalformedModelException | IOException | RuntimeException e) {
			manager.close();
			if (e instanceof IllegalArgumentException) throw (IllegalArgumentException) e;
			throw Checks.bad("weights", weights + " (" + NetworkDenoiser.failure(e, weights) + ")",
				expected);
		}
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int channels() {
		return 1;
	}

	@Override
	public double low() {
		return 0;
	}

	@Override
	public double high() {
		return 1;
	}

	@Override
	public int multiple() {
		return CompressiveAutoencoder.MULTIPLE;
	}

	@Override
	public Latents encode(final float[] x, final Shape nchw) {
		Denoisers.checkBatch(x, nchw, 1);
		final int m = multiple();
		Checks.require(nchw.dim(2) % m == 0 && nchw.dim(3) % m == 0, "x", "an image of " + nchw.dim(
			2) + "×" + nchw.dim(3), "sides that are multiples of " + m + " (pad the image)");
		synchronized (lock) {
			try (NDManager sub = manager.newSubManager()) {
				final NDArray z = cae.analyse(store, TensorConverter.nchw(sub, x, nchw.dim(0), 1, nchw.dim(
					2), nchw.dim(3)), false);
				final NDArray h = cae.hyperAnalyse(store, z, false);
				return Latents.of(LatentTensors.latent(z, "latent"), LatentTensors.latent(h, "hyper-latent"));
			}
		}
	}

	private void checkLatent(final Latent z) {
		Checks.require(z.shape().dim(1) == cae.latentChannels(), "latent", "shape " + z.shape(),
			"(N, " + cae.latentChannels() + ", H/16, W/16)");
	}

	private Latent hyperOf(final Latents latents) {
		final Latent h = latents.hyper().orElseThrow(() -> Checks.bad("hyper-latent", "none",
			"the hyper-latent h of the autoencoder"));
		Checks.require(h.shape().dim(1) == cae.width() && h.shape().dim(2) * 4 == latents.z().shape()
			.dim(2) && h.shape().dim(3) * 4 == latents.z().shape().dim(3), "hyper-latent", "shape " + h
				.shape(), "(N, " + cae.width() + ", H/64, W/64) for a latent of shape " + latents.z()
					.shape());
		return h;
	}

	@Override
	public float[] decode(final Latent z) {
		checkLatent(z);
		synchronized (lock) {
			try (NDManager sub = manager.newSubManager()) {
				return TensorConverter.toFloatArray(cae.synthesise(store, LatentTensors.tensor(sub, z), false));
			}
		}
	}

	@Override
	public double rate(final Latents latents) {
		checkLatent(latents.z());
		final Latent hl = hyperOf(latents);
		synchronized (lock) {
			try (NDManager sub = manager.newSubManager()) {
				final NDArray z = LatentTensors.tensor(sub, latents.z()), h = LatentTensors.tensor(sub, hl);
				return CompressiveAutoencoder.bits(cae.latentLikelihood(store, z, h, false)).add(
					CompressiveAutoencoder.bits(cae.hyperLikelihood(store, h, false))).getFloat();
			}
		}
	}

	@Override
	public Evaluation evaluate(final Latents latents, final ImageLoss imageLoss,
		final double rateWeight)
	{
		checkLatent(latents.z());
		final Latent hl = hyperOf(latents);
		synchronized (lock) {
			try (NDManager sub = manager.newSubManager();
				GradientCollector gc = manager.getEngine().newGradientCollector())
			{
				final NDArray z = LatentTensors.tensor(sub, latents.z()), h = LatentTensors.tensor(sub, hl);
				z.setRequiresGradient(true);
				h.setRequiresGradient(true);
				final NDArray bits = CompressiveAutoencoder.bits(cae.latentLikelihood(store, z, h, false))
					.add(CompressiveAutoencoder.bits(cae.hyperLikelihood(store, h, false)));
				return LatentTensors.evaluation(sub, gc, cae.synthesise(store, z, false), bits,
					new NDArray[] { z, h }, latents, imageLoss, rateWeight);
			}
		}
	}

	@Override
	public boolean decodesStd() {
		return variance != null;
	}

	@Override
	public java.util.Optional<float[]> decodeStd(final Latent z) {
		if (variance == null) return java.util.Optional.empty();
		checkLatent(z);
		synchronized (lock) {
			try (NDManager sub = manager.newSubManager()) {
				return java.util.Optional.of(TensorConverter.toFloatArray(variance.std(store, LatentTensors
					.tensor(sub, z), false)));
			}
		}
	}

	@Override
	public void close() {
		manager.close();
	}
}
