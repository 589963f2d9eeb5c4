package org.priorj.solve;

import java.util.Optional;
import java.util.OptionalDouble;

import org.priorj.base.Checks;
import org.priorj.physics.Task;

/**
 * VBLE's settings for one task: PriorJ's preset ({@link TaskDefaults#vble}) or the preset with a
 * user's overrides, for images in the autoencoder's value range. An empty {@code init} starts the
 * encoder from A^T y (the data itself for denoising); an empty {@code noiseSigma} estimates the
 * noise from the data; {@code model} AUTO is VBLE-xz with a prior that has a variance decoder and
 * VBLE-z otherwise. Immutable: each {@code with} returns a new, checked preset.
 */
public record VblePreset(Task task, double lambda, double learningRate, int iterations,
	int samples, Optional<ClassicalMethod> init, OptionalDouble noiseSigma, boolean keptSamples,
	Model model, double rateScale)
{

	/** Which posterior: in the latents only, or also in image space. */
	public enum Model {
		/** VBLE-xz where the prior has a variance decoder, VBLE-z otherwise. */
		AUTO("auto"),
		/** Latent and image-space posterior (needs the prior's variance decoder). */
		XZ("vble-xz"),
		/** The latent posterior only. */
		Z("vble-z");

		private final String label;

		Model(final String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** The model of a label, refused naming {@code model}. */
		public static Model parse(final String s) {
			for (final Model m : values()) if (m.label.equals(s.trim())) return m;
			throw Checks.bad("model", "'" + s + "'", "auto, vble-xz or vble-z");
		}
	}

	public VblePreset(final Task task, final double lambda, final double learningRate,
		final int iterations, final int samples, final Optional<ClassicalMethod> init,
		final OptionalDouble noiseSigma)
	{
		this(task, lambda, learningRate, iterations, samples, init, noiseSigma, false, Model.AUTO, 1);
	}

	/** The label of the A^T y start. */
	public static final String ADJOINT = "adjoint";

	public VblePreset {
		// the solver's own checks, so that a preset is refused where it is made
		new Vble().withLambda(lambda).withLearningRate(learningRate).withIterations(iterations)
			.withSamples(samples).withRateScale(rateScale);
		if (init == null || noiseSigma == null || model == null) throw Checks.bad("preset", "null", "values or empty");
		noiseSigma.ifPresent(s -> Checks.require(s >= 0 && Double.isFinite(s), "noise_sigma", "got " +
			s, "0 (noiseless) or a positive noise level in the image's units"));
	}

	public VblePreset withLambda(final double l) {
		return new VblePreset(task, l, learningRate, iterations, samples, init, noiseSigma, keptSamples, model, rateScale);
	}

	public VblePreset withLearningRate(final double l) {
		return new VblePreset(task, lambda, l, iterations, samples, init, noiseSigma, keptSamples, model, rateScale);
	}

	public VblePreset withIterations(final int n) {
		return new VblePreset(task, lambda, learningRate, n, samples, init, noiseSigma, keptSamples, model, rateScale);
	}

	public VblePreset withSamples(final int n) {
		return new VblePreset(task, lambda, learningRate, iterations, n, init, noiseSigma, keptSamples, model, rateScale);
	}

	public VblePreset withInit(final Optional<ClassicalMethod> method) {
		return new VblePreset(task, lambda, learningRate, iterations, samples, method, noiseSigma, keptSamples, model, rateScale);
	}

	/** The noise level of the data in the image's units; empty: estimated from the data. */
	public VblePreset withNoiseSigma(final OptionalDouble sigma) {
		return new VblePreset(task, lambda, learningRate, iterations, samples, init, sigma, keptSamples, model, rateScale);
	}

	/** Whether the decoded posterior samples come back with the result. */
	public VblePreset withKeptSamples(final boolean keep) {
		return new VblePreset(task, lambda, learningRate, iterations, samples, init, noiseSigma, keep, model, rateScale);
	}

	public VblePreset withModel(final Model m) {
		return new VblePreset(task, lambda, learningRate, iterations, samples, init, noiseSigma, keptSamples, m, rateScale);
	}

	/** The bitrate modulation rho in (0, 1] (1: none; smaller: a stronger prior). */
	public VblePreset withRateScale(final double rho) {
		return new VblePreset(task, lambda, learningRate, iterations, samples, init, noiseSigma, keptSamples, model, rho);
	}

	public String initLabel() {
		return init.map(ClassicalMethod::label).orElse(ADJOINT);
	}

	/** The solver of this preset for a prior that has ({@code xzPossible}) a variance decoder or not. */
	Vble solver(final boolean xzPossible) {
		return new Vble().withLambda(lambda).withLearningRate(learningRate).withIterations(iterations)
			.withSamples(samples).withKeptSamples(keptSamples).withRateScale(rateScale).withImageNoise(
				model == Model.XZ || model == Model.AUTO && xzPossible);
	}

	@Override
	public String toString() {
		return task + ": lambda=" + lambda + " lr=" + learningRate + " iterations=" + iterations +
			" samples=" + samples + " init=" + initLabel() + " noise_sigma=" + (noiseSigma.isPresent()
				? Double.toString(noiseSigma.getAsDouble()) : "auto") + " model=" + model.label() +
			" rate_scale=" + rateScale;
	}
}
