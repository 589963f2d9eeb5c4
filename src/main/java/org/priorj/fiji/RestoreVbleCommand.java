package org.priorj.fiji;

import java.util.List;
import java.util.Optional;

import ij.ImagePlus;
import ij.ImageStack;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.physics.Problem;
import org.priorj.physics.Task;
import org.priorj.prior.LatentPrior;
import org.priorj.solve.ClassicalMethod;
import org.priorj.solve.TaskDefaults;
import org.priorj.solve.Vble;
import org.priorj.solve.VblePreset;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Restore with uncertainty (VBLE)…: inpainting, super-resolution, deblurring
 * or denoising with VBLE and a compressive-autoencoder prior, on the same inputs as Restore
 * (RED-Diff). Returns the estimate (the mean of the posterior samples), the per-pixel standard
 * deviation of those samples and, if asked, the samples as a stack, in the input's units; their
 * Info records the method, its parameters, the operator, the prior and the device. Esc stops the
 * fit and samples the posterior as it is then. The input is never modified.
 */
@Plugin(type = Command.class, label = "Restore with uncertainty (VBLE)...", headless = true,
	priority = 8.5, description = "Restore a measurement file or a plain degraded image with VBLE " +
		"and a compressive-autoencoder prior: an estimate and a per-pixel standard-deviation map.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "vble"),
		@Attr(name = CommandTable.METHOD, value = "vble") })
public class RestoreVbleCommand extends RestoreCommand implements Command {

	@Parameter(persist = false, label = "prior", style = CommandParameters.PRIOR_STYLE, description =
		"Name of an installed compressive-autoencoder prior (Plugins › PriorJ › Priors › List priors)")
	private String prior = "cae-natural-gray";

	@Parameter(persist = false, label = "model", choices = { "auto", "vble-xz", "vble-z" },
		description = "vble-xz: posterior in the latents and in image space (the prior's variance " +
			"decoder); vble-z: in the latents only; auto: vble-xz when the prior has a variance decoder")
	private String model = "auto";

	@Parameter(persist = false, label = "rate_scale", description = "Bitrate modulation rho in " +
		"(0, 1]: the encoder sees rho times the image; smaller is a stronger prior; auto: the " +
		"task's preset")
	private String rate_scale = Overrides.AUTO;

	@Parameter(persist = false, label = "iterations", description = "Adam steps fitting the " +
		"posterior, 1 to 100000; auto: the task's preset")
	private String iterations = Overrides.AUTO;

	@Parameter(persist = false, label = "lambda", description = "Weight of the prior against the " +
		"data, above 0 (1: the Bayesian value); auto: the task's preset")
	private String lambda = Overrides.AUTO;

	@Parameter(persist = false, label = "learning_rate", description = "Adam's learning rate, " +
		"above 0; auto: the task's preset")
	private String learning_rate = Overrides.AUTO;

	@Parameter(persist = false, label = "posterior_samples", description = "Posterior draws " +
		"decoded for the estimate and the std map, 2 to 10000; auto: the task's preset")
	private String posterior_samples = Overrides.AUTO;

	@Parameter(persist = false, label = "noise_sigma", description = "Noise level of the data in " +
		"the input's units; auto: estimated from the data")
	private String noise_sigma = Overrides.AUTO;

	@Parameter(persist = false, label = "init", description = "Image the encoder starts from: " +
		"auto (the task's preset), adjoint (A^T y) or a classical method such as " +
		"biharmonic_inpainting, bicubic, richardson_lucy, tv")
	private String init = Overrides.AUTO;

	@Parameter(persist = false, label = "show_samples", description = "Also return the posterior " +
		"samples as a stack")
	private boolean show_samples = false;

	@Parameter(type = ItemIO.OUTPUT, label = "restored")
	private ImagePlus restored;

	@Parameter(type = ItemIO.OUTPUT, label = "std")
	private ImagePlus std;

	@Parameter(type = ItemIO.OUTPUT, label = "posterior")
	private ImagePlus posterior;

	@Override
	public void run() {
		Checks.require(samples == 1, "samples", "got " + samples, "1: VBLE's spread comes from " +
			"posterior_samples draws of one fit");
		final Problem problem = problem(TaskDefaults.vbleTasks());
		final VblePreset preset = preset(problem.task()).withKeptSamples(show_samples);
		final Run run = run(problem, prior, LatentPrior.class, preset, Vble::reconstruct);
		final Shape shape = problem.imageShape();
		final String name = input.getShortTitle() + "-vble";
		restored = Images.image(name, run.runs.mean, shape, run.record);
		std = Images.image(name + "-std", run.runs.first.std().orElseThrow(), shape,
			"priorj.output=per-pixel standard deviation of the " + preset.samples() +
				" posterior samples (" + run.runs.first.parameters().get("model") +
				"), in the input's units\n" + run.record);
		if (show_samples) posterior = samplesStack(name + "-samples", run.runs.first.samples(), shape,
			run.record);
	}

	/** The task's preset with the user's overrides. */
	private VblePreset preset(final Task t) {
		VblePreset p = Overrides.integer(TaskDefaults.vble(t), "iterations", iterations,
			VblePreset::withIterations);
		p = Overrides.number(p, "lambda", lambda, VblePreset::withLambda);
		p = Overrides.number(p, "learning_rate", learning_rate, VblePreset::withLearningRate);
		p = Overrides.integer(p, "posterior_samples", posterior_samples, VblePreset::withSamples);
		p = Overrides.number(p, "noise_sigma", noise_sigma, (q, s) -> q.withNoiseSigma(
			java.util.OptionalDouble.of(s)));
		p = Overrides.number(p, "rate_scale", rate_scale, VblePreset::withRateScale);
		p = p.withModel(VblePreset.Model.parse(model));
		if (Overrides.isAuto(init)) return p;
		if (init.trim().equals(VblePreset.ADJOINT)) return p.withInit(Optional.empty());
		try {
			return p.withInit(Optional.of(ClassicalMethod.parse("init", init.trim())));
		}
		catch (final IllegalArgumentException e) {
			throw Checks.bad("init", "'" + init + "'", "auto (the preset's), " + VblePreset.ADJOINT +
				" or a classical method: " + ClassicalMethod.labels());
		}
	}

	/** The samples as one stack: each sample's planes in turn. */
	private static ImagePlus samplesStack(final String title, final List<float[]> samples,
		final Shape shape, final String record)
	{
		final int h = shape.dim(-2), w = shape.dim(-1);
		final ImageStack stack = new ImageStack(w, h);
		for (final float[] s : samples)
			for (int p = 0; p < s.length / (h * w); p++)
				stack.addSlice(new ij.process.FloatProcessor(w, h, java.util.Arrays.copyOfRange(s, p * h *
					w, (p + 1) * h * w)));
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setProperty("Info", "priorj.output=VBLE posterior samples, in the input's units\n" +
			record);
		imp.resetDisplayRange();
		return imp;
	}
}
