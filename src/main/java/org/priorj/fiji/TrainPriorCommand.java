package org.priorj.fiji;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import ij.IJ;

import org.priorj.base.Checks;
import org.priorj.train.DenoiserTrainer;
import org.priorj.train.TrainingOptions;
import org.priorj.train.TrainingSet;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Priors › Train prior…: trains a noise-conditional UNet denoiser on a folder of
 * the user's images and/or random-ellipse phantoms and writes a complete prior folder (weights,
 * descriptor with SHA-256, training record). Progress lines go to the Log window and the status
 * bar; a run can be continued later with {@code resume}.
 */
@Plugin(type = Command.class, label = "Train prior...", headless = true)
public class TrainPriorCommand implements Command {

	@Parameter(required = false)
	private StatusService status;

	@Parameter(persist = false, label = "images", description = "Folder of grey images (empty: " +
		"phantoms only)")
	private String images = "";

	@Parameter(persist = false, label = "split", description = "Optional splits file: keep only " +
		"the images marked 'train'")
	private String split = "";

	@Parameter(persist = false, label = "phantoms", choices = { "none", "ellipses" },
		description = "Add random-ellipse phantoms (for CT priors)")
	private String phantoms = "none";

	@Parameter(persist = false, label = "out", description = "Prior folder to write, e.g. " +
		"~/.priorj/priors/my-prior")
	private String out = "";

	@Parameter(persist = false, label = "steps", min = "1", description = "Training steps")
	private int steps = 8000;

	@Parameter(persist = false, label = "minutes", min = "0", description = "Stop after this many " +
		"minutes (0: no limit); the learning-rate schedule follows whichever ends first")
	private double minutes = 0;

	@Parameter(persist = false, label = "patch", min = "16", description = "Patch size in pixels")
	private int patch = 48;

	@Parameter(persist = false, label = "batch", min = "1", description = "Patches per step")
	private int batch = 16;

	@Parameter(persist = false, label = "sigma_min", min = "0", description = "Smallest noise " +
		"level, in [0, 1] units")
	private double sigma_min = 0.01;

	@Parameter(persist = false, label = "sigma_max", min = "0", description = "Largest noise level")
	private double sigma_max = 0.3;

	@Parameter(persist = false, label = "seed", description = "Random seed")
	private int seed = 1;

	@Parameter(persist = false, label = "resume", description = "Continue from the folder's " +
		"last checkpoint")
	private boolean resume = false;

	@Parameter(type = ItemIO.OUTPUT, label = "trained")
	private String trained;

	@Override
	public void run() {
		Checks.require(!out.isBlank(), "out", "nothing", "a folder for the prior");
		final TrainingOptions o = new TrainingOptions();
		o.out = Path.of(out.replaceFirst("^~", System.getProperty("user.home")));
		o.name = o.out.getFileName().toString();
		o.steps = Checks.positive("steps", steps);
		o.minutes = Checks.nonNegative("minutes", minutes);
		o.patch = patch;
		o.batch = Checks.positive("batch", batch);
		o.sigmaMin = sigma_min;
		o.sigmaMax = sigma_max;
		o.seed = seed;
		o.resume = resume;
		o.command = "Train prior: images=" + images + " split=" + split + " phantoms=" + phantoms +
			" steps=" + steps + " minutes=" + minutes + " patch=" + patch + " batch=" + batch +
			" sigma_min=" + sigma_min + " sigma_max=" + sigma_max + " seed=" + seed;
		try {
			final TrainingSet data = new TrainingSet();
			if (!images.isBlank()) data.addFolder(Path.of(images), split.isBlank() ? null : Path.of(
				split), Set.of(), Set.of());
			if (phantoms.equals("ellipses")) data.addEllipses(512, 128, seed);
			else Checks.require(phantoms.equals("none"), "phantoms", "'" + phantoms + "'",
				"none or ellipses");
			Checks.require(!data.images().isEmpty(), "images", "no training image",
				"a folder of images and/or phantoms=ellipses");
			final Path folder = new DenoiserTrainer(o, data, new PrintStream(new LogStream(), true,
				StandardCharsets.UTF_8)).run();
			trained = "Trained prior written to " + folder;
		}
		catch (final java.io.IOException e) {
			throw new IllegalStateException("Training failed reading or writing files: " + e, e);
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
