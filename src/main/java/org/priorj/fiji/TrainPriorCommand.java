package org.priorj.fiji;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import ij.IJ;

import org.priorj.base.Checks;
import org.priorj.train.PriorTrainer;
import org.priorj.train.TrainingOptions;
import org.priorj.train.TrainingSet;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Priors › Train prior…: trains a noise-conditional UNet denoiser on a folder of
 * the user's images and/or random-ellipse phantoms and writes a complete prior folder (weights,
 * descriptor with SHA-256, training record). Also {@code priorj train} on the command line, with
 * the same parameters. Progress lines go to the Log window, the status bar shows steps and time
 * left; Esc (Ctrl-C on the command line) stops after the current step and writes the prior as it
 * is then; a run can be continued later with {@code resume}.
 */
@Plugin(type = Command.class, label = "Train prior...", headless = true, priority = 1,
	description = "Train a prior (a denoiser, or a compressive autoencoder for VBLE) on a folder " +
		"of images and/or random-ellipse phantoms.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ>Priors"),
		@Attr(name = CommandTable.CLI, value = "train") })
public class TrainPriorCommand implements Command {

	/** The defaults of every training setting, declared once (in {@link TrainingOptions}). */
	private static final TrainingOptions DEFAULTS = new TrainingOptions();

	@Parameter(required = false)
	private StatusService status;

	@Parameter(persist = false, label = "kind", choices = { TrainingOptions.DENOISER,
		TrainingOptions.AUTOENCODER, TrainingOptions.VARIANCE }, description = "denoiser: a " +
			"noise-conditional UNet (RED-Diff, DDS, denoising); cae: a compressive autoencoder with " +
			"a hyperprior (VBLE); cae-variance: the variance decoder of a trained autoencoder " +
			"(VBLE-xz; give its folder as autoencoder)")
	private String kind = DEFAULTS.kind;

	@Parameter(persist = false, label = "images", description = "Folder of grey images ImageJ " +
		"opens (stacks give slices); empty: phantoms only")
	private String images = "";

	@Parameter(persist = false, label = "more_images", description = "A second folder whose " +
		"images all train (e.g. training-images/photos, made by " +
		"scripts/collect_training_photos.py); empty: none")
	private String more_images = "";

	@Parameter(persist = false, label = "split", description = "Optional splits file: keep only " +
		"the images marked 'train'")
	private String split = "";

	@Parameter(persist = false, label = "include", description = "Keep only these file names " +
		"(comma-separated); empty: all")
	private String include = "";

	@Parameter(persist = false, label = "exclude", description = "Drop these file names " +
		"(comma-separated)")
	private String exclude = "";

	@Parameter(persist = false, label = "phantoms", choices = { "none", "ellipses" },
		description = "Add random-ellipse phantoms (for CT priors)")
	private String phantoms = "none";

	@Parameter(persist = false, label = "phantom_count", min = "1", description = "How many " +
		"phantoms")
	private int phantom_count = 512;

	@Parameter(persist = false, label = "phantom_size", min = "16", description = "Phantom width " +
		"and height in pixels")
	private int phantom_size = 128;

	@Parameter(persist = false, label = "out", description = "Prior folder to write, e.g. " +
		"~/.priorj/priors/my-prior")
	private String out = "";

	@Parameter(persist = false, label = "name", description = "The prior's name; empty: the " +
		"folder's name")
	private String name = "";

	@Parameter(persist = false, label = "steps", min = "1", description = "Training steps")
	private int steps = DEFAULTS.steps;

	@Parameter(persist = false, label = "minutes", min = "0", description = "Stop after this many " +
		"minutes (0: no limit); the learning-rate schedule follows whichever ends first")
	private double minutes = DEFAULTS.minutes;

	@Parameter(persist = false, label = "patch", min = "16", description = "Patch size in pixels")
	private int patch = DEFAULTS.patch;

	@Parameter(persist = false, label = "batch", min = "1", description = "Patches per step")
	private int batch = DEFAULTS.batch;

	@Parameter(persist = false, label = "sigma_min", min = "0", description = "Smallest noise " +
		"level, in [0, 1] units (images are scaled to [0, 1] by their min and max)")
	private double sigma_min = DEFAULTS.sigmaMin;

	@Parameter(persist = false, label = "sigma_max", min = "0", description = "Largest noise level")
	private double sigma_max = DEFAULTS.sigmaMax;

	@Parameter(persist = false, label = "lr", description = "Peak learning rate (Adam, warm-up " +
		"then cosine decay)")
	private double lr = DEFAULTS.lr;

	@Parameter(persist = false, label = "seed", description = "Random seed")
	private int seed = (int) DEFAULTS.seed;

	@Parameter(persist = false, label = "widths", description = "Channels per UNet level, " +
		"comma-separated")
	private String widths = ints(DEFAULTS.widths);

	@Parameter(persist = false, label = "cae_width", min = "1", description = "Autoencoder: " +
		"channels of the hidden layers and of the hyper-latent")
	private int cae_width = DEFAULTS.caeWidth;

	@Parameter(persist = false, label = "latent_channels", min = "1", description = "Autoencoder: " +
		"channels of the latent")
	private int latent_channels = DEFAULTS.latentChannels;

	@Parameter(persist = false, label = "alpha", description = "Autoencoder: weight of the " +
		"distortion in the loss bpp + alpha 255² MSE (larger: higher rate, sharper)")
	private double alpha = DEFAULTS.alpha;

	@Parameter(persist = false, label = "autoencoder", description = "cae-variance: the trained " +
		"autoencoder's folder (kept frozen; the output folder gets its weights and the variance " +
		"decoder)")
	private String autoencoder = "";

	@Parameter(persist = false, label = "scales", description = "Draw each patch at one of these " +
		"reduction factors (block means), comma-separated, 1 to 8")
	private String scales = ints(DEFAULTS.scales);

	@Parameter(persist = false, label = "init", description = "Start from the weights of this " +
		"prior folder (fine-tuning, same widths); empty: random weights")
	private String init = "";

	@Parameter(persist = false, label = "threads", min = "0", description = "PyTorch's intra-op " +
		"threads; 0: PyTorch's choice. Takes effect only if no network ran before in this process")
	private int threads = 0;

	@Parameter(persist = false, label = "checkpoint_every", min = "1", description = "Steps " +
		"between checkpoints (resume continues from the last one)")
	private int checkpoint_every = DEFAULTS.checkpointEvery;

	@Parameter(persist = false, label = "log_every", min = "1", description = "Steps between " +
		"progress lines")
	private int log_every = DEFAULTS.logEvery;

	@Parameter(persist = false, label = "resume", description = "Continue from the folder's " +
		"last checkpoint")
	private boolean resume = false;

	@Parameter(type = ItemIO.OUTPUT, label = "trained")
	private String trained;

	@Override
	public void run() {
		Checks.require(!out.isBlank(), "out", "nothing", "a folder for the prior");
		Checks.require(threads >= 0, "threads", "got " + threads, "0 (PyTorch's choice) or more");
		if (threads > 0) {
			System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
			System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
		}
		final TrainingOptions o = new TrainingOptions();
		Checks.require(TrainingOptions.DENOISER.equals(kind) || TrainingOptions.AUTOENCODER.equals(
			kind) || TrainingOptions.VARIANCE.equals(kind), "kind", "'" + kind + "'",
			TrainingOptions.KINDS);
		o.kind = kind;
		Checks.require(!TrainingOptions.VARIANCE.equals(kind) || !autoencoder.isBlank(),
			"autoencoder", "nothing", "the folder of the trained autoencoder (kind cae-variance)");
		o.autoencoder = autoencoder.isBlank() ? null : path(autoencoder);
		o.caeWidth = Checks.positive("cae_width", cae_width);
		o.latentChannels = Checks.positive("latent_channels", latent_channels);
		Checks.require(alpha > 0 && Double.isFinite(alpha), "alpha", "got " + alpha, "a positive number");
		o.alpha = alpha;
		o.out = path(out);
		o.name = name.isBlank() ? o.out.getFileName().toString() : name.trim();
		o.steps = Checks.positive("steps", steps);
		o.minutes = Checks.nonNegative("minutes", minutes);
		o.patch = patch;
		o.batch = Checks.positive("batch", batch);
		o.sigmaMin = sigma_min;
		o.sigmaMax = sigma_max;
		o.lr = lr;
		o.seed = seed;
		o.widths = ints("widths", widths, "comma-separated channel counts, e.g. 32,64,128");
		o.scales = ints("scales", scales, "comma-separated reduction factors in 1..8, e.g. 1,2");
		o.init = init.isBlank() ? null : path(init);
		o.checkpointEvery = checkpoint_every;
		o.logEvery = log_every;
		o.resume = resume;
		o.command = "Train prior: kind=" + kind + (TrainingOptions.AUTOENCODER.equals(kind) ?
			" cae_width=" + cae_width + " latent_channels=" + latent_channels + " alpha=" + alpha : "") +
			(TrainingOptions.VARIANCE.equals(kind) ? " autoencoder=" + autoencoder : "") +
			" images=" + images + " split=" + split + " include=" + include +
			" exclude=" + exclude + " more_images=" + more_images + " phantoms=" + phantoms + " phantom_count=" + phantom_count +
			" phantom_size=" + phantom_size + " steps=" + steps + " minutes=" + minutes + " patch=" +
			patch + " batch=" + batch + " sigma_min=" + sigma_min + " sigma_max=" + sigma_max + " lr=" +
			lr + " seed=" + seed + " widths=" + widths + " scales=" + scales + " init=" + init +
			(resume ? " resume" : "");
		try {
			final TrainingSet data = new TrainingSet();
			if (!images.isBlank()) data.addFolder(path(images), split.isBlank() ? null : path(split),
				names(include), names(exclude));
			if (!more_images.isBlank()) data.addFolder("more_images", path(more_images), null, java.util.Set.of(),
				java.util.Set.of());
			if (phantoms.equals("ellipses")) data.addEllipses(phantom_count, phantom_size, seed);
			else Checks.require(phantoms.equals("none"), "phantoms", "'" + phantoms + "'",
				"none or ellipses");
			Checks.require(!data.images().isEmpty(), "images", "no training image",
				"a folder of images and/or phantoms=ellipses");
			final Path folder = new PriorTrainer(o, data, new PrintStream(new LogStream(), true,
				StandardCharsets.UTF_8)).run(new StatusProgress(status));
			trained = "Trained prior written to " + folder;
		}
		catch (final java.io.IOException e) {
			throw new IllegalStateException("Training failed reading or writing files: " + e, e);
		}
	}

	private static Path path(final String p) {
		return Path.of(p.trim().replaceFirst("^~", System.getProperty("user.home")));
	}

	private static Set<String> names(final String list) {
		final Set<String> s = new java.util.LinkedHashSet<>();
		for (final String n : list.split(","))
			if (!n.isBlank()) s.add(n.trim());
		return s;
	}

	private static String ints(final int[] v) {
		return Arrays.stream(v).mapToObj(Integer::toString).collect(java.util.stream.Collectors
			.joining(","));
	}

	private static int[] ints(final String parameter, final String text, final String allowed) {
		try {
			return Arrays.stream(text.split(",")).mapToInt(t -> Integer.parseInt(t.trim())).toArray();
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(parameter, "'" + text + "'", allowed);
		}
	}

	/** Each line of the trainer's progress to the Log window (or standard output) and status bar. */
	private final class LogStream extends OutputStream {

		private final StringBuilder line = new StringBuilder();

		@Override
		public void write(final int b) {
			if (b != '\n') {
				line.append((char) b);
				return;
			}
			final String s = line.toString();
			line.setLength(0);
			IJ.log(s);
			if (status != null) status.showStatus("PriorJ training: " + s);
		}

		@Override
		public void write(final byte[] b, final int off, final int len) {
			for (final byte x : Arrays.copyOfRange(b, off, off + len)) write(x);
		}
	}
}
