package org.priorj.fiji;

import org.priorj.physics.Problem;
import org.priorj.prior.Denoiser;
import org.priorj.prior.Prior;
import org.priorj.prior.PriorDevice;

/**
 * The Info every result of a learned solver carries, written here only: the method with every
 * parameter it used, the task and the preset with the user's overrides, the operator and the
 * noise model, the prior
 * and where it ran, the input, the runs the result is the mean of, and whether Esc stopped it.
 */
final class RunRecord {

	private RunRecord() {}

	static String of(final Problem problem, final Object preset, final SampleRuns runs,
		final Prior prior, final PriorDevice where, final long seed)
	{
		return "priorj.method=" + runs.first.describe() + "\n" + "priorj.task=" + problem.task() +
			"\n" + "priorj.preset=" + preset + "\n" + "priorj.operator=" + problem.operatorText() +
			"\n" + "priorj.noise=" + problem.noise() + "\n" + "priorj.prior=" + prior.name() +
			" (range [" + prior.low() + ", " + prior.high() + "]" + (prior instanceof Denoiser
				? ", sigma " + ((Denoiser) prior).minSigma() + "-" + ((Denoiser) prior).maxSigma()
				: ", autoencoder") + ")\n" + "priorj.device=" + where +
			"\n" + "priorj.input=" + problem.source() + "\n" + runs.describe(seed) + (runs.cancelled
				? "priorj.cancelled=true (the current estimate when Esc was pressed)\n" : "");
	}

	/** A standard-deviation image's Info: what it is the deviation of, then the run's record. */
	static String std(final String what, final String solver, final SampleRuns runs,
		final long seed, final String record)
	{
		return "priorj.output=per-pixel standard deviation " + (what.isEmpty() ? "" : what + " ") +
			"over " + runs.done + " " + solver + " runs (seeds " + seed + " to " + (seed + runs.done -
				1) + "), in the input's units\n" + record;
	}
}
