package org.priorj.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Random;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;

import com.google.gson.JsonObject;

import org.priorj.base.Checks;
import org.priorj.prior.AutoencoderDescriptor;
import org.priorj.prior.CompressiveAutoencoder;
import org.priorj.prior.PriorDescriptor;
import org.priorj.prior.VarianceDecoder;

/**
 * Training VBLE-xz's {@link VarianceDecoder} for a trained autoencoder whose weights stay frozen:
 * the Gaussian negative log-likelihood {@code mean((x - g_s(z))^2 / (2 sigma^2) + log sigma)} of
 * clean patches x in [0, 1], z = g_a(x) relaxed by unit uniform noise (the autoencoder's training
 * noise and the width VBLE's posterior starts from), sigma = sigma_theta(z). The finished folder is
 * a complete prior: the autoencoder's weights and record copied, the variance decoder beside them.
 */
final class VarianceObjective implements TrainingObjective {

	static final String WEIGHTS = "variance.params", RECORD = "variance-training.json";

	private final TrainingOptions o;
	private final AutoencoderDescriptor mean;
	private final Path meanWeights;
	private final VarianceDecoder decoder;
	private final PatchSampler sampler;
	private CompressiveAutoencoder cae;
	private ParameterStore frozen;
	private double rmse, std;

	VarianceObjective(final TrainingOptions o, final TrainingSet data) {
		this.o = o;
		Checks.require(o.autoencoder != null, "autoencoder", "none",
			"the folder of the trained autoencoder whose variance decoder to train");
		try {
			mean = AutoencoderDescriptor.read(o.autoencoder);
			meanWeights = PriorDescriptor.read(o.autoencoder).verifiedWeights();
		}
		catch (final IOException | IllegalArgumentException e) {
			throw Checks.bad("autoencoder", o.autoencoder + " (" + e.getMessage() + ")",
				"the folder of a trained autoencoder prior (kind " + AutoencoderDescriptor.KIND +
					") with untouched weights");
		}
		Checks.require(o.patch % CompressiveAutoencoder.MULTIPLE == 0, "patch", "" + o.patch,
			"a multiple of " + CompressiveAutoencoder.MULTIPLE + " for an autoencoder");
		decoder = new VarianceDecoder(mean.width);
		sampler = new PatchSampler(data.images(), o.patch, o.scales, 1, 1);
	}

	@Override
	public AbstractBlock network() {
		return decoder;
	}

	@Override
	public long parameterCount() {
		return decoder.parameterCount();
	}

	/** The decoder's input: the latents of a batch of patches. */
	@Override
	public Shape inputShape() {
		return new Shape(o.batch, mean.latentChannels, o.patch / 16, o.patch / 16);
	}

	@Override
	public int multiple() {
		return CompressiveAutoencoder.MULTIPLE;
	}

	@Override
	public String weightsFile() {
		return WEIGHTS;
	}

	@Override
	public String recordFile() {
		return RECORD;
	}

	@Override
	public Path initWeights(final Path init) throws IOException {
		final AutoencoderDescriptor start = AutoencoderDescriptor.read(init);
		Checks.require(start.width == mean.width, "init", init.toString(),
			"a prior whose variance decoder has width " + mean.width + " (it has " + start.width + ")");
		return start.verifiedVarianceWeights(init);
	}

	@Override
	public NDArray loss(final Trainer trainer, final NDManager sub, final Random random) {
		if (cae == null) loadFrozen(trainer.getManager());
		final float[] batch = sampler.cleanBatch(random, o.batch);
		final NDArray x = sub.create(batch, new Shape(o.batch, 1, o.patch, o.patch));
		final NDArray zc = cae.analyse(frozen, x, false);
		final NDArray z = zc.add(sub.randomUniform(-0.5f, 0.5f, zc.getShape(), zc.getDataType(), zc
			.getDevice()));
		final NDArray error = cae.synthesise(frozen, z, false).sub(x);
		final NDArray sigma = trainer.forward(new NDList(z)).singletonOrThrow();
		rmse = Math.sqrt(error.square().mean().getFloat());
		std = sigma.mean().getFloat();
		return error.square().div(sigma.square().mul(2f)).add(sigma.log()).mean();
	}

	/** The autoencoder, read once into the training's manager; its parameters never get gradients. */
	private void loadFrozen(final NDManager manager) {
		cae = new CompressiveAutoencoder(mean.width, mean.latentChannels);
		final int m = CompressiveAutoencoder.MULTIPLE;
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(
			meanWeights))))
		{
			cae.initialize(manager, DataType.FLOAT32, new Shape(1, 1, m, m));
			cae.loadParameters(manager, in);
		}
		catch (final IOException | MalformedModelException e) {
			throw Checks.bad("autoencoder", meanWeights + " (" + e.getMessage() + ")",
				"the weights of the autoencoder its descriptor describes");
		}
		frozen = new ParameterStore(manager, false);
	}

	/** The same clipping as the autoencoder's: both decoders share the IGDN layers' fragility. */
	@Override
	public double gradientNormLimit() {
		return 1;
	}

	@Override
	public String details() {
		return String.format(Locale.ROOT, " (decoder rms error %.4f, mean sigma %.4f)", rmse, std);
	}

	@Override
	public String summary() {
		return "variance decoder of " + o.autoencoder + " (width " + mean.width + ", frozen " +
			"autoencoder), " + decoder.parameterCount() + " parameters";
	}

	@Override
	public void writeDescriptor(final Path folder, final String sha256, final JsonObject training)
		throws IOException
	{
		final Path source = o.autoencoder.toAbsolutePath().normalize();
		if (!source.equals(folder.toAbsolutePath().normalize())) {
			Files.copy(meanWeights, folder.resolve(mean.weights), StandardCopyOption.REPLACE_EXISTING);
			final Path record = source.resolve("training.json");
			if (Files.isRegularFile(record)) Files.copy(record, folder.resolve("training.json"),
				StandardCopyOption.REPLACE_EXISTING);
		}
		new AutoencoderDescriptor(o.name, mean.width, mean.latentChannels, mean.weights, mean.sha256,
			mean.alpha, mean.training).withVariance(new AutoencoderDescriptor.Variance(WEIGHTS, sha256,
				training)).write(folder);
	}

	@Override
	public void describe(final JsonObject record) {
		record.addProperty("loss", "Gaussian negative log-likelihood mean((x - g_s(z))^2 / " +
			"(2 sigma^2) + log sigma), sigma = sigmoid(g_sigma(z)) + " + VarianceDecoder.STD_FLOOR +
			", z = g_a(x) + U(-1/2, 1/2), autoencoder frozen");
		record.addProperty("autoencoder", o.autoencoder.toString());
		record.addProperty("augmentation", "random clean patch, 8 flips/rotations by 90 degrees");
	}
}
