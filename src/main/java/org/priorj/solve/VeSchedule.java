package org.priorj.solve;

import org.priorj.base.Checks;

/**
 * The noise levels of a variance-exploding diffusion as score-SDE's SMLD sampler and DiffusionMBIR
 * discretise it: sigma(t) = sigma_min (sigma_max / sigma_min)^t, the levels
 * sigma_i = exp(linspace(log sigma_min, log sigma_max, N)), the step times
 * t_j = linspace(1, 1e-5, N), and step j works at level i = floor(t_j (N - 1)) with the level below
 * it (0 under the lowest). Immutable.
 */
public final class VeSchedule {

	/** The last step's time: the sampler stops short of t = 0. */
	static final double T_END = 1e-5;

	private final double sigmaMin, sigmaMax;
	private final double[] levels;

	public VeSchedule(final double sigmaMin, final double sigmaMax, final int steps) {
		Checks.require(sigmaMin > 0 && sigmaMax > sigmaMin && Double.isFinite(sigmaMax), "sigma_max",
			"sigma_min " + sigmaMin + ", sigma_max " + sigmaMax, "0 < sigma_min < sigma_max");
		Checks.require(steps >= 2 && steps <= 100_000, "steps", "got " + steps, "2 to 100000");
		this.sigmaMin = sigmaMin;
		this.sigmaMax = sigmaMax;
		levels = new double[steps];
		final double lo = Math.log(sigmaMin), hi = Math.log(sigmaMax);
		for (int i = 0; i < steps; i++) levels[i] = Math.exp(lo + (hi - lo) * i / (steps - 1));
	}

	/** DiffusionMBIR's schedule: sigma from 0.01 to 378 in 2000 steps. */
	public static VeSchedule diffusionMbir() {
		return new VeSchedule(0.01, 378, 2000);
	}

	public int steps() {
		return levels.length;
	}

	public double sigmaMin() {
		return sigmaMin;
	}

	public double sigmaMax() {
		return sigmaMax;
	}

	/** The time of step j (0 first, at t = 1). */
	public double time(final int j) {
		Checks.require(j >= 0 && j < levels.length, "step", "got " + j, "0 to " + (levels.length - 1));
		return 1 + (T_END - 1) * j / (levels.length - 1);
	}

	/** The level step j works at: floor(t_j (N - 1)). */
	public int level(final int j) {
		return (int) Math.floor(time(j) * (levels.length - 1));
	}

	/** The discrete level sigma_i. */
	public double sigma(final int i) {
		Checks.require(i >= 0 && i < levels.length, "level", "got " + i, "0 to " + (levels.length - 1));
		return levels[i];
	}

	/** The level below sigma_i, 0 under the lowest. */
	public double below(final int i) {
		return i == 0 ? 0 : sigma(i - 1);
	}

	/** The continuous sigma(t) the network is conditioned on. */
	public double sigmaAt(final double t) {
		return sigmaMin * Math.pow(sigmaMax / sigmaMin, t);
	}
}
