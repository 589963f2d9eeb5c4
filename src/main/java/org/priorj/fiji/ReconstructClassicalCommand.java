package org.priorj.fiji;

import java.util.OptionalInt;

import ij.ImagePlus;

import org.priorj.base.Checks;
import org.priorj.physics.Task;
import org.priorj.physics.Measurement;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.mri.SingleCoilMri;
import org.priorj.solve.ClassicalMethods;
import org.priorj.solve.Result;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Reconstruct (classical)…: reconstructs a measurement made by Simulate (or any
 * image whose Info carries PriorJ's measurement lines) with a classical method. The result is a new
 * image whose Info records the method, its parameters, the iterations run and the measurement's
 * operator; Esc stops an iterative method and returns its current estimate.
 */
@Plugin(type = Command.class, label = "Reconstruct (classical)...", headless = true, priority = 10,
	description = "Reconstruct a measurement file with a classical method (its operator comes from " +
		"the file), or with --method red-diff, vble or dds and a learned prior.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "solve") })
public class ReconstructClassicalCommand implements Command {

	@Parameter(required = false)
	private StatusService status;

	@Parameter(persist = false, label = "measurement", description = "A measurement image made by Simulate " +
		"measurement (its Info names the operator), or a plain image with its operator")
	private ImagePlus measurement;

	@Parameter(persist = false, label = "operator", required = false, description = "A plain " +
		"image's operator, e.g. 'radon angles=0:180:60', 'blur psf=gaussian:2', 'downsample " +
		"factor=4', 'mri mask=uniform1d acceleration=4' (docs/physics.md); empty: from the " +
		"measurement's Info")
	private String operator = "";

	@Parameter(persist = false, label = "image_size", required = false, description = "With " +
		"operator: the unknown image's WxH; auto: the data's size (times the factor for " +
		"downsampling; for a sinogram the detector count, or bins/√2 for a square padded to " +
		"its diagonal)")
	private String image_size = "auto";

	@Parameter(persist = false, label = "method", choices = { "auto", "fbp", "cgls", "sart", "sirt",
		"tv", "tikhonov", "richardson_lucy", "bicubic", "harmonic_inpainting",
		"biharmonic_inpainting", "zero_filled", "adjoint" },
		description = "auto: for CT SART when the angles leave a gap of 2° or more (90 or fewer " +
			"views over 180°, or a limited range), else FBP; CGLS for dynamic CT, zero filling for " +
			"MRI, biharmonic inpainting for masks (continues slopes into the holes), bicubic for " +
			"super-resolution, Richardson-Lucy for blur, TV for denoising; sart: 5 sweeps of one " +
			"update per angle")
	private String method = "auto";

	@Parameter(persist = false, label = "iterations", description = "Iterations of iterative " +
		"methods: a whole number, or auto for the method's own (harmonic inpainting 500, " +
		"biharmonic 2000, both stopping once converged; sart 5 sweeps; 100 for the others)")
	private String iterations = "auto";

	@Parameter(persist = false, label = "lambda", description = "Regularisation weight (tv, " +
		"tikhonov), in the data's units: a number >= 0, or auto (tv: from the data's noise level " +
		"and the operator's norm; tikhonov: 0.01)")
	private String lambda = Overrides.AUTO;

	@Parameter(persist = false, label = "filter", choices = { "ramp", "shepp_logan", "hann" },
		description = "FBP filter")
	private String filter = "ramp";

	@Parameter(persist = false, label = "nonnegative", description = "Keep the estimate >= 0 (sart, sirt, tv)")
	private boolean nonnegative = false;

	@Parameter(type = ItemIO.OUTPUT, label = "reconstruction")
	private ImagePlus reconstruction;

	/** {@code auto} (or nothing): the method's own count; else a whole number >= 1. */
	static OptionalInt iterations(final String text) {
		final String t = text == null ? "" : text.trim();
		if (t.isEmpty() || t.equalsIgnoreCase("auto")) return OptionalInt.empty();
		try {
			final int n = Integer.parseInt(t);
			if (n >= 1) return OptionalInt.of(n);
		}
		catch (final NumberFormatException e) {
			// refused below
		}
		throw Checks.bad("iterations", "'" + text + "'", "auto or a whole number >= 1");
	}

	@Override
	public void run() {
		final Measurement m = operator == null || operator.isBlank() ? MeasurementFile.fromImagePlus(
			measurement) : MeasurementFile.withOperator(measurement, operator, image_size);
		final ClassicalMethods.Parameters p = new ClassicalMethods.Parameters();
		p.iterations = iterations(iterations);
		p.lambda = Overrides.number("lambda", lambda);
		p.filter = filter;
		p.nonnegative = nonnegative;
		final Result r = ClassicalMethods.reconstruct(method, m, p, new StatusProgress(status));
		final boolean complex = Task.ofKind(m.operatorSpec().kind()).isComplex();
		final float[] data = complex ? SingleCoilMri.magnitude(r.estimate()) : r.estimate();
		final String info = "priorj.method=" + r.describe() + "\n" + "priorj.operator=" + m
			.operatorSpec() + "\n" + "priorj.measurement=" + measurement.getTitle() + "\n" +
			(complex ? "priorj.output=magnitude of the complex estimate\n" : "");
		reconstruction = Images.image(measurement.getShortTitle() + "-" + r.method(), data,
			complex ? m.imageShape().dropFirst() : r.shape(), info);
	}
}
