package org.priorj.fiji;

import java.util.function.Supplier;

import ij.ImagePlus;

import org.priorj.image.Checks;
import org.priorj.image.ValueRange;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Measurement;
import org.priorj.physics.MeasurementFile;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.PriorDevice;
import org.priorj.solve.DdsPreset;
import org.priorj.solve.DdsReconstruction;
import org.scijava.plugin.Parameter;

/**
 * What Reconstruct CT (DDS)… and Reconstruct MRI (DDS)… share: the solver's parameters (each
 * defaulting to the task's preset), the prior and device, K runs with their mean and standard
 * deviation, and the Info every result carries. A subclass turns its input into a {@link Problem}
 * and writes its outputs.
 */
abstract class DdsCommand extends PriorRunCommand {

	@Parameter(persist = false, label = "steps", min = "0", description = "Network calls (DDIM " +
		"steps); 0: the task's preset")
	protected int steps = 0;

	@Parameter(persist = false, label = "eta", description = "Share of fresh noise in each step, " +
		"0 (deterministic) to 1; negative: the task's preset")
	protected double eta = -1;

	@Parameter(persist = false, label = "cg_iterations", min = "-1", description = "Conjugate-" +
		"gradient iterations of data consistency per step; -1: the task's preset")
	protected int cg_iterations = -1;

	@Parameter(persist = false, label = "gamma", description = "Weight of the data in the " +
		"regularised consistency (I + gamma A^T A / ||A||^2) for noisy data; 0: exact fit of the " +
		"data; negative: the task's preset")
	protected double gamma = -1;

	/** An operator, its data and how it was obtained, for the Info of the results. */
	static final class Problem {

		final LinearOperator operator;
		final float[] data;
		final String operatorText, source;

		Problem(final LinearOperator operator, final float[] data, final String operatorText,
			final String source)
		{
			this.operator = operator;
			this.data = operator.range().check("input", data, "the operator's data shape");
			this.operatorText = operatorText;
			this.source = source;
		}

		/** A measurement image's own operator and data; its operator must be of {@code kind}. */
		static Problem of(final ImagePlus input, final String kind) {
			final Measurement m = MeasurementFile.fromImagePlus(input);
			Checks.require(m.operatorSpec().kind().equals(kind), "input", "a measurement of operator '" +
				m.operatorSpec() + "'", "a " + kind + " measurement");
			return new Problem(m.operator(), m.data(), m.operatorSpec().toString(), "measurement " +
				input.getTitle());
		}
	}

	/**
	 * The problem {@code input_is} names: {@code measurement} (of operator {@code kind}), the
	 * command's plain data ({@code plain}: sinogram, kspace) or {@code image} to simulate from;
	 * {@code auto} is a measurement if the input's Info says so, else the plain data.
	 */
	static Problem problem(final ImagePlus input, final String inputIs, final String kind,
		final String plain, final Supplier<Problem> fromPlain, final Supplier<Problem> fromImage)
	{
		final String is = "auto".equals(inputIs) ? (RestorationProblem.isMeasurement(input)
			? "measurement" : plain) : inputIs;
		if (is.equals("measurement")) return Problem.of(input, kind);
		if (is.equals(plain)) return fromPlain.get();
		if (is.equals("image")) return fromImage.get();
		throw Checks.bad("input_is", "'" + inputIs + "'", "auto, measurement, " + plain + " or image");
	}

	/** The task's preset with the user's overrides. */
	protected DdsPreset preset(final String task) {
		Checks.require(steps >= 0 && steps <= DiffusionSchedule.DEFAULT_STEPS, "steps", "got " + steps,
			"0 (the task's preset) or 1 to " + DiffusionSchedule.DEFAULT_STEPS);
		checkRunSettings();
		Checks.require(Double.isFinite(eta) && eta <= 1, "eta", "got " + eta,
			"0 to 1 (negative: the task's preset)");
		Checks.require(cg_iterations >= -1, "cg_iterations", "got " + cg_iterations,
			"0 or more (-1: the task's preset)");
		Checks.require(Double.isFinite(gamma), "gamma", "got " + gamma,
			"a finite number (negative: the task's preset)");
		return DdsPreset.of(task).with(steps, eta >= 0 ? eta : Double.NaN, cg_iterations, gamma >= 0
			? gamma : Double.NaN, -1, null);
	}

	/** Runs DDS on the problem with the named prior; the result in the input's units. */
	protected SampleRuns solve(final Problem problem, final DdsPreset preset, final String prior,
		final String[] description)
	{
		final ValueRange range = givenRange();
		return PriorOnDevice.use(priors, device, prior, (d, where) -> {
			final SampleRuns runs = SampleRuns.run(samples, seed, new StatusProgress(status), (s,
				progress) -> DdsReconstruction.reconstruct(problem.operator, problem.data, preset, d,
					range, s, progress));
			description[0] = info(problem, preset, runs, d, where);
			return runs;
		});
	}

	private String info(final Problem problem, final DdsPreset preset, final SampleRuns runs,
		final Denoiser d, final PriorDevice where)
	{
		return "priorj.method=" + runs.first.describe() + "\n" + "priorj.preset=" + preset + "\n" +
			"priorj.operator=" + problem.operatorText + "\n" + "priorj.prior=" + d.name() +
			" (range [" + d.low() + ", " + d.high() + "], sigma " + d.minSigma() + "-" + d.maxSigma() +
			")\n" + "priorj.device=" + where + "\n" + "priorj.input=" + problem.source + "\n" + runs
				.describe(seed) + (runs.cancelled
					? "priorj.cancelled=true (the current estimate when Esc was pressed)\n" : "");
	}

	/** A standard-deviation image's Info. */
	protected String stdInfo(final SampleRuns runs, final String what, final String info) {
		return "priorj.output=per-pixel standard deviation " + what + " over " + runs.done +
			" DDS runs (seeds " + seed + " to " + (seed + runs.done - 1) + "), in the input's units\n" +
			info;
	}
}
