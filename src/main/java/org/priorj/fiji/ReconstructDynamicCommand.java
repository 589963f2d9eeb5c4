package org.priorj.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.image.Pixels;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.physics.Task;
import org.priorj.physics.ct.AngleSchedule;
import org.priorj.physics.ct.DynamicProjector;
import org.priorj.physics.mri.SamplingMask;
import org.priorj.physics.mri.SamplingMasks;
import org.priorj.physics.mri.SingleCoilMri;
import org.priorj.solve.PsmStart;
import org.priorj.solve.RedPsm;
import org.priorj.solve.RedPsmPreset;
import org.priorj.solve.TaskDefaults;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Reconstruct dynamic (RED-PSM)…: a time series (a movie) reconstructed from very
 * few data per frame with RED-PSM: dynamic CT (one or a few parallel-beam views per frame, angles
 * from a schedule) or dynamic MRI (each frame its own k-space sampling). The input is a stack: a
 * dynamic sinogram (one slice of V rows per frame), k-space frames (real and imaginary slice per
 * frame), a dynamic CT measurement made by Simulate, or a movie to simulate an acquisition of. The
 * outputs are new images whose Info records every setting: the movie (for MRI its magnitude), the
 * K + 1 spatial maps as a stack and the temporal functions as a plot. Esc stops and returns the
 * current movie; the input is never modified.
 */
@Plugin(type = Command.class, label = "Reconstruct dynamic (RED-PSM)...", headless = true,
	priority = 5, description = "Reconstruct a time series from a few views (or k-space lines) per " +
		"frame with a partially separable model regularised by a denoiser prior.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "reconstruct-dynamic") })
public class ReconstructDynamicCommand extends PriorRunCommand implements Command {

	@Parameter(persist = false, label = "input", description = "A stack: a dynamic sinogram (one " +
		"slice of V rows per frame), k-space frames (2 slices per frame: real, imaginary), a dynamic " +
		"CT measurement made by Simulate measurement, or a movie to simulate an acquisition of")
	private ImagePlus input;

	@Parameter(persist = false, label = "task", choices = { "dynamic_ct", "mri" }, description =
		"dynamic_ct: parallel-beam views, each frame its own angles; mri: Cartesian k-space, each " +
			"frame its own sampling")
	private String task = "dynamic_ct";

	@Parameter(persist = false, label = "input_is", choices = { "auto", "measurement", "data",
		"movie" }, description = "auto: a measurement if its Info says so, else data (sinograms or " +
			"k-space); movie: simulate an acquisition of each frame")
	private String input_is = "auto";

	@Parameter(persist = false, label = "schedule", choices = { "bit-reversal", "golden", "linear",
		"random" }, description = "CT: the view angles of frame after frame over 180° (bit-reversal " +
			"as RED-PSM, golden angle, one linear sweep, or uniform random drawn with the seed)")
	private String schedule = "bit-reversal";

	@Parameter(persist = false, label = "views", min = "1", description = "CT: views per frame")
	private int views = 1;

	@Parameter(persist = false, label = "angles", description = "CT: all frames' angles in degrees, " +
		"frame after frame (frames x views of them), comma-separated; empty: the schedule")
	private String angles = "";

	@Parameter(persist = false, label = "mask", description = "MRI: sampling of each frame, " +
		"'uniform1d acceleration=R' (random lines, a new draw per frame, the centre always sampled)")
	private String mask = "uniform1d acceleration=4";

	@Parameter(persist = false, required = false, label = "mask_image", description = "MRI: one " +
		"sampling mask per frame as a stack (or one mask for every frame), of the k-space size")
	private ImagePlus mask_image;

	@Parameter(persist = false, label = "noise_level", min = "0", description = "Movie input: " +
		"Gaussian noise added to the simulated data, relative to their maximum")
	private double noise_level = 0.005;

	@Parameter(persist = false, label = "k", description = "Order of the model: K + 1 spatial " +
		"maps and temporal functions (K + 1 at most the frames); auto: 6 up to 128 frames, else 10")
	private String k = Overrides.AUTO;

	@Parameter(persist = false, label = "d", description = "Temporal nodes of the cubic spline " +
		"(at least 4); auto: 9 up to 128 frames, else 11")
	private String d = Overrides.AUTO;

	@Parameter(persist = false, label = "lambda", description = "Weight of the denoiser (RED), " +
		"relative to ||A||^2; 0: the model alone; auto: the preset")
	private String lambda = Overrides.AUTO;

	@Parameter(persist = false, label = "beta", description = "ADMM's penalty tying the model to " +
		"the denoised frames, relative to ||A||^2 (> 0); auto: the preset")
	private String beta = Overrides.AUTO;

	@Parameter(persist = false, label = "sigma", description = "The denoiser's noise level as a " +
		"fraction of the frames' value range, (0, 1]; auto: the preset")
	private String sigma = Overrides.AUTO;

	@Parameter(persist = false, label = "iterations", description = "Outer (RED-ADMM) iterations, " +
		"one denoiser call on all frames each; auto: the preset")
	private String iterations = Overrides.AUTO;

	@Parameter(persist = false, label = "start", choices = { "fit", "plain" }, description =
		"fit: start from the model fitted to the data with a smooth temporal basis; plain: zero maps")
	private String start = "fit";

	@Parameter(persist = false, label = "prior", style = CommandParameters.PRIOR_STYLE,
		description = "Name of an installed denoiser prior for the frames (Plugins › PriorJ › " +
			"Priors › List priors)")
	private String prior = "ct";

	@Parameter(type = ItemIO.OUTPUT, label = "reconstruction")
	private ImagePlus reconstruction;

	@Parameter(type = ItemIO.OUTPUT, label = "spatial_maps")
	private ImagePlus spatial_maps;

	@Parameter(type = ItemIO.OUTPUT, label = "temporal_functions")
	private ImagePlus temporal_functions;

	@Override
	public void run() {
		final Task t = Task.parse("task", task, List.of(Task.DYNAMIC_CT, Task.MRI));
		if (input == null) throw Checks.bad("input", "none", "a stack of frames, sinograms or k-space");
		final Problem problem = problem(input, input_is, "data", "movie",
			in -> DdsCommand.measurement(in, t),
			data -> t == Task.DYNAMIC_CT ? sinograms(data) : kspace(data), movie -> t == Task.DYNAMIC_CT
				? simulateCt(movie) : simulateMri(movie));
		RedPsm.check(problem);
		final Shape shape = problem.imageShape();
		final RedPsmPreset preset = preset(shape.dim(0));
		final RedPsm.Outcome[] last = new RedPsm.Outcome[1];
		final Run run = run(problem, prior, preset, (p, pr, ps, s, pg) -> {
			last[0] = RedPsm.reconstruct(p, pr, ps, pg);
			return last[0].result();
		});
		final String title = input.getShortTitle() + "-red-psm";
		final int frames = shape.dim(0), h = shape.dim(-2), w = shape.dim(-1);
		final boolean complex = problem.isComplex();
		reconstruction = Images.image(title, complex ? SingleCoilMri.magnitudes(run.runs.mean, frames)
			: run.runs.mean, Shape.of(frames, h, w), (complex ? "priorj.output=magnitude of the " +
				"complex frames\n" : "") + run.record);
		final RedPsm.Outcome o = last[0];
		final int planes = o.spatialMaps().length / (h * w);
		spatial_maps = Images.image(title + "-maps", o.spatialMaps(), Shape.of(planes, h, w),
			"priorj.output=the model's spatial maps Lambda_0 .. Lambda_K" + (complex ? " (real and " +
				"imaginary slice of each)" : "") + "\n" + run.record);
		temporal_functions = temporalPlot(title, o.temporalFunctions(), o.rank(), frames);
	}

	private RedPsmPreset preset(final int frames) {
		RedPsmPreset p = Overrides.integer(TaskDefaults.redPsm(frames), "k", k, RedPsmPreset::withOrder);
		p = Overrides.integer(p, "d", d, RedPsmPreset::withNodes);
		p = Overrides.number(p, "lambda", lambda, RedPsmPreset::withLambda);
		p = Overrides.number(p, "beta", beta, RedPsmPreset::withBeta);
		p = Overrides.number(p, "sigma", sigma, RedPsmPreset::withSigma);
		p = Overrides.integer(p, "iterations", iterations, RedPsmPreset::withIterations);
		return p.withStart(PsmStart.of(start));
	}

	/** The angles of T frames: the list given (T x V of them), else the schedule's. */
	private double[][] frameAngles(final int frames) {
		Checks.positive("views", views);
		if (angles.isBlank()) {
			switch (schedule) {
				case "bit-reversal":
					return AngleSchedule.bitReversal(frames, views);
				case "golden":
					return AngleSchedule.goldenAngle(frames, views);
				case "linear":
					return AngleSchedule.linear(frames, views);
				case "random":
					return AngleSchedule.random(frames, views, seed);
				default:
					throw Checks.bad("schedule", "'" + schedule + "'", "bit-reversal, golden, linear or random");
			}
		}
		final String[] parts = angles.split(",");
		Checks.require(parts.length == frames * views, "angles", parts.length + " angles", frames +
			" frames x " + views + " views = " + frames * views + " angles");
		final double[][] a = new double[frames][views];
		for (int i = 0; i < parts.length; i++) {
			try {
				a[i / views][i % views] = Double.parseDouble(parts[i].trim());
			}
			catch (final NumberFormatException e) {
				throw Checks.bad("angles", "'" + parts[i].trim() + "'", "numbers in degrees");
			}
		}
		return a;
	}

	private Problem sinograms(final Pixels data) {
		Checks.require(data.planes() >= 2, "input", "one sinogram", "a stack of one sinogram per " +
			"frame (at least 2 frames)");
		Checks.require(data.height() == views, "views", views + " views per frame", "the sinograms' " +
			"rows, " + data.height());
		final int n = data.width();
		final DynamicProjector a = new DynamicProjector(n, n, frameAngles(data.planes()), n);
		return Problems.of(Task.DYNAMIC_CT, a, data.values().clone(), "dynamic sinogram " + data.title());
	}

	private Problem simulateCt(final Pixels movie) {
		checkMovie(movie);
		final DynamicProjector a = new DynamicProjector(movie.height(), movie.width(), frameAngles(
			movie.planes()), Math.max(movie.height(), movie.width()));
		return simulated(Task.DYNAMIC_CT, a, movie.values(), movie.title());
	}

	private Problem simulateMri(final Pixels movie) {
		checkMovie(movie);
		final int frames = movie.planes(), plane = movie.height() * movie.width();
		final float[] x = new float[2 * frames * plane];
		for (int f = 0; f < frames; f++) System.arraycopy(SingleCoilMri.complexFromReal(java.util.Arrays
			.copyOfRange(movie.values(), f * plane, (f + 1) * plane)), 0, x, 2 * f * plane, 2 * plane);
		return simulated(Task.MRI, mriOperator(frames, movie.height(), movie.width()), x, movie.title());
	}

	private Problem kspace(final Pixels data) {
		Checks.require(data.planes() >= 4 && data.planes() % 2 == 0, "input", data.planes() + " slices",
			"k-space frames: 2 slices (real, imaginary) per frame, at least 2 frames");
		return Problems.of(Task.MRI, mriOperator(data.planes() / 2, data.height(), data.width()), data
			.values().clone(), "dynamic k-space " + data.title());
	}

	private LinearOperator mriOperator(final int frames, final int h, final int w) {
		final List<LinearOperator> ops = new ArrayList<>();
		final Pixels masks = Images.optional("mask_image", mask_image);
		if (masks != null) {
			Checks.require(masks.height() == h && masks.width() == w, "mask_image", masks.width() + "x" +
				masks.height(), "the k-space size " + w + "x" + h);
			Checks.require(masks.planes() == 1 || masks.planes() == frames, "mask_image", masks.planes() +
				" masks", "one mask, or one per frame (" + frames + ")");
		}
		final double r = acceleration();
		for (int f = 0; f < frames; f++) {
			final SamplingMask m = masks != null ? SamplingMask.fromImage(h, w, java.util.Arrays
				.copyOfRange(masks.values(), masks.planes() == 1 ? 0 : f * h * w, (masks.planes() == 1 ? 1
					: f + 1) * h * w)) : SamplingMasks.uniformLines(h, w, r, seed + f);
			ops.add(new SingleCoilMri(h, w, m));
		}
		return SliceWiseOperator.of(ops);
	}

	private double acceleration() {
		final String m = mask.trim();
		Checks.require(m.startsWith("uniform1d"), "mask", "'" + mask + "'",
			"uniform1d acceleration=R (or a mask_image)");
		final int i = m.indexOf("acceleration=");
		if (i < 0) return 4;
		try {
			return Double.parseDouble(m.substring(i + "acceleration=".length()).trim().split("\\s+")[0]);
		}
		catch (final NumberFormatException e) {
			throw Checks.bad("mask", "'" + mask + "'", "uniform1d acceleration=R with R a number");
		}
	}

	private Problem simulated(final Task t, final LinearOperator a, final float[] x,
		final String title)
	{
		Checks.nonNegative("noise_level", noise_level);
		final float[] clean = a.apply(x);
		final float[] y = noise_level > 0 ? GaussianNoise.relativeToMax(clean, noise_level).corrupt(
			clean, seed) : clean;
		return Problems.of(t, a, y, "movie " + title + " (simulated, noise " + noise_level + " x max)");
	}

	private static void checkMovie(final Pixels movie) {
		Checks.require(movie.planes() >= 2, "input", "a single 2-D image", "a time series: a stack " +
			"of at least 2 frames");
	}

	private ImagePlus temporalPlot(final String title, final float[] psi, final int rank,
		final int frames)
	{
		final Plot plot = new Plot(title + "-temporal", "frame", "psi_k(t)");
		final double[] x = new double[frames];
		for (int t = 0; t < frames; t++) x[t] = t;
		final StringBuilder values = new StringBuilder();
		for (int r = 0; r < rank; r++) {
			final double[] y = new double[frames];
			values.append("priorj.psi.").append(r).append('=');
			for (int t = 0; t < frames; t++) {
				y[t] = psi[r * frames + t];
				values.append(t > 0 ? "," : "").append(String.format(Locale.ROOT, "%.6g", y[t]));
			}
			values.append('\n');
			plot.setColor(java.awt.Color.getHSBColor((float) r / rank, 0.9f, 0.8f));
			plot.addPoints(x, y, Plot.LINE);
		}
		plot.setLimitsToFit(false);
		final ImagePlus imp = plot.getImagePlus();
		imp.setProperty("Info", "priorj.output=temporal functions psi_0 .. psi_K of the model\n" +
			values);
		return imp;
	}
}
