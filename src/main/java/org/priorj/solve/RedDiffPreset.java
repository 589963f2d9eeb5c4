package org.priorj.solve;

import java.util.Locale;

import org.priorj.image.Checks;
import org.priorj.physics.OperatorSpec;

/**
 * The RED-Diff settings PriorJ ships for one restoration task, tuned on training images (never on
 * the held-out images its benchmark reports). Values are for data mapped to {@code [-1, 1]}, as the
 * reference code's are. A start time of 0 means "where the prior's trained noise range begins"
 * ({@link org.priorj.prior.DiffusionSchedule#startCovering}).
 */
public final class RedDiffPreset {

	public final String task;
	public final double lambda, lr;
	public final int steps, startTime;
	public final RedDiff.Weighting weighting;
	/** Where mu starts: {@code pseudo_inverse} or a classical method ({@link RedDiffRestoration#start}). */
	public final String init;

	public RedDiffPreset(final String task, final double lambda, final double lr, final int steps,
		final int startTime, final RedDiff.Weighting weighting, final String init)
	{
		this.init = init;
		this.task = task;
		this.lambda = lambda;
		this.lr = lr;
		this.steps = steps;
		this.startTime = startTime;
		this.weighting = weighting;
	}

	private static final String INIT = RedDiffRestoration.PSEUDO_INVERSE;

	/** The tasks with a preset, in the order menus list them. */
	public static final String[] TASKS = { "inpainting", "super_resolution", "deblurring",
		"denoising" };

	public static RedDiffPreset of(final String task) {
		switch (task == null ? "" : task.toLowerCase(Locale.ROOT)) {
			case "inpainting":
				return new RedDiffPreset("inpainting", 0.1, 0.02, 100, 100, RedDiff.Weighting.LINEAR,
					"biharmonic_inpainting");
			case "super_resolution":
				return new RedDiffPreset("super_resolution", 0.25, 0.02, 100, 100,
					RedDiff.Weighting.LINEAR, "bicubic");
			case "deblurring":
				return new RedDiffPreset("deblurring", 0.05, 0.02, 100, 60, RedDiff.Weighting.LINEAR,
					"richardson_lucy");
			case "denoising":
				return new RedDiffPreset("denoising", 0.25, 0.02, 100, 0, RedDiff.Weighting.LINEAR, INIT);
			default:
				throw Checks.bad("task", "'" + task + "'", String.join(", ", TASKS));
		}
	}

	/** The task an operator restores: mask → inpainting, downsample → super-resolution, ... */
	public static String taskOf(final OperatorSpec spec) {
		switch (spec.kind()) {
			case "mask":
				return "inpainting";
			case "downsample":
				return "super_resolution";
			case "blur":
				return "deblurring";
			case "identity":
				return "denoising";
			default:
				throw Checks.bad("operator", "kind '" + spec.kind() + "'",
					"mask, downsample, blur or identity for RED-Diff (CT and MRI: DDS)");
		}
	}

	/** The operator kind of a task ({@code mask}, {@code downsample}, {@code blur}, {@code identity}). */
	public static String kindOf(final String task) {
		switch (of(task).task) {
			case "inpainting":
				return "mask";
			case "super_resolution":
				return "downsample";
			case "deblurring":
				return "blur";
			default:
				return "identity";
		}
	}

	/** A solver with these settings on {@code solver}'s schedule (start time left to the prior if 0). */
	public RedDiff applyTo(final RedDiff solver) {
		solver.withLambda(lambda).withLearningRate(lr).withSteps(steps).withWeighting(weighting);
		if (startTime > 0) solver.withStartTime(startTime);
		return solver;
	}

	@Override
	public String toString() {
		return task + ": lambda=" + lambda + " lr=" + lr + " steps=" + steps + " start_time=" +
			(startTime > 0 ? Integer.toString(startTime) : "prior") + " weighting=" + weighting.name()
				.toLowerCase(Locale.ROOT) + " init=" + init;
	}
}
