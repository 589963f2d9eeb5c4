package org.priorj.solve;

import java.util.Optional;
import java.util.OptionalInt;

import org.priorj.base.Checks;
import org.priorj.physics.Task;
import org.priorj.prior.DiffusionSchedule;

/**
 * DDS's settings for one task: PriorJ's preset ({@link TaskDefaults#dds}) or the preset with a
 * user's overrides, for data mapped to {@code [-1, 1]}. {@code gamma} is relative to ||A||^2 (the
 * solver gets gamma / ||A||^2), so one value serves any number of views or detectors; 0 selects the
 * noiseless normal equations. An empty start time means where the prior's trained noise range
 * begins; an empty {@code init} starts the chain from pure noise (only meaningful for a prior that
 * covers every noise level). Immutable: each {@code with} returns a new, checked preset.
 */
public record DdsPreset(Task task, int steps, double eta, int cgIterations, double gamma,
	OptionalInt startTime, Optional<ClassicalMethod> init)
{

	/** The label of the pure-noise start. */
	public static final String NOISE = "noise";

	public DdsPreset {
		DiffusionSchedule.checkTime("steps", steps);
		Checks.require(eta >= 0 && eta <= 1, "eta", "got " + eta, "0 (deterministic) to 1");
		Checks.require(cgIterations >= 0 && cgIterations <= 1000, "cg_iterations", "got " +
			cgIterations, "0 to 1000");
		Checks.require(gamma >= 0 && Double.isFinite(gamma), "gamma", "got " + gamma,
			"0 (exact fit of the data) or more");
		startTime.ifPresent(t -> DiffusionSchedule.checkTime("start_time", t));
	}

	public DdsPreset withSteps(final int s) {
		return new DdsPreset(task, s, eta, cgIterations, gamma, startTime, init);
	}

	public DdsPreset withEta(final double e) {
		return new DdsPreset(task, steps, e, cgIterations, gamma, startTime, init);
	}

	public DdsPreset withCgIterations(final int m) {
		return new DdsPreset(task, steps, eta, m, gamma, startTime, init);
	}

	public DdsPreset withGamma(final double g) {
		return new DdsPreset(task, steps, eta, cgIterations, g, startTime, init);
	}

	public DdsPreset withStartTime(final int t) {
		return new DdsPreset(task, steps, eta, cgIterations, gamma, OptionalInt.of(t), init);
	}

	/** Starts the chain from {@code method}'s reconstruction, noised; empty: from pure noise. */
	public DdsPreset withInit(final Optional<ClassicalMethod> method) {
		return new DdsPreset(task, steps, eta, cgIterations, gamma, startTime, method);
	}

	public String initLabel() {
		return init.map(ClassicalMethod::label).orElse(NOISE);
	}

	/** A solver with these settings (gamma and the start time are the caller's: they need A and the prior). */
	Dds solver() {
		return new Dds(DiffusionSchedule.linear()).withSteps(steps).withEta(eta).withCgIterations(
			cgIterations);
	}

	@Override
	public String toString() {
		return task + ": steps=" + steps + " eta=" + eta + " cg_iterations=" + cgIterations +
			" gamma=" + gamma + " start_time=" + (startTime.isPresent() ? Integer.toString(startTime
				.getAsInt()) : "prior") + " init=" + initLabel();
	}
}
