package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.physics.MeasurementFile;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.solve.Dds;
import org.priorj.solve.DdsPreset;
import org.priorj.solve.TaskDefaults;
import org.scijava.plugin.Parameter;

/**
 * What Reconstruct CT (DDS)… and Reconstruct MRI (DDS)… share: DDS's settings, each {@code auto}
 * (the task's preset) unless given, and the run. A subclass turns its input into a
 * {@link Problem} and writes its outputs.
 */
abstract class DdsCommand extends PriorRunCommand {

	@Parameter(persist = false, label = "steps", description = "Network calls (DDIM steps), 1 to " +
		"1000; auto: the task's preset")
	protected String steps = Overrides.AUTO;

	@Parameter(persist = false, label = "eta", description = "Share of fresh noise in each step, " +
		"0 (deterministic) to 1; auto: the task's preset")
	protected String eta = Overrides.AUTO;

	@Parameter(persist = false, label = "cg_iterations", description = "Conjugate-gradient " +
		"iterations of data consistency per step, 0 to 1000; auto: the task's preset")
	protected String cg_iterations = Overrides.AUTO;

	@Parameter(persist = false, label = "gamma", description = "Weight of the data in the " +
		"regularised consistency (I + gamma A^T A / ||A||^2) for noisy data; 0: exact fit of the " +
		"data; auto: the task's preset")
	protected String gamma = Overrides.AUTO;

	/** A measurement image's own problem, which must be of {@code task}. */
	static Problem measurement(final ImagePlus input, final Task task) {
		return Problems.fromMeasurement(MeasurementFile.fromImagePlus(input), input.getTitle(),
			java.util.Set.of(task), java.util.Optional.empty());
	}

	/** DDS on the problem with the task's preset and the user's overrides. */
	protected Run reconstruct(final Problem problem, final String prior) {
		return run(problem, prior, preset(problem.task()), Dds::reconstruct);
	}

	private DdsPreset preset(final Task task) {
		DdsPreset p = Overrides.integer(TaskDefaults.dds(task), "steps", steps, DdsPreset::withSteps);
		p = Overrides.number(p, "eta", eta, DdsPreset::withEta);
		p = Overrides.integer(p, "cg_iterations", cg_iterations, DdsPreset::withCgIterations);
		return Overrides.number(p, "gamma", gamma, DdsPreset::withGamma);
	}
}
