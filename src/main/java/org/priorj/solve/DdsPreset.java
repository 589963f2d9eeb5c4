package org.priorj.solve;

import java.util.Locale;

import org.priorj.image.Checks;
import org.priorj.physics.OperatorSpec;

/**
 * The DDS settings PriorJ ships for one reconstruction task, tuned on training images (never on
 * the held-out images its benchmark reports), for data mapped to {@code [-1, 1]}. gamma is relative
 * to ||A||^2 (the solver gets gamma / ||A||^2), so one value serves any number of views or
 * detectors; 0 selects the noiseless normal equations. A start time of 0 means "where the prior's
 * trained noise range begins" ({@link org.priorj.prior.DiffusionSchedule#startCovering}).
 */
public final class DdsPreset {

	/** The tasks with a preset, in the order menus list them. */
	public static final String[] TASKS = { "ct", "mri" };

	public final String task;
	public final int steps, cgIterations, startTime;
	public final double eta, gamma;
	/** The image whose noised version starts the chain: a classical method, or {@code noise}. */
	public final String init;

	public DdsPreset(final String task, final int steps, final double eta, final int cgIterations,
		final double gamma, final int startTime, final String init)
	{
		this.task = task;
		this.steps = steps;
		this.eta = eta;
		this.cgIterations = cgIterations;
		this.gamma = gamma;
		this.startTime = startTime;
		this.init = init;
	}

	public static DdsPreset of(final String task) {
		switch (task == null ? "" : task.toLowerCase(Locale.ROOT)) {
			case "ct":
				return new DdsPreset("ct", 50, 1.0, 5, 1000, 100, "fbp");
			case "mri":
				return new DdsPreset("mri", 50, 1.0, 5, 1000, 100, "zero_filled");
			default:
				throw Checks.bad("task", "'" + task + "'", String.join(", ", TASKS));
		}
	}

	/** The task of an operator: radon → ct, mri → mri. */
	public static String taskOf(final OperatorSpec spec) {
		switch (spec.kind()) {
			case "radon":
				return "ct";
			case "mri":
				return "mri";
			default:
				throw Checks.bad("operator", "kind '" + spec.kind() + "'",
					"radon or mri for DDS (masks, blur, downsampling: RED-Diff)");
		}
	}

	/** A copy with other values where the arguments are set (steps/cg &lt; 0, eta/gamma NaN, init null: kept). */
	public DdsPreset with(final int steps, final double eta, final int cgIterations,
		final double gamma, final int startTime, final String init)
	{
		return new DdsPreset(task, steps > 0 ? steps : this.steps, Double.isNaN(eta) ? this.eta : eta,
			cgIterations >= 0 ? cgIterations : this.cgIterations, Double.isNaN(gamma) ? this.gamma
				: gamma, startTime >= 0 ? startTime : this.startTime, init != null ? init : this.init);
	}

	/** A solver with these settings (the caller scales gamma by 1 / ||A||^2 and sets the start). */
	Dds applyTo(final Dds solver) {
		return solver.withSteps(steps).withEta(eta).withCgIterations(cgIterations);
	}

	@Override
	public String toString() {
		return task + ": steps=" + steps + " eta=" + eta + " cg_iterations=" + cgIterations +
			" gamma=" + gamma + " start_time=" + (startTime > 0 ? Integer.toString(startTime)
				: "prior") + " init=" + init;
	}
}
