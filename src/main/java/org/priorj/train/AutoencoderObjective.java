package org.priorj.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.Trainer;

import com.google.gson.JsonObject;

import org.priorj.base.Checks;
import org.priorj.prior.AutoencoderDescriptor;
import org.priorj.prior.CompressiveAutoencoder;
import org.priorj.prior.PriorDescriptor;

/**
 * Training a {@link CompressiveAutoencoder} with the rate–distortion loss
 * {@code bpp + alpha 255^2 MSE} on clean patches in [0, 1] (CompressAI's convention, so alpha
 * matches its quality table), the latents relaxed by uniform noise.
 */
final class AutoencoderObjective implements TrainingObjective {

	private final TrainingOptions o;
	private final CompressiveAutoencoder cae;
	private final PatchSampler sampler;
	private double bpp, psnr;

	AutoencoderObjective(final TrainingOptions o, final TrainingSet data) {
		this.o = o;
		Checks.positive("alpha", o.alpha);
		cae = new CompressiveAutoencoder(o.caeWidth, o.latentChannels);
		Checks.require(o.patch % CompressiveAutoencoder.MULTIPLE == 0, "patch", "" + o.patch,
			"a multiple of " + CompressiveAutoencoder.MULTIPLE + " for an autoencoder");
		// the sampler's noise is not used: clean patches only
		sampler = new PatchSampler(data.images(), o.patch, o.scales, 1, 1);
	}

	@Override
	public AbstractBlock network() {
		return cae;
	}

	@Override
	public long parameterCount() {
		return cae.parameterCount();
	}

	@Override
	public Shape inputShape() {
		return new Shape(o.batch, 1, o.patch, o.patch);
	}

	@Override
	public int multiple() {
		return CompressiveAutoencoder.MULTIPLE;
	}

	@Override
	public Path initWeights(final Path init) throws IOException {
		final AutoencoderDescriptor start = AutoencoderDescriptor.read(init);
		Checks.require(start.width == o.caeWidth && start.latentChannels == o.latentChannels, "init",
			init.toString(), "an autoencoder of width " + o.caeWidth + " and " + o.latentChannels +
				" latent channels (it has " + start.width + " and " + start.latentChannels + ")");
		return PriorDescriptor.read(init).verifiedWeights();
	}

	@Override
	public NDArray loss(final Trainer trainer, final NDManager sub, final Random random) {
		final float[] batch = sampler.cleanBatch(random, o.batch);
		final NDArray x = sub.create(batch, inputShape());
		final NDList out = trainer.forward(new NDList(x));
		final NDArray rate = CompressiveAutoencoder.bits(out.get(1)).add(CompressiveAutoencoder.bits(
			out.get(2))).div((float) o.batch * o.patch * o.patch);
		final NDArray mse = out.get(0).sub(x).square().mean();
		bpp = rate.getFloat();
		psnr = -10 * Math.log10(Math.max(mse.getFloat(), 1e-12));
		return rate.add(mse.mul((float) (o.alpha * 255 * 255)));
	}

	/**
	 * CompressAI's training clips at 1: without it the divisive normalisations let one unlucky batch
	 * throw the weights far off (a run at lr 5e-4 went from 24 dB to a loss of 1e18 at step 1100).
	 */
	@Override
	public double gradientNormLimit() {
		return 1;
	}

	@Override
	public String details() {
		return String.format(Locale.ROOT, " (%.3f bpp, %.2f dB)", bpp, psnr);
	}

	@Override
	public String summary() {
		return "compressive autoencoder, width " + o.caeWidth + ", " + o.latentChannels +
			" latent channels, alpha " + o.alpha + ", " + cae.parameterCount() + " parameters";
	}

	@Override
	public void writeDescriptor(final Path folder, final String sha256, final JsonObject training)
		throws IOException
	{
		new AutoencoderDescriptor(o.name, o.caeWidth, o.latentChannels, PriorTrainer.WEIGHTS, sha256,
			o.alpha, training).write(folder);
	}

	@Override
	public void describe(final JsonObject record) {
		record.addProperty("loss", "bits per pixel (latent and hyper-latent, unit-bin likelihoods of " +
			"noise-relaxed values) + " + o.alpha + " * 255^2 * MSE");
		record.addProperty("augmentation", "random clean patch at a reduction factor drawn from " +
			Arrays.toString(o.scales) + " (block means), 8 flips/rotations by 90 degrees");
	}
}
