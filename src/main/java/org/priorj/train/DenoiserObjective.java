package org.priorj.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.Trainer;

import com.google.gson.JsonObject;

import org.priorj.base.Checks;
import org.priorj.prior.NoiseConditionalUnet;
import org.priorj.prior.PriorDescriptor;
import org.priorj.prior.UnetDescriptor;

/**
 * Training a {@link NoiseConditionalUnet} denoiser: noisy patches from a {@link PatchSampler}, MSE
 * on the preconditioned target (see {@link org.priorj.prior.UnetPreconditioning}).
 */
final class DenoiserObjective implements TrainingObjective {

	private final TrainingOptions o;
	private final NoiseConditionalUnet net;
	private final PatchSampler sampler;

	DenoiserObjective(final TrainingOptions o, final TrainingSet data) {
		this.o = o;
		net = new NoiseConditionalUnet(o.widths);
		Checks.require(o.patch % net.multiple() == 0, "patch", "" + o.patch, "a multiple of " + net
			.multiple());
		sampler = new PatchSampler(data.images(), o.patch, o.scales, o.sigmaMin, o.sigmaMax);
	}

	@Override
	public AbstractBlock network() {
		return net;
	}

	@Override
	public long parameterCount() {
		return net.parameterCount();
	}

	@Override
	public Shape inputShape() {
		return new Shape(o.batch, 2, o.patch, o.patch);
	}

	@Override
	public int multiple() {
		return net.multiple();
	}

	@Override
	public Path initWeights(final Path init) throws IOException {
		final UnetDescriptor start = UnetDescriptor.read(init);
		Checks.require(Arrays.equals(start.widths, o.widths), "init", init.toString(),
			"a prior with the widths being trained " + Arrays.toString(o.widths) + " (it has " + Arrays
				.toString(start.widths) + ")");
		return PriorDescriptor.read(init).verifiedWeights();
	}

	@Override
	public NDArray loss(final Trainer trainer, final NDManager sub, final Random random) {
		final PatchSampler.Batch b = sampler.next(random, o.batch);
		final NDArray input = sub.create(b.input(), inputShape());
		final NDArray target = sub.create(b.target(), new Shape(o.batch, 1, o.patch, o.patch));
		final NDArray out = trainer.forward(new ai.djl.ndarray.NDList(input)).singletonOrThrow();
		return out.sub(target).square().mean();
	}

	@Override
	public double gradientNormLimit() {
		return 0;
	}

	@Override
	public String details() {
		return "";
	}

	@Override
	public String summary() {
		return "denoiser, widths " + Arrays.toString(o.widths) + ", " + net.parameterCount() +
			" parameters";
	}

	@Override
	public void writeDescriptor(final Path folder, final String sha256, final JsonObject training)
		throws IOException
	{
		new UnetDescriptor(o.name, o.widths, PriorTrainer.WEIGHTS, sha256, o.sigmaMin, o.sigmaMax,
			training).write(folder);
	}

	@Override
	public void describe(final JsonObject record) {
		record.addProperty("loss", "MSE on the EDM-preconditioned target (x0-MSE weighted by 1/c_out^2)");
		record.addProperty("sigma_law", "log-uniform in [" + o.sigmaMin + ", " + o.sigmaMax + "]");
		record.addProperty("augmentation", "random patch at a reduction factor drawn from " + Arrays
			.toString(o.scales) + " (block means), 8 flips/rotations by 90 degrees");
	}
}
