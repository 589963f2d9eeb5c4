package org.priorj.solve;

import java.util.Locale;

import org.priorj.image.Checks;
import org.priorj.physics.OperatorSpec;

/**
 * The RED-Diff settings PriorJ ships for one restoration task, tuned on training images (never on
 * the held-out images its benchmark reports). Values are for data mapped to {@code [-1, 1]}, as the
 * reference code's are. A start time of 0 means "where the prior's trained noise range begins"
 * ({@link RedDiffRestoration#startTimeFor}).
 */
public final class RedDiffPreset {

	public final String task;
	public final double lambda, lr;
	public final int steps, startTime;
	public final RedDiff.Weighting weighting;

	public RedDiffPreset(final String task, final double lambda, final double lr, final int steps,
		final int startTime, final RedDiff.Weighting weighting)
	{
		this.task = task;
		this.lambda = lambda;
		this.lr = lr;
		this.steps = steps;
		this.startTime = startTime;
		this.weighting = weighting;
	}

	/** The tasks with a preset, in the order menus list them. */
	public static final String[] TASKS = { "inpainting", "super_resolution", "deblurring",
		"denoising" };

	public static RedDiffPreset of(final String task) {
		switch (task == null ? "" : task.toLowerCase(Locale.ROOT)) {
			case "inpainting":
				return new RedDiffPreset("inpainting", 0.25, 0.05, 100, 150, RedDiff.Weighting.LINEAR);
			case "super_resolution":
				return new RedDiffPreset("super_resolution", 0.25, 0.02, 100, 100,
					RedDiff.Weighting.LINEAR);
			case "deblurring":
				return new RedDiffPreset("deblurring", 0.1, 0.02, 100, 0, RedDiff.Weighting.LINEAR);
			case "denoising":
				return new RedDiffPreset("denoising", 0.25, 0.02, 100, 0, RedDiff.Weighting.LINEAR);
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
				.toLowerCase(Locale.ROOT);
	}
}
