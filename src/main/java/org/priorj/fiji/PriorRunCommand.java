package org.priorj.fiji;

import java.util.function.Function;

import ij.ImagePlus;

import org.priorj.base.Checks;
import org.priorj.image.Pixels;
import org.priorj.image.ValueRange;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.Problem;
import org.priorj.prior.PriorService;
import org.priorj.solve.Reconstructor;
import org.priorj.prior.Denoiser;
import org.priorj.prior.Prior;
import org.scijava.app.StatusService;
import org.scijava.plugin.Parameter;

/**
 * What every command that runs a learned solver shares, declared once: the prior and the device,
 * the seed, K runs (mean and standard deviation), the map of the values onto the prior's
 * [-1, 1], and the run itself: K seeds of the solver on the problem, on the device asked for, with
 * the record every output carries ({@link RunRecord}). A subclass turns its parameters into a
 * {@link Problem} and its preset, and writes its outputs.
 */
abstract class PriorRunCommand {

	@Parameter
	protected PriorService priors;

	@Parameter(required = false)
	protected StatusService status;

	@Parameter(persist = false, label = "seed", description = "Seed of the diffusion noise; run k " +
		"uses seed + k")
	protected int seed = 0;

	@Parameter(persist = false, label = "samples", min = "1", max = "1000", description = "Runs " +
		"with seeds seed, seed+1, ... (1 to 1000): more than 1 returns their mean and a per-pixel " +
		"standard deviation image")
	protected int samples = 1;

	@Parameter(persist = false, label = "device", choices = { "auto", "cpu", "gpu" }, description =
		"Where the prior runs: auto (the GPU if PyTorch finds one), cpu or gpu")
	protected String device = "auto";

	@Parameter(persist = false, label = "range_min", description = "Value mapped to the low end " +
		"of the prior's range (-1 for a diffusion prior, 0 for an autoencoder); auto: the 0.1 " +
		"percentile of the measured values (restoration) or of the classical reconstruction (DDS)")
	protected String range_min = Overrides.AUTO;

	@Parameter(persist = false, label = "range_max", description = "Value mapped to the high end " +
		"of the prior's range (1); auto: the 99.9 percentile")
	protected String range_max = Overrides.AUTO;

	/** The most runs one command makes (each is a whole reconstruction). */
	static final int MAX_SAMPLES = 1000;

	/** A solver's run: the K runs and the record of the run for the outputs' Info. */
	static final class Run {

		final SampleRuns runs;
		final String record;

		Run(final SampleRuns runs, final String record) {
			this.runs = runs;
			this.record = record;
		}
	}

	/**
	 * The input as a measurement when {@code inputIs} says so, or when it is {@code auto} and the
	 * image's Info carries PriorJ's measurement lines; else {@code plainName} data or an image to
	 * simulate an acquisition of ({@code imageName}: "image", "volume" or "movie").
	 */
	static Problem problem(final ImagePlus input, final String inputIs, final String plainName,
		final String imageName, final Function<ImagePlus, Problem> measurement,
		final Function<Pixels, Problem> plain, final Function<Pixels, Problem> image)
	{
		final Pixels pixels = Images.of("input", input);
		final String is = "auto".equals(inputIs) ? (isMeasurement(input) ? "measurement" : plainName)
			: inputIs;
		if (is.equals("measurement")) return measurement.apply(input);
		if (is.equals(plainName)) return plain.apply(pixels);
		if (is.equals(imageName)) return image.apply(pixels);
		throw Checks.bad("input_is", "'" + inputIs + "'", "auto, measurement, " + plainName + " or " +
			imageName);
	}

	/** True when the image's Info carries PriorJ's measurement lines. */
	static boolean isMeasurement(final ImagePlus imp) {
		final Object info = imp.getProperty("Info");
		return info != null && info.toString().contains("priorj.format=" + MeasurementFile.FORMAT);
	}

	/** K runs of {@code solver} with {@code preset} on the problem, the prior on the device asked for. */
	protected <S> Run run(final Problem problem, final String prior, final S preset,
		final Reconstructor<Denoiser, S> solver)
	{
		return run(problem, prior, Denoiser.class, preset, solver);
	}

	/** As {@link #run(Problem, String, Object, Reconstructor)} with a prior of type {@code type}. */
	protected <P extends Prior, S> Run run(final Problem problem, final String prior,
		final Class<P> type, final S preset, final Reconstructor<P, S> solver)
	{
		Checks.require(samples >= 1 && samples <= MAX_SAMPLES, "samples", "got " + samples,
			"1 to " + MAX_SAMPLES + " runs");
		final ValueRange range = givenRange();
		final Problem p = range == null ? problem : problem.withRange(range);
		return PriorOnDevice.use(priors, device, prior, type, (d, where) -> {
			final SampleRuns runs = SampleRuns.run(samples, seed, new StatusProgress(status), (s,
				progress) -> solver.reconstruct(p, d, preset, s, progress));
			return new Run(runs, RunRecord.of(p, preset, runs, d, where, seed));
		});
	}

	/** The user's range onto [-1, 1], or null for auto (percentiles). */
	protected ValueRange givenRange() {
		return Overrides.range(range_min, range_max);
	}
}
