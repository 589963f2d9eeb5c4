package org.priorj.solve;

import java.util.Optional;
import java.util.OptionalInt;

import org.priorj.base.Checks;
import org.priorj.physics.Task;
import org.priorj.prior.DiffusionSchedule;

/**
 * The settings of a volume reconstruction ({@link VolumeReconstruction}) for one task and method:
 * PriorJ's preset ({@link TaskDefaults#volume}) or the preset with a user's overrides.
 * {@code lambda} (the TV_z weight) and {@code rho} (ADMM's penalty) are relative to ||A||^2, as
 * DDS's gamma is, so one value serves any number of views, detectors or slices. {@code steps} are
 * DDS's DDIM steps (one network call each) or DiffusionMBIR's predictor–corrector steps (two each);
 * {@code batch} is the number of slices a network call sees; {@code eta} and {@code startTime}
 * are DDS-3D's (an empty start time: where the prior's noise range begins). The chain starts from
 * {@code init}'s classical reconstruction, noised; an empty {@code init} is the scan's own start
 * ({@link TaskDefaults#volumeStart}: FBP, SART for limited-angle CT, zero filling for MRI). Immutable: each {@code with} returns a new,
 * checked preset.
 */
public record VolumePreset(Task task, VolumeMethod method, int steps, double lambda, double rho,
	int cgIterations, int batch, double eta, OptionalInt startTime, Optional<ClassicalMethod> init)
{

	/** The most steps a volume run may be asked for: DiffusionMBIR's reference runs 2000. */
	public static final int MAX_STEPS = 2000;
	/** The most slices one network call may see. */
	public static final int MAX_BATCH = 1024;

	public VolumePreset {
		Checks.require(method != null, "method", "none", "dds-3d or diffusion-mbir");
		final int most = method == VolumeMethod.DDS_3D ? DiffusionSchedule.DEFAULT_STEPS : MAX_STEPS;
		Checks.require(steps >= (method == VolumeMethod.DDS_3D ? 1 : 2) && steps <= most, "steps",
			"got " + steps, (method == VolumeMethod.DDS_3D ? "1" : "2") + " to " + most + " for " + method
				.label());
		Checks.require(lambda >= 0 && Double.isFinite(lambda), "lambda", "got " + lambda,
			"0 (no TV along z) or a positive number");
		Checks.require(rho > 0 && Double.isFinite(rho), "rho", "got " + rho, "a positive number");
		Checks.require(cgIterations >= 1 && cgIterations <= 1000, "cg_iterations", "got " +
			cgIterations, "1 to 1000");
		Checks.require(batch >= 1 && batch <= MAX_BATCH, "batch", "got " + batch, "1 to " +
			MAX_BATCH + " slices per network call");
		Checks.require(eta >= 0 && eta <= 1, "eta", "got " + eta, "0 (deterministic) to 1");
		startTime.ifPresent(t -> DiffusionSchedule.checkTime("start_time", t));
		Checks.require(init != null, "init", "none", "a classical method or empty");
	}

	public VolumePreset withMethod(final VolumeMethod m) {
		return new VolumePreset(task, m, steps, lambda, rho, cgIterations, batch, eta, startTime, init);
	}

	public VolumePreset withSteps(final int s) {
		return new VolumePreset(task, method, s, lambda, rho, cgIterations, batch, eta, startTime, init);
	}

	public VolumePreset withLambda(final double l) {
		return new VolumePreset(task, method, steps, l, rho, cgIterations, batch, eta, startTime, init);
	}

	public VolumePreset withRho(final double r) {
		return new VolumePreset(task, method, steps, lambda, r, cgIterations, batch, eta, startTime, init);
	}

	public VolumePreset withCgIterations(final int m) {
		return new VolumePreset(task, method, steps, lambda, rho, m, batch, eta, startTime, init);
	}

	public VolumePreset withBatch(final int b) {
		return new VolumePreset(task, method, steps, lambda, rho, cgIterations, b, eta, startTime, init);
	}

	public VolumePreset withEta(final double e) {
		return new VolumePreset(task, method, steps, lambda, rho, cgIterations, batch, e, startTime, init);
	}

	public VolumePreset withStartTime(final int t) {
		return new VolumePreset(task, method, steps, lambda, rho, cgIterations, batch, eta, OptionalInt
			.of(t), init);
	}

	/** Starts from {@code start}'s reconstruction, noised; empty: the scan's own start. */
	public VolumePreset withInit(final Optional<ClassicalMethod> start) {
		return new VolumePreset(task, method, steps, lambda, rho, cgIterations, batch, eta, startTime,
			start);
	}

	/** Network calls per slice: DDS's steps, or two per DiffusionMBIR step. */
	public int networkCallsPerSlice() {
		return method == VolumeMethod.DDS_3D ? steps : 2 * steps;
	}

	@Override
	public String toString() {
		return task + " " + method.label() + ": steps=" + steps + " lambda=" + lambda + " rho=" + rho +
			" cg_iterations=" + cgIterations + " batch=" + batch + (method == VolumeMethod.DDS_3D
				? " eta=" + eta + " start_time=" + (startTime.isPresent() ? Integer.toString(startTime
					.getAsInt()) : "prior") : "") + " init=" + init.map(ClassicalMethod::label).orElse(
						"auto");
	}
}
