package org.priorj.fiji;

import org.priorj.image.Checks;
import org.priorj.image.ValueRange;
import org.priorj.prior.PriorService;
import org.scijava.app.StatusService;
import org.scijava.plugin.Parameter;

/**
 * The parameters every command that runs a learned prior shares, declared once: the seed, K runs
 * (mean and standard deviation), the device, and the values mapped onto the prior's [-1, 1].
 */
abstract class PriorRunCommand {

	@Parameter
	protected PriorService priors;

	@Parameter(required = false)
	protected StatusService status;

	@Parameter(persist = false, label = "seed", description = "Seed of the diffusion noise; run k " +
		"uses seed + k")
	protected int seed = 0;

	@Parameter(persist = false, label = "samples", min = "1", description = "Runs with seeds seed, " +
		"seed+1, ...: more than 1 returns their mean and a per-pixel standard deviation image")
	protected int samples = 1;

	@Parameter(persist = false, label = "device", choices = { "auto", "cpu", "gpu" }, description =
		"Where the prior runs: auto (the GPU if PyTorch finds one), cpu or gpu")
	protected String device = "auto";

	@Parameter(persist = false, label = "range_min", description = "Value mapped to -1; " +
		"range_min = range_max: the 0.1 and 99.9 percentiles of the measured values (RED-Diff) or " +
		"of the classical reconstruction (DDS)")
	protected double range_min = 0;

	@Parameter(persist = false, label = "range_max", description = "Value mapped to 1")
	protected double range_max = 0;

	/** Refuses samples below 1 and a range upside down. */
	protected void checkRunSettings() {
		Checks.require(samples >= 1, "samples", "got " + samples, "an integer >= 1");
		Checks.require(range_max >= range_min, "range_max", "got " + range_max + " below range_min " +
			range_min, "range_max >= range_min (equal: percentiles)");
	}

	/** The user's range onto [-1, 1], or null when range_min = range_max (percentiles). */
	protected ValueRange givenRange() {
		return range_max > range_min ? ValueRange.fromMinMax(range_min, range_max, -1, 1) : null;
	}
}
