package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.image.Checks;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.physics.Shape;
import org.priorj.solve.DdsPreset;
import org.scijava.ItemIO;
import org.scijava.command.Command;
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
@Plugin(type = Command.class, label = "Reconstruct CT (DDS)...", headless = true)
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
		"and height of the reconstructed image; 0: the number of detector bins")
	private int size = 0;

	@Parameter(persist = false, label = "noise_level", min = "0", description = "Image input: " +
		"Gaussian noise added to the simulated sinogram, relative to its maximum (0.005 = 0.5 %)")
	private double noise_level = 0.005;

	@Parameter(persist = false, label = "prior", description = "Name of an installed diffusion " +
		"prior (Plugins › PriorJ › Priors › List priors)")
	private String prior = "ct";

	@Parameter(type = ItemIO.OUTPUT, label = "reconstruction")
	private ImagePlus reconstruction;

	@Parameter(type = ItemIO.OUTPUT, label = "std")
	private ImagePlus std;

	@Override
	public void run() {
		final float[] pixels = Images.pixels("input", input);
		final DdsPreset preset = preset("ct");
		final Problem problem = problem(input, input_is, "radon", "sinogram", () -> fromSinogram(pixels),
			() -> simulated(pixels));
		final String[] info = new String[1];
		final SampleRuns runs = solve(problem, preset, prior, info);
		final Shape shape = problem.operator.domain();
		reconstruction = Images.image(input.getShortTitle() + "-dds", runs.mean, shape, info[0]);
		if (samples > 1) std = Images.image(input.getShortTitle() + "-dds-std", runs.sd, shape,
			stdInfo(runs, "", info[0]));
	}

	private Problem fromSinogram(final float[] pixels) {
		Checks.require(input.getStackSize() == 1, "input", "a stack of " + input.getStackSize() +
			" sinograms", "one sinogram (rows = angles, columns = detector bins)");
		final int rows = input.getHeight(), bins = input.getWidth();
		Checks.require(detectors == 0 || detectors == bins, "detectors", detectors + " for a sinogram " +
			bins + " bins wide", "the sinogram's width " + bins + " (or 0)");
		String text = angles.isBlank() ? infoAngles(input) : angles.trim();
		if (text == null) text = "0:180:" + rows;
		final double[] list = Operators.angles(text);
		Checks.require(list.length == rows, "angles", list.length + " angles ('" + text + "')",
			"one angle per sinogram row: " + rows);
		final int n = size > 0 ? size : bins;
		final OperatorSpec spec = OperatorSpec.of("radon", "angles", text, "detectors", Integer
			.toString(bins));
		final LinearOperator a = Operators.build(spec, Shape.of(n, n));
		return new Problem(a, pixels, spec.toString(), "sinogram " + input.getTitle());
	}

	private Problem simulated(final float[] pixels) {
		Checks.require(input.getStackSize() == 1, "input", "a stack of " + input.getStackSize() +
			" images", "one image to simulate a scan of");
		final String text = angles.isBlank() ? "0:180:30" : angles.trim();
		final OperatorSpec spec = OperatorSpec.of("radon", "angles", text);
		final LinearOperator a = Operators.build(spec, Images.shape(input));
		final float[] clean = a.apply(pixels);
		final float[] y = GaussianNoise.relativeToMax(clean, noise_level).corrupt(clean, seed);
		return new Problem(a, y, spec + " (simulated, noise " + noise_level + " x max)", "image " +
			input.getTitle());
	}

	/** Angles from a {@code priorj.angles=} line of the image's Info, or null. */
	private static String infoAngles(final ImagePlus imp) {
		final Object info = imp.getProperty("Info");
		if (info == null) return null;
		for (final String line : info.toString().split("\n"))
			if (line.trim().startsWith("priorj.angles=")) return line.trim().substring(
				"priorj.angles=".length()).trim();
		return null;
	}
}
