package org.priorj.solve;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.priorj.base.Checks;
import org.priorj.physics.Task;
import org.priorj.prior.DiffusionSchedule;

/**
 * RED-Diff's settings for one task: PriorJ's preset ({@link TaskDefaults#redDiff}) or the preset
 * with a user's overrides. Values are for data mapped to {@code [-1, 1]}, as the reference code's
 * are. An empty start time means where the prior's trained noise range begins
 * ({@link DiffusionSchedule#startCovering}); an empty {@code init} starts mu at the
 * pseudo-inverse A+ y, as the reference code does. Immutable: each {@code with} returns a new
 * preset, checked, and refuses a bad value by the command's parameter name.
 */
public record RedDiffPreset(Task task, double lambda, double learningRate, int steps,
	OptionalInt startTime, int endTime, RedDiff.Weighting weighting, Optional<ClassicalMethod> init)
{

	/** The label of the pseudo-inverse start. */
	public static final String PSEUDO_INVERSE = "pseudo_inverse";

	public RedDiffPreset {
		Checks.nonNegative("lambda", lambda);
		Checks.require(learningRate > 0 && Double.isFinite(learningRate), "learning_rate", "got " +
			learningRate, "a number > 0");
		DiffusionSchedule.checkTime("steps", steps);
		startTime.ifPresent(t -> DiffusionSchedule.checkTime("start_time", t));
		Checks.require(endTime >= 0 && endTime < DiffusionSchedule.DEFAULT_STEPS, "end_time", "got " +
			endTime, "0 to " + (DiffusionSchedule.DEFAULT_STEPS - 1));
		if (weighting == null) throw Checks.bad("weighting", "none", "linear, sqrt, square, log or const");
	}

	public RedDiffPreset withLambda(final double l) {
		return new RedDiffPreset(task, l, learningRate, steps, startTime, endTime, weighting, init);
	}

	public RedDiffPreset withLearningRate(final double l) {
		return new RedDiffPreset(task, lambda, l, steps, startTime, endTime, weighting, init);
	}

	public RedDiffPreset withSteps(final int s) {
		return new RedDiffPreset(task, lambda, learningRate, s, startTime, endTime, weighting, init);
	}

	public RedDiffPreset withStartTime(final int t) {
		return new RedDiffPreset(task, lambda, learningRate, steps, OptionalInt.of(t), endTime, weighting, init);
	}

	public RedDiffPreset withEndTime(final int t) {
		return new RedDiffPreset(task, lambda, learningRate, steps, startTime, t, weighting, init);
	}

	/** Starts mu at {@code method}'s reconstruction; empty: at the pseudo-inverse. */
	public RedDiffPreset withInit(final Optional<ClassicalMethod> method) {
		return new RedDiffPreset(task, lambda, learningRate, steps, startTime, endTime, weighting, method);
	}

	/** The start of denoising without a start time: the prior's own denoiser output. */
	public static final String PRIOR_DENOISER = "prior_denoiser";

	/**
	 * The start as users name it: a classical method, {@link #PRIOR_DENOISER} for denoising from the
	 * prior's noise-matched times, or {@link #PSEUDO_INVERSE}.
	 */
	public String initLabel() {
		if (init.isPresent()) return init.get().label();
		return task == Task.DENOISING && startTime.isEmpty() ? PRIOR_DENOISER : PSEUDO_INVERSE;
	}

	/** The solver with these settings on the linear schedule (the start time set where given). */
	RedDiff solver() {
		final RedDiff r = new RedDiff(DiffusionSchedule.linear()).withLambda(lambda).withLearningRate(
			learningRate).withSteps(steps).withWeighting(weighting).withEndTime(endTime);
		return startTime.isPresent() ? r.withStartTime(startTime.getAsInt()) : r;
	}

	@Override
	public String toString() {
		return task + ": lambda=" + lambda + " lr=" + learningRate + " steps=" + steps +
			" start_time=" + (startTime.isPresent() ? Integer.toString(startTime.getAsInt()) : "prior") +
			" end_time=" + endTime +
			" weighting=" + weighting.name().toLowerCase(Locale.ROOT) + " init=" + initLabel();
	}
}
