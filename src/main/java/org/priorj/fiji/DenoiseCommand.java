package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.base.Checks;
import org.priorj.image.NoiseLevel;
import org.priorj.image.ValueRange;
import org.priorj.prior.Denoiser;
import org.priorj.prior.ForwardingDenoiser;
import org.priorj.prior.PriorService;
import org.priorj.prior.TiledDenoising;
import org.priorj.base.Shape;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Priors › Denoise with prior…: the prior's denoiser D(x, sigma) applied to a
 * grey image or each slice of a stack, with the image's values mapped into the prior's range (robust
 * percentiles, or an explicit min/max) and the noise level mapped with them. A new image; the input
 * is not modified.
 */
@Plugin(type = Command.class, label = "Denoise with prior...", headless = true, priority = 3,
	description = "Denoise an image or stack with a prior's denoiser.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ>Priors"),
		@Attr(name = CommandTable.CLI, value = "denoise") })
public class DenoiseCommand implements Command {

	@Parameter
	private PriorService priors;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(persist = false, label = "input", description = "A grey image or stack")
	private ImagePlus input;

	@Parameter(persist = false, label = "prior", style = CommandParameters.PRIOR_STYLE, description = "Name of an installed prior " +
		"(Plugins › PriorJ › Priors › List)")
	private String prior = "natural-gray";

	@Parameter(persist = false, label = "noise_sigma", description = "Standard deviation of the " +
		"noise, in the image's own units (>= 0), or auto: estimated from the image (median " +
		"absolute deviation of its finest wavelet coefficients)")
	private String noise_sigma = Overrides.AUTO;

	@Parameter(persist = false, label = "range_min", description = "Image value mapped to the " +
		"prior's low end; auto: the 0.1 percentile")
	private String range_min = Overrides.AUTO;

	@Parameter(persist = false, label = "range_max", description = "Image value mapped to the " +
		"prior's high end; auto: the 99.9 percentile")
	private String range_max = Overrides.AUTO;

	@Parameter(persist = false, label = "n_tiles", min = "1", description = "Tiles per axis (more " +
		"tiles use less memory)")
	private int n_tiles = 1;

	@Parameter(persist = false, label = "overlap", min = "0", description = "Pixels of context " +
		"shared by neighbouring tiles")
	private int overlap = 16;

	@Parameter(persist = false, label = "batch_size", min = "1", description = "Tiles or slices " +
		"per network call")
	private int batch_size = 1;

	@Parameter(persist = false, label = "device", choices = { "auto", "cpu", "gpu" }, description =
		"Where the prior runs: auto (the GPU if PyTorch finds one), cpu or gpu")
	private String device = "auto";

	@Parameter(type = ItemIO.OUTPUT, label = "denoised")
	private ImagePlus denoised;

	@Override
	public void run() {
		final float[] x = Images.pixels("input", input);
		final Shape shape = Images.shape(input);
		final java.util.OptionalDouble asked = Overrides.number("noise_sigma", noise_sigma);
		if (asked.isPresent()) Checks.nonNegative("noise_sigma", asked.getAsDouble());
		final double sigma = asked.isPresent() ? asked.getAsDouble() : NoiseLevel.estimate(x, shape);
		denoised = PriorOnDevice.use(priors, device, prior, (d, where) -> {
			final ValueRange given = Overrides.range(range_min, range_max, d.low(), d.high());
			final ValueRange range = given != null ? given : ValueRange.fromPercentiles(x, d.low(), d
				.high());
			final float[] y = new TiledDenoising(n_tiles, overlap, batch_size).denoise(reporting(d,
				shape), x, shape, sigma, range);
			return Images.image(input.getShortTitle() + "-denoised", y, shape, "priorj.method=denoise" +
				" prior=" + prior + " noise_sigma=" + sigma + (asked.isPresent() ? "" : " (estimated)") +
				" (prior units: " + range.sigmaToPrior(sigma) + ") value_range=" + range + " n_tiles=" + n_tiles +
				" overlap=" + overlap + "\npriorj.device=" + where + "\n");
		});
	}

	/** The prior, reporting each network call to the status bar (the calls the tiles need). */
	private Denoiser reporting(final Denoiser d, final Shape shape) {
		final int slices = shape.rank() == 3 ? shape.dim(0) : 1;
		final int total = (int) Math.ceil(slices * (double) n_tiles * n_tiles / batch_size);
		final StatusProgress progress = new StatusProgress(status);
		return new ForwardingDenoiser(d) {

			private int done;

			@Override
			public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
				final float[] y = super.denoise(x, nchw, sigma);
				progress.report("Denoising", Math.min(++done, total), total);
				return y;
			}
		};
	}
}
