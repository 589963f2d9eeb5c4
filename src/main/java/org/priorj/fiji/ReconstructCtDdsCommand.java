package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.base.Shape;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.SideInputs;
import org.priorj.physics.Task;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Reconstruct CT (DDS)…: parallel-beam CT reconstruction with DDS and a
 * diffusion prior. The input is a measurement made by Simulate (its Info names the operator), a
 * plain sinogram (rows = projection angles, columns = detector bins; angles from the sinogram's
 * {@code priorj.angles=} Info line or given here), or an image to simulate a scan of (angles and
 * noise given here). The reconstruction is a new image whose Info records every setting; with
 * {@code samples} K > 1 it is the mean of K runs, with a standard-deviation image. Esc stops and
 * returns the current estimate. The input is never modified.
 */
@Plugin(type = Command.class, label = "Reconstruct CT (DDS)...", headless = true, priority = 8,
	description = "Reconstruct a CT measurement, a sinogram or a simulated scan of an image with " +
		"DDS and a diffusion prior.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "reconstruct-ct"),
		@Attr(name = CommandTable.METHOD, value = "dds"),
		@Attr(name = CommandTable.TASK, value = "ct") })
public class ReconstructCtDdsCommand extends DdsCommand implements Command {

	@Parameter(persist = false, label = "input", description = "A CT measurement made by Simulate " +
		"measurement, a sinogram (rows = angles, columns = detector bins) or an image to simulate " +
		"a scan of")
	private ImagePlus input;

	@Parameter(persist = false, label = "input_is", choices = { "auto", "measurement", "sinogram",
		"image" }, description = "auto: a measurement if its Info says so, else a sinogram")
	private String input_is = "auto";

	@Parameter(persist = false, label = "angles", description = "Projection angles in degrees, " +
		"START:STOP:COUNT (STOP excluded) or a list 0,6,12,...; empty: the sinogram's Info line " +
		"priorj.angles=..., else COUNT = the sinogram's rows over 0-180 (for an image: 0:180:30)")
	private String angles = "";

	@Parameter(persist = false, label = "detectors", min = "0", description = "Sinogram input: " +
		"the scanner's detector bins, which must be the sinogram's width; 0: the width")
	private int detectors = 0;

	@Parameter(persist = false, label = "size", min = "0", description = "Sinogram input: width " +
		"and height of the reconstructed image; 0: the number of detector bins, or bins/√2 when " +
		"the data show a square image padded to its diagonal (scikit-image's circle=False)")
	private int size = 0;

	@Parameter(persist = false, label = "noise_level", min = "0", description = "Image input: " +
		"Gaussian noise added to the simulated sinogram, relative to its maximum (0.005 = 0.5 %)")
	private double noise_level = 0.005;

	@Parameter(persist = false, label = "prior", style = CommandParameters.PRIOR_STYLE,
		description = "Name of an installed diffusion " +
		"prior (Plugins › PriorJ › Priors › List priors)")
	private String prior = "ct";

	@Parameter(type = ItemIO.OUTPUT, label = "reconstruction")
	private ImagePlus reconstruction;

	@Parameter(type = ItemIO.OUTPUT, label = "std")
	private ImagePlus std;

	@Override
	public void run() {
		final Problem problem = problem(input, input_is, "sinogram", "image", in -> measurement(in, Task.CT),
			sinogram -> Problems.fromImage(Task.CT, sinogram, sides(angles.isBlank() ? infoAngles(
				input) : angles)), image -> Problems.simulate(Task.CT, image, sides(angles), noise_level,
					seed));
		final Run run = reconstruct(problem, prior);
		final Shape shape = problem.imageShape();
		reconstruction = Images.image(input.getShortTitle() + "-dds", run.runs.mean, shape,
			run.record);
		if (samples > 1) std = Images.image(input.getShortTitle() + "-dds-std", run.runs.sd, shape,
			RunRecord.std("", "DDS", run.runs, seed, run.record));
	}

	private SideInputs.Sinogram sides(final String angleText) {
		return new SideInputs.Sinogram(angleText, detectors, size);
	}

	/** Angles from a {@code priorj.angles=} line of the image's Info, or null. */
	static String infoAngles(final ImagePlus imp) {
		final Object info = imp.getProperty("Info");
		if (info == null) return null;
		for (final String line : info.toString().split("\n"))
			if (line.trim().startsWith("priorj.angles=")) return line.trim().substring(
				"priorj.angles=".length()).trim();
		return null;
	}
}
