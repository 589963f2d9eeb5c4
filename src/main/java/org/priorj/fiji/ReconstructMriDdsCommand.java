package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.base.Shape;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.SideInputs;
import org.priorj.physics.Task;
import org.priorj.physics.mri.SingleCoilMri;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Reconstruct MRI (DDS)…: undersampled single- or multi-coil MRI reconstruction
 * with DDS and a diffusion prior. The input is a measurement made by Simulate, k-space as a
 * two-slice image (real, imaginary; 2C slices for C coils) with a sampling mask (an image, or a
 * generator such as {@code uniform1d acceleration=4}) and optionally a coil-map stack, or an image
 * (real, or two slices real and imaginary) to simulate an acquisition of. Results: the magnitude
 * image and the complex estimate as two channels (real, imaginary), new images whose Info records
 * every setting; with {@code samples} K > 1 the mean of K runs and the standard deviation of each
 * plane. A grey prior sees the real and imaginary planes as two grey images.
 */
@Plugin(type = Command.class, label = "Reconstruct MRI (DDS)...", headless = true, priority = 7,
	description = "Reconstruct an MRI measurement, undersampled k-space or a simulated acquisition " +
		"with DDS and a diffusion prior.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "reconstruct-mri"),
		@Attr(name = CommandTable.METHOD, value = "dds"),
		@Attr(name = CommandTable.TASK, value = "mri") })
public class ReconstructMriDdsCommand extends DdsCommand implements Command {

	@Parameter(persist = false, label = "input", description = "An MRI measurement made by " +
		"Simulate measurement, k-space (2 slices: real, imaginary; 2C slices for C coils) or an " +
		"image to simulate an acquisition of")
	private ImagePlus input;

	@Parameter(persist = false, label = "input_is", choices = { "auto", "measurement", "kspace",
		"image" }, description = "auto: a measurement if its Info says so, else k-space")
	private String input_is = "auto";

	@Parameter(persist = false, label = "mask", description = "Sampling mask generator when no " +
		"mask image is given: uniform1d, gaussian1d, radial or random2d with its keys, e.g. " +
		"'uniform1d acceleration=4' or 'radial spokes=30' (see docs/physics.md)")
	private String mask = "uniform1d acceleration=4";

	@Parameter(persist = false, required = false, label = "mask_image", description = "A sampling " +
		"mask image of the k-space size, nonzero = sampled (replaces mask)")
	private ImagePlus mask_image;

	@Parameter(persist = false, required = false, label = "coil_maps", description = "Coil " +
		"sensitivities: a stack of 2C slices (real, imaginary plane of each coil in turn)")
	private ImagePlus coil_maps;

	@Parameter(persist = false, label = "coils", min = "1", description = "Image input without " +
		"coil maps: number of synthetic coils to simulate (1: single coil)")
	private int coils = 1;

	@Parameter(persist = false, label = "noise_level", min = "0", description = "Image input: " +
		"Gaussian noise added to the simulated k-space, relative to its largest value")
	private double noise_level = 0;

	@Parameter(persist = false, label = "prior", style = CommandParameters.PRIOR_STYLE,
		description = "Name of an installed diffusion " +
		"prior (Plugins › PriorJ › Priors › List priors); a grey prior denoises the real and " +
		"imaginary planes as two images")
	private String prior = "natural-gray";

	@Parameter(type = ItemIO.OUTPUT, label = "magnitude")
	private ImagePlus magnitude;

	@Parameter(type = ItemIO.OUTPUT, label = "complex")
	private ImagePlus complex;

	@Parameter(type = ItemIO.OUTPUT, label = "std")
	private ImagePlus std;

	@Override
	public void run() {
		final SideInputs.Kspace sides = new SideInputs.Kspace(mask, Images.optional("mask_image",
			mask_image), Images.optional("coil_maps", coil_maps), coils, seed);
		final Problem problem = problem(input, input_is, "kspace", "image", in -> measurement(in, Task.MRI),
			kspace -> Problems.fromImage(Task.MRI, kspace, sides), image -> Problems.simulate(Task.MRI,
				image, sides, noise_level, seed));
		final Run run = reconstruct(problem, prior);
		final Shape shape = problem.imageShape();
		final String title = input.getShortTitle() + "-dds";
		magnitude = Images.image(title, SingleCoilMri.magnitude(run.runs.mean), shape.dropFirst(),
			"priorj.output=magnitude of the complex estimate\n" + run.record);
		complex = twoChannels(Images.image(title + "-complex", run.runs.mean, shape,
			"priorj.output=complex estimate: channel 1 real, channel 2 imaginary\n" + run.record));
		if (samples > 1) std = twoChannels(Images.image(title + "-std", run.runs.sd, shape, RunRecord
			.std("of the real (channel 1) and imaginary (channel 2) planes", "DDS", run.runs, seed,
				run.record)));
	}

	/** The two planes as channels, as ImageJ shows complex data (a 2-slice stack reads the same). */
	private static ImagePlus twoChannels(final ImagePlus imp) {
		imp.setDimensions(2, 1, 1);
		imp.setOpenAsHyperStack(true);
		return imp;
	}
}
