package org.priorj.fiji;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ij.ImagePlus;
import ij.gui.Plot;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.physics.Problem;
import org.priorj.physics.Task;
import org.priorj.solve.ClassicalMethod;
import org.priorj.solve.RedDiff;
import org.priorj.solve.RedDiffPreset;
import org.priorj.solve.TaskDefaults;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Restore (RED-Diff)…: inpainting, super-resolution, deblurring or denoising with
 * RED-Diff and a diffusion prior. The input is a measurement made by Simulate (its Info names the
 * operator) or a plain degraded grey image or stack with the degradation given here. The data are
 * mapped to [-1, 1] (robust percentiles of the measured values, or an explicit min/max) and the
 * restored image is returned in the input's units, as a new image whose Info records the method and
 * all its parameters, the operator, the prior and the device. With {@code samples} K > 1 it runs K
 * seeds and returns their mean and a per-pixel standard deviation image. Esc stops and returns the
 * current estimate. The input is never modified.
 */
@Plugin(type = Command.class, label = "Restore (RED-Diff)...", headless = true, priority = 9,
	description = "Inpaint, super-resolve, deblur or denoise a measurement file or a plain degraded " +
		"image with RED-Diff and a diffusion prior.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "restore"),
		@Attr(name = CommandTable.METHOD, value = "red-diff") })
public class RestoreRedDiffCommand extends RestoreCommand implements Command {

	@Parameter(persist = false, label = "prior", style = CommandParameters.PRIOR_STYLE, description =
		"Name of an installed diffusion prior (Plugins › PriorJ › Priors › List priors)")
	private String prior = "natural-gray";

	@Parameter(persist = false, label = "steps", description = "RED-Diff steps (diffusion times " +
		"visited), 1 to 1000; auto: the task's preset")
	private String steps = Overrides.AUTO;

	@Parameter(persist = false, label = "lambda", description = "Weight of the prior against the " +
		"data, 0 or more (0 fits the data only); auto: the task's preset")
	private String lambda = Overrides.AUTO;

	@Parameter(persist = false, label = "learning_rate", description = "Adam's learning rate, for " +
		"data in [-1, 1], above 0; auto: the task's preset")
	private String learning_rate = Overrides.AUTO;

	@Parameter(persist = false, label = "init", description = "Start of the mean: auto (the " +
		"task's preset), pseudo_inverse (as the reference code) or a classical method such as " +
		"biharmonic_inpainting, bicubic, richardson_lucy, tv")
	private String init = Overrides.AUTO;

	@Parameter(persist = false, label = "show_loss", description = "Also plot the data term " +
		"1/2 mean((y - A x0)^2) per step")
	private boolean show_loss = false;

	@Parameter(type = ItemIO.OUTPUT, label = "restored")
	private ImagePlus restored;

	@Parameter(type = ItemIO.OUTPUT, label = "std")
	private ImagePlus std;

	@Parameter(type = ItemIO.OUTPUT, label = "loss")
	private ImagePlus loss;

	@Override
	public void run() {
		final Problem problem = problem(TaskDefaults.redDiffTasks());
		final Run run = run(problem, prior, preset(problem.task()), RedDiff::reconstruct);
		final Shape shape = problem.imageShape();
		restored = Images.image(input.getShortTitle() + "-red-diff", run.runs.mean, shape,
			run.record);
		if (samples > 1) {
			final java.util.OptionalDouble c = TaskDefaults.stdScale("red-diff", problem.task(), prior);
			final float[] sd = run.runs.sd.clone();
			for (int i = 0; i < sd.length; i++) sd[i] *= (float) c.orElse(1);
			std = Images.image(input.getShortTitle() + "-red-diff-std", sd, shape, RunRecord.std(c
				.isPresent() ? "(std_scale=" + c.getAsDouble() + ", calibrated on training images)" : "",
				"RED-Diff", run.runs, seed, run.record));
		}
		if (show_loss) loss = lossPlot(run.runs.histories, run.runs.first.historyLabel());
	}

	/** The task's preset with the user's overrides. */
	private RedDiffPreset preset(final Task t) {
		RedDiffPreset p = Overrides.integer(TaskDefaults.redDiff(t), "steps", steps,
			RedDiffPreset::withSteps);
		p = Overrides.number(p, "lambda", lambda, RedDiffPreset::withLambda);
		p = Overrides.number(p, "learning_rate", learning_rate, RedDiffPreset::withLearningRate);
		if (Overrides.isAuto(init)) return p;
		if (init.trim().equals(RedDiffPreset.PSEUDO_INVERSE)) return p.withInit(Optional.empty());
		try {
			return p.withInit(Optional.of(ClassicalMethod.parse("init", init.trim())));
		}
		catch (final IllegalArgumentException e) {
			throw Checks.bad("init", "'" + init + "'", "auto (the preset's), " + RedDiffPreset
				.PSEUDO_INVERSE + " or a classical method: " + ClassicalMethod.labels());
		}
	}

	private ImagePlus lossPlot(final List<double[]> histories, final String label) {
		final Plot plot = new Plot(input.getShortTitle() + "-red-diff-loss", "step", label);
		boolean positive = true;
		for (final double[] h : histories)
			for (final double v : h)
				positive &= v > 0;
		if (positive) plot.setAxisYLog(true);
		final StringBuilder values = new StringBuilder();
		for (int k = 0; k < histories.size(); k++) {
			final double[] h = histories.get(k);
			final double[] x = new double[h.length];
			for (int i = 0; i < h.length; i++) x[i] = i + 1;
			plot.setColor(k == 0 ? java.awt.Color.BLUE : java.awt.Color.GRAY);
			plot.addPoints(x, h, Plot.LINE);
			values.append("priorj.loss.seed").append(seed + k).append('=');
			for (int i = 0; i < h.length; i++) values.append(i > 0 ? "," : "").append(String.format(
				Locale.ROOT, "%.6g", h[i]));
			values.append('\n');
		}
		plot.setLimitsToFit(false);
		final ImagePlus imp = plot.getImagePlus();
		imp.setProperty("Info", "priorj.output=" + label + " per RED-Diff step\n" + values);
		return imp;
	}
}
