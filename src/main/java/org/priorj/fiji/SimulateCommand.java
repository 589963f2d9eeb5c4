package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.physics.Measurement;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.NoiseKind;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Simulator;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Simulate measurement…: applies a forward operator and noise to a ground-truth
 * image and returns the measurement as a new image that carries its operator in its Info, so that
 * Reconstruct needs no repeated parameters. The input image is not modified.
 */
@Plugin(type = Command.class, label = "Simulate measurement...", headless = true, priority = 11,
	description = "Apply a forward operator and noise to a ground-truth image; the measurement file " +
		"carries its operator.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "simulate") })
public class SimulateCommand implements Command {

	@Parameter(persist = false, label = "input", description = "Ground truth: a 2-D image, a stack (slice by slice, " +
		"or frames for dynamic-ct), or a 2-channel complex image for mri")
	private ImagePlus input;

	@Parameter(persist = false, label = "operator", description = "Forward operator, e.g. 'radon angles=0:180:30', " +
		"'blur psf=gaussian:2', 'mask missing_fraction=0.5', 'downsample factor=4', " +
		"'mri mask=uniform1d acceleration=4' (see docs/physics.md)")
	private String operator = "radon angles=0:180:60";

	@Parameter(persist = false, label = "noise", choices = { "gaussian", "gaussian_relative", "poisson", "none" },
		description = "gaussian: sigma = noise_level; gaussian_relative: sigma = noise_level x max|Ax|; " +
			"poisson: CT photon counts, noise_level = photons per bin")
	private String noise = "gaussian";

	@Parameter(persist = false, label = "noise_level", description = "Noise sigma, relative sigma or photon count")
	private double noise_level = 0.01;

	@Parameter(persist = false, label = "seed", description = "Seed of the noise and of random masks")
	private int seed = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "measurement")
	private ImagePlus measurement;

	@Override
	public void run() {
		final Measurement m = Simulator.simulate(Images.of("input", input), OperatorSpec.parse(operator),
			NoiseKind.parse("noise", noise), noise_level, seed);
		measurement = MeasurementFile.toImagePlus(m, input.getShortTitle() + "-measurement");
	}
}
