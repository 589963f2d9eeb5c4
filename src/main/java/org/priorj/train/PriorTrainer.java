package org.priorj.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.priorj.base.Checks;
import org.priorj.base.Progress;
import org.priorj.prior.UnetDescriptor;

/**
 * Trains a prior, a {@link org.priorj.prior.NoiseConditionalUnet} denoiser or a
 * {@link org.priorj.prior.CompressiveAutoencoder} (the options' {@code kind}; each kind's network,
 * loss and descriptor are its {@link TrainingObjective}): Adam with a linear warm-up over the first
 * 2% of the run and a cosine decay to 1% of the peak rate. Every
 * {@code checkpointEvery} steps it writes {@code checkpoint/} in the output folder (weights and
 * the step, elapsed time and loss history); a resumed run continues from it (Adam's moments start
 * afresh, the data stream is re-seeded from the seed and step). At the end it writes the prior
 * folder: {@code weights.params}, {@code descriptor.json}, {@code training.json}.
 */
public final class PriorTrainer {

	public static final String WEIGHTS = "weights.params";
	public static final String CHECKPOINT = "checkpoint";

	private final TrainingOptions o;
	private final TrainingSet data;
	private final PrintStream log;

	private volatile float learningRate;

	public PriorTrainer(final TrainingOptions options, final TrainingSet data,
		final PrintStream log)
	{
		this.o = options;
		this.data = data;
		this.log = log;
		Checks.require(o.out != null, "out", "null", "an output folder");
		Checks.positive("steps", o.steps);
		Checks.positive("batch", o.batch);
		Checks.nonNegative("minutes", o.minutes);
		Checks.positive("lr", o.lr);
		Checks.positive("checkpoint_every", o.checkpointEvery);
		Checks.positive("log_every", o.logEvery);
	}

	/** Learning rate at a fraction p in [0, 1] of the run. */
	static double schedule(final double peak, final double p) {
		final double warm = 0.02;
		if (p < warm) return peak * (0.05 + 0.95 * p / warm);
		final double q = Math.min(1, (p - warm) / (1 - warm));
		return peak * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * q)));
	}

	/** Runs the training and writes the prior folder; returns the folder. */
	public Path run() throws IOException {
		return run(Progress.NONE);
	}

	/**
	 * Trains, reporting each step to {@code progress}; once it is cancelled the run stops after the
	 * step in progress and writes the prior as it is then (and a checkpoint to resume from).
	 */
	public Path run(final Progress progress) throws IOException {
		Checks.require(Arrays.stream(o.scales).allMatch(s -> s * o.patch <= data.images().stream()
			.mapToInt(i -> Math.max(i.height(), i.width())).max().orElse(0)), "scales", Arrays.toString(
				o.scales), "factors whose patch (" + o.patch + " × factor) fits the largest training image");
		final TrainingObjective objective = objective();
		final AbstractBlock net = objective.network();
		Files.createDirectories(o.out);
		final Path checkpoint = o.out.resolve(CHECKPOINT);
		org.priorj.prior.EngineClassLoader.call(() -> {
			Engine.getInstance().setRandomSeed((int) o.seed);
			return null;
		});
		int step = 0;
		double elapsedBefore = 0;
		final List<double[]> curve = new ArrayList<>();
		final Shape inputShape = objective.inputShape();
		try (Model model = Model.newInstance(o.name)) {
			model.setBlock(net);
			final NDManager manager = model.getNDManager();
			if (o.resume && Files.isRegularFile(checkpoint.resolve(WEIGHTS))) {
				net.initialize(manager, DataType.FLOAT32, inputShape);
				loadWeights(net, manager, checkpoint.resolve(WEIGHTS));
				final JsonObject state = com.google.gson.JsonParser.parseString(Files.readString(
					checkpoint.resolve("state.json"))).getAsJsonObject();
				step = state.get("step").getAsInt();
				elapsedBefore = state.get("elapsed_s").getAsDouble();
				for (final var e : state.getAsJsonArray("loss_curve"))
					curve.add(new double[] { e.getAsJsonArray().get(0).getAsDouble(), e.getAsJsonArray()
						.get(1).getAsDouble() });
				log.printf("resuming from step %d (%.0f s trained)%n", step, elapsedBefore);
			}
			else if (o.init != null) {
				final Path weights = objective.initWeights(o.init);
				net.initialize(manager, DataType.FLOAT32, inputShape);
				loadWeights(net, manager, weights);
				log.printf("starting from the weights of %s%n", o.init);
			}
			final Tracker tracker = n -> learningRate;
			final Optimizer adam = Optimizer.adam().optLearningRateTracker(tracker).build();
			final DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(
				adam);
			try (Trainer trainer = model.newTrainer(config)) {
				trainer.initialize(inputShape);
				for (final Pair<String, Parameter> p : net.getParameters())
					p.getValue().getArray().setRequiresGradient(true);
				log.printf("network: %s; %d training images (%s)%n", objective.summary(), data.images()
					.size(), data.description());
				final long start = System.nanoTime();
				final Random random = new Random(o.seed * 1_000_003L + step);
				double lossSum = 0;
				int lossCount = 0;
				long windowStart = System.nanoTime();
				int windowSteps = 0;
				while (true) {
					final double elapsed = elapsedBefore + (System.nanoTime() - start) / 1e9;
					final double p = Math.max((double) step / o.steps, o.minutes > 0 ? elapsed / (o.minutes *
						60) : 0);
					if (p >= 1 || progress.isCancelled()) break;
					learningRate = (float) schedule(o.lr, p);
					final float loss;
					try (NDManager sub = manager.newSubManager();
						GradientCollector gc = trainer.newGradientCollector())
					{
						final NDArray l = objective.loss(trainer, sub, random);
						gc.backward(l);
						loss = l.getFloat();
					}
					clipGradients(net, objective.gradientNormLimit());
					trainer.step();
					step++;
					progress.report("training", step, o.steps);
					lossSum += loss;
					lossCount++;
					windowSteps++;
					if (!Float.isFinite(loss)) throw new IllegalStateException("loss became " + loss +
						" at step " + step + "; try a smaller --lr");
					if (step % o.logEvery == 0 || step == o.steps) {
						final double now = elapsedBefore + (System.nanoTime() - start) / 1e9;
						final double rate = windowSteps / ((System.nanoTime() - windowStart) / 1e9);
						final double mean = lossSum / lossCount;
						curve.add(new double[] { step, mean });
						final double left = Math.min((o.steps - step) / rate, o.minutes > 0 ? o.minutes * 60 -
							now : Double.POSITIVE_INFINITY);
						log.printf("step %d/%d  loss %.5f%s  lr %.2e  %.2f steps/s  elapsed %s  ETA %s%n",
							step, o.steps, mean, objective.details(), learningRate, rate, clock(now), clock(Math
								.max(0, left)));
						lossSum = 0;
						lossCount = 0;
						windowStart = System.nanoTime();
						windowSteps = 0;
					}
					if (step % o.checkpointEvery == 0) writeCheckpoint(net, checkpoint, step, elapsedBefore +
						(System.nanoTime() - start) / 1e9, curve);
				}
				final double wall = elapsedBefore + (System.nanoTime() - start) / 1e9;
				writeCheckpoint(net, checkpoint, step, wall, curve);
				return writePrior(objective, step, wall, curve);
			}
		}
	}

	/**
	 * Scales every parameter's gradient so that their joint Euclidean norm is at most {@code limit}
	 * (0: no limit).
	 */
	static void clipGradients(final AbstractBlock net, final double limit) {
		if (limit <= 0) return;
		double sum = 0;
		final List<NDArray> grads = new ArrayList<>();
		for (final Pair<String, Parameter> p : net.getParameters()) {
			final NDArray g = p.getValue().getArray().getGradient();
			grads.add(g);
			// the temporaries belong to the model's manager: closed at once, or every step leaks them
			try (NDArray square = g.square(); NDArray total = square.sum()) {
				sum += total.getFloat();
			}
		}
		final double norm = Math.sqrt(sum);
		if (norm > limit) for (final NDArray g : grads) g.muli((float) (limit / norm));
	}

	/** The objective of the options' kind. */
	private TrainingObjective objective() {
		switch (o.kind) {
			case TrainingOptions.DENOISER:
				return new DenoiserObjective(o, data);
			case TrainingOptions.AUTOENCODER:
				return new AutoencoderObjective(o, data);
			case TrainingOptions.VARIANCE:
				return new VarianceObjective(o, data);
			default:
				throw Checks.bad("kind", "'" + o.kind + "'", TrainingOptions.KINDS);
		}
	}

	private static void loadWeights(final AbstractBlock net, final NDManager manager,
		final Path file) throws IOException
	{
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(
			file))))
		{
			net.loadParameters(manager, in);
		}
		catch (final MalformedModelException e) {
			throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	private static void saveWeights(final AbstractBlock net, final Path file)
		throws IOException
	{
		final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files
			.newOutputStream(tmp))))
		{
			net.saveParameters(out);
		}
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static JsonArray curveJson(final List<double[]> curve) {
		final JsonArray a = new JsonArray();
		for (final double[] c : curve) {
			final JsonArray e = new JsonArray();
			e.add((int) c[0]);
			e.add(c[1]);
			a.add(e);
		}
		return a;
	}

	private void writeCheckpoint(final AbstractBlock net, final Path folder, final int step,
		final double elapsed, final List<double[]> curve) throws IOException
	{
		Files.createDirectories(folder);
		saveWeights(net, folder.resolve(WEIGHTS));
		final JsonObject state = new JsonObject();
		state.addProperty("step", step);
		state.addProperty("elapsed_s", elapsed);
		state.add("loss_curve", curveJson(curve));
		Files.writeString(folder.resolve("state.json"), UnetDescriptor.gson().toJson(state),
			StandardCharsets.UTF_8);
	}

	private Path writePrior(final TrainingObjective objective, final int steps, final double wall,
		final List<double[]> curve) throws IOException
	{
		final Path weights = o.out.resolve(objective.weightsFile());
		saveWeights(objective.network(), weights);
		final JsonObject training = new JsonObject();
		training.addProperty("data", data.description());
		final JsonObject licences = new JsonObject();
		for (final Map.Entry<String, String> e : data.licences().entrySet())
			licences.addProperty(e.getKey(), e.getValue());
		training.add("licences", licences);
		training.addProperty("images", data.images().size());
		training.addProperty("seed", o.seed);
		training.addProperty("steps", steps);
		training.addProperty("batch", o.batch);
		training.addProperty("patch", o.patch);
		training.addProperty("wall_time_s", Math.round(wall));
		training.addProperty("final_loss", curve.isEmpty() ? Double.NaN : curve.get(curve.size() -
			1)[1]);
		objective.writeDescriptor(o.out, org.priorj.prior.PriorDescriptor.sha256(weights), training);
		final JsonObject record = new JsonObject();
		record.addProperty("command", o.command);
		record.addProperty("steps", steps);
		record.addProperty("planned_steps", o.steps);
		record.addProperty("minutes_budget", o.minutes);
		record.addProperty("lr", o.lr);
		record.addProperty("schedule", "linear warm-up over 2%, cosine decay to 1% of lr");
		record.addProperty("optimizer", "Adam (DJL defaults: beta1 0.9, beta2 0.999, eps 1e-8)");
		record.addProperty("kind", o.kind);
		objective.describe(record);
		if (o.init != null) record.addProperty("initialised_from", o.init.toString());
		record.addProperty("parameters", objective.parameterCount());
		record.addProperty("wall_time_s", wall);
		record.addProperty("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
		record.add("loss_curve", curveJson(curve));
		Files.writeString(o.out.resolve(objective.recordFile()), UnetDescriptor.gson().toJson(record),
			StandardCharsets.UTF_8);
		log.printf("wrote prior %s to %s (%d steps, %s)%n", o.name, o.out, steps, clock(wall));
		return o.out;
	}

	private static String clock(final double seconds) {
		final long s = Math.round(seconds);
		return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
	}
}
