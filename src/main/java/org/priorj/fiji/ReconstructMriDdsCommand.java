package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.image.Checks;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.physics.Shape;
import org.priorj.physics.mri.CoilMaps;
import org.priorj.physics.mri.MultiCoilMri;
import org.priorj.physics.mri.SamplingMask;
import org.priorj.physics.mri.SingleCoilMri;
import org.priorj.solve.DdsPreset;
import org.scijava.ItemIO;
import org.scijava.command.Command;
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
@Plugin(type = Command.class, label = "Reconstruct MRI (DDS)...", headless = true)
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

	@Parameter(persist = false, label = "prior", description = "Name of an installed diffusion " +
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
		final float[] pixels = Images.pixels("input", input);
		final DdsPreset preset = preset("mri");
		final Problem problem = problem(input, input_is, "mri", "kspace", () -> fromKspace(pixels),
			() -> simulated(pixels));
		final String[] info = new String[1];
		final SampleRuns runs = solve(problem, preset, prior, info);
		final Shape shape = problem.operator.domain();
		final String title = input.getShortTitle() + "-dds";
		magnitude = Images.image(title, SingleCoilMri.magnitude(runs.mean), shape.dropFirst(),
			"priorj.output=magnitude of the complex estimate\n" + info[0]);
		complex = twoChannels(Images.image(title + "-complex", runs.mean, shape,
			"priorj.output=complex estimate: channel 1 real, channel 2 imaginary\n" + info[0]));
		if (samples > 1) std = twoChannels(Images.image(title + "-std", runs.sd, shape, stdInfo(runs,
			"of the real (channel 1) and imaginary (channel 2) planes", info[0])));
	}

	/** The two planes as channels, as ImageJ shows complex data (a 2-slice stack reads the same). */
	private static ImagePlus twoChannels(final ImagePlus imp) {
		imp.setDimensions(2, 1, 1);
		imp.setOpenAsHyperStack(true);
		return imp;
	}

	private Problem fromKspace(final float[] pixels) {
		final int planes = input.getStackSize(), h = input.getHeight(), w = input.getWidth();
		Checks.require(planes % 2 == 0, "input", "k-space with " + planes + " slice" + (planes == 1
			? " (complex data passed as one channel)" : "s"),
			"complex k-space: 2 slices (real, imaginary), or 2C slices for C coils");
		final LinearOperator a = operator(h, w, planes / 2, false);
		Checks.require(a.range().size() == pixels.length, "input", "k-space of " + planes +
			" slices " + w + "x" + h, "the operator's data: " + a.range() + " (coils, real/imaginary, " +
				"height, width)");
		return new Problem(a, pixels, a.describe(), "k-space " + input.getTitle());
	}

	private Problem simulated(final float[] pixels) {
		final int planes = input.getStackSize(), h = input.getHeight(), w = input.getWidth();
		Checks.require(planes == 1 || planes == 2, "input", "an image of " + planes + " slices",
			"a real image (1 slice) or a complex one (2 slices: real, imaginary)");
		final float[] x = planes == 2 ? pixels : SingleCoilMri.complexFromReal(pixels);
		final LinearOperator a = operator(h, w, coil_maps != null ? -1 : coils, true);
		final float[] clean = a.apply(x);
		final float[] y = noise_level > 0 ? GaussianNoise.relativeToMax(clean, noise_level).corrupt(
			clean, seed) : clean;
		return new Problem(a, y, a.describe() + " (simulated, noise " + noise_level + " x max)",
			"image " + input.getTitle());
	}

	/**
	 * The operator for an (H, W) image: the mask image or generator, the coil-map stack or
	 * {@code coilCount} synthetic coils (-1: the stack decides; for k-space input the count must
	 * match the stack's).
	 */
	private LinearOperator operator(final int h, final int w, final int coilCount,
		final boolean simulate)
	{
		final SamplingMask m = samplingMask(h, w);
		Checks.require(m.sampledCount() > 0, "mask", "a mask with no sampled point",
			"a mask with at least one nonzero value");
		if (coil_maps != null) {
			final int cp = coil_maps.getStackSize();
			Checks.require(coil_maps.getWidth() == w && coil_maps.getHeight() == h && cp % 2 == 0,
				"coil_maps", cp + " slices of " + coil_maps.getWidth() + "x" + coil_maps.getHeight(),
				"2C slices (real, imaginary per coil) of the image's size " + w + "x" + h);
			Checks.require(simulate || cp / 2 == coilCount, "coil_maps", cp / 2 + " coils",
				"as many coils as the k-space has: " + coilCount);
			return new MultiCoilMri(h, w, m, CoilMaps.of(Shape.of(cp / 2, 2, h, w), Images.pixels(
				"coil_maps", coil_maps)));
		}
		if (coilCount == 1) return new SingleCoilMri(h, w, m);
		Checks.require(simulate, "coil_maps", "none for k-space of " + coilCount + " coils",
			"the coils' sensitivity maps (a stack of " + 2 * coilCount + " slices)");
		return new MultiCoilMri(h, w, m, CoilMaps.synthetic(coilCount, h, w));
	}

	private SamplingMask samplingMask(final int h, final int w) {
		if (mask_image != null) {
			Checks.require(mask_image.getWidth() == w && mask_image.getHeight() == h && mask_image
				.getStackSize() == 1, "mask_image", "one plane of " + mask_image.getWidth() + "x" +
					mask_image.getHeight() + " (" + mask_image.getStackSize() + " slices)",
				"one plane of the k-space size " + w + "x" + h);
			return SamplingMask.fromImage(h, w, Images.pixels("mask_image", mask_image));
		}
		final OperatorSpec spec = OperatorSpec.parse("mri seed=" + seed + " mask=" + mask.trim());
		Checks.require(!spec.params().containsKey("coils") && !spec.params().containsKey(
			"coil_maps"), "mask", "'" + mask + "'", "a mask generator only (coils and coil_maps are " +
				"parameters of their own)");
		return ((SingleCoilMri) Operators.build(spec, Shape.of(2, h, w))).mask();
	}
}
