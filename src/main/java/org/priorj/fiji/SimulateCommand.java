package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.base.Checks;
import org.priorj.physics.Measurement;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.NoiseKind;
import org.priorj.physics.NoiseModel;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.base.Shape;
import org.priorj.physics.Simulator;
import org.priorj.physics.Task;
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
		final float[] truth = Images.pixels("input", input);
		final NoiseKind kind = NoiseKind.parse("noise", noise);
		Checks.nonNegative("noise_level", noise_level);
		OperatorSpec spec = OperatorSpec.parse(operator);
		final Task task = Task.ofKind(spec.kind());
		// random masks follow the seed unless the operator names its own
		if ((task == Task.INPAINTING || task == Task.MRI) && !spec.params().containsKey("seed"))
			spec = spec.with("seed", Integer.toString(seed));
		final boolean mri = task.isComplex();
		Shape shape = Images.shape(input);
		float[] x = truth;
		if (mri && shape.rank() == 2) {
			// a real image is the real plane of a complex one
			x = new float[2 * truth.length];
			System.arraycopy(truth, 0, x, 0, truth.length);
			shape = shape.prepend(2);
		}
		final float[] clean = Operators.build(spec, shape).apply(x);
		final NoiseModel model = kind.model(noise_level, clean);
		final Measurement m = Simulator.simulate(x, shape, spec, model, seed);
		measurement = MeasurementFile.toImagePlus(m, input.getShortTitle() + "-measurement");
	}
}
