package org.priorj.fiji;

import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;

import org.priorj.image.Checks;
import org.priorj.image.ValueRange;
import org.priorj.physics.LinearOperator;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.PriorDevice;
import org.priorj.solve.ClassicalMethods;
import org.priorj.solve.Progress;
import org.priorj.solve.RedDiff;
import org.priorj.solve.RedDiffPreset;
import org.priorj.solve.RedDiffRestoration;
import org.scijava.ItemIO;
import org.scijava.command.Command;
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
@Plugin(type = Command.class, label = "Restore (RED-Diff)...", headless = true)
public class RestoreRedDiffCommand extends PriorRunCommand implements Command {

	@Parameter(persist = false, label = "input", description = "A measurement made by Simulate " +
		"measurement (its Info names the operator), or a plain degraded grey image or stack")
	private ImagePlus input;

	@Parameter(persist = false, label = "task", choices = { "auto", "inpainting", "super_resolution",
		"deblurring", "denoising" }, description = "auto: the task of the measurement's operator " +
			"(mask: inpainting, downsample: super_resolution, blur: deblurring, identity: denoising); " +
			"a plain image needs the task named")
	private String task = "auto";

	@Parameter(persist = false, required = false, label = "mask", description = "Inpainting of a " +
		"plain image: the mask image, nonzero = known pixel (one plane, or one per slice)")
	private ImagePlus mask;

	@Parameter(persist = false, label = "boxes", description = "Inpainting of a plain image without " +
		"a mask image: missing rectangles x,y,w,h;x,y,w,h in pixels")
	private String boxes = "";

	@Parameter(persist = false, label = "psf", description = "Deblurring of a plain image: " +
		"gaussian:SIGMA, box:SIZE, motion:LENGTH:ANGLE or file:PATH (reflecting boundary)")
	private String psf = "gaussian:2";

	@Parameter(persist = false, required = false, label = "psf_image", description = "Deblurring " +
		"of a plain image: a PSF image (replaces psf)")
	private ImagePlus psf_image;

	@Parameter(persist = false, label = "factor", min = "2", max = "4", description =
		"Super-resolution of a plain image: the output is factor times larger (2, 3 or 4; bicubic " +
			"downsampling model)")
	private int factor = 4;

	@Parameter(persist = false, label = "prior", description = "Name of an installed diffusion " +
		"prior (Plugins › PriorJ › Priors › List priors)")
	private String prior = "natural-gray";

	@Parameter(persist = false, label = "steps", min = "0", description = "RED-Diff steps (diffusion " +
		"times visited); 0: the task's preset")
	private int steps = 0;

	@Parameter(persist = false, label = "lambda", description = "Weight of the prior against the " +
		"data; negative: the task's preset (0 fits the data only)")
	private double lambda = -1;

	@Parameter(persist = false, label = "learning_rate", description = "Adam's learning rate, for " +
		"data in [-1, 1]; 0 or negative: the task's preset")
	private double learning_rate = 0;

	@Parameter(persist = false, label = "init", description = "Start of the mean: preset (the " +
		"task's), pseudo_inverse (as the reference code) or a classical method such as " +
		"biharmonic_inpainting, bicubic, richardson_lucy, tv")
	private String init = "preset";

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
		final float[] pixels = Images.pixels("input", input);
		checkSettings();
		final RestorationProblem problem = RestorationProblem.isMeasurement(input) ? RestorationProblem
			.fromMeasurement(input, task) : RestorationProblem.fromImage(input, pixels, task, mask,
				boxes, psf, psf_image, factor);
		final RedDiffPreset preset = RedDiffPreset.of(problem.task);
		final ValueRange range = givenRange() != null ? givenRange() : ValueRange.fromPercentiles(
			problem.observedValues(), -1, 1);
		PriorOnDevice.use(priors, device, prior, (d, where) -> {
			solve(problem, preset, range, d, where);
			return null;
		});
	}

	private void checkSettings() {
		Checks.require(steps >= 0, "steps", "got " + steps, "0 (the task's preset) or 1 to " +
			DiffusionSchedule.DEFAULT_STEPS);
		checkRunSettings();
		Checks.require(!Double.isNaN(lambda) && !Double.isInfinite(lambda), "lambda", "got " + lambda,
			"a finite number (negative: the task's preset)");
		Checks.require(!Double.isNaN(learning_rate) && !Double.isInfinite(learning_rate),
			"learning_rate", "got " + learning_rate, "a finite number (0 or negative: the task's preset)");
		Checks.require(init != null && (init.equals("preset") || init.equals(
			RedDiffRestoration.PSEUDO_INVERSE) || !init.equals("auto") && java.util.Arrays.asList(
				ClassicalMethods.NAMES).contains(init)), "init", "'" + init + "'", "preset, " +
					RedDiffRestoration.PSEUDO_INVERSE + " or a classical method: " + String.join(", ",
						ClassicalMethods.NAMES).replace("auto, ", ""));
	}

	/** The solver with the task's preset and the user's overrides, for one seed. */
	private RedDiff solver(final RedDiffPreset preset, final long s) {
		final RedDiff r = preset.applyTo(new RedDiff(DiffusionSchedule.linear())).withSeed(s);
		if (steps > 0) r.withSteps(steps);
		if (lambda >= 0) r.withLambda(lambda);
		if (learning_rate > 0) r.withLearningRate(learning_rate);
		return r;
	}

	private void solve(final RestorationProblem problem, final RedDiffPreset preset,
		final ValueRange range, final Denoiser d, final PriorDevice where)
	{
		final LinearOperator a = problem.operator;
		final String startMethod = "preset".equals(init) ? preset.init : init;
		final float[] start = RedDiffRestoration.start(startMethod, a, problem.data, RedDiffPreset
			.kindOf(problem.task), Progress.NONE);
		final SampleRuns runs = SampleRuns.run(samples, seed, new StatusProgress(status), (s,
			progress) -> RedDiffRestoration.restore(a, problem.data, d, range, solver(preset, s), start,
				progress));
		final String info = info(problem, preset, runs, d, where) + "priorj.init=" + startMethod +
			"\n";
		restored = Images.image(input.getShortTitle() + "-red-diff", runs.mean, a.domain(), info);
		if (samples > 1) std = Images.image(input.getShortTitle() + "-red-diff-std", runs.sd, a
			.domain(), "priorj.output=per-pixel standard deviation over " + runs.done +
				" RED-Diff runs (seeds " + seed + " to " + (seed + runs.done - 1) +
				"), in the input's units\n" + info);
		if (show_loss) loss = lossPlot(runs.histories, runs.first.historyLabel());
	}

	private String info(final RestorationProblem problem, final RedDiffPreset preset,
		final SampleRuns runs, final Denoiser d, final PriorDevice where)
	{
		return "priorj.method=" + runs.first.describe() + "\n" + "priorj.task=" + problem.task +
			" (preset " + preset + ")\n" + "priorj.operator=" + problem.operatorText + "\n" +
			"priorj.prior=" + d.name() + " (range [" + d.low() + ", " + d.high() + "], sigma " + d
				.minSigma() + "-" + d.maxSigma() + ")\n" + "priorj.device=" + where + "\n" +
			"priorj.input=" + input.getTitle() + "\n" + runs.describe(seed) + (runs.cancelled ? "priorj.cancelled=true (the current estimate when Esc was pressed)\n" : "");
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
