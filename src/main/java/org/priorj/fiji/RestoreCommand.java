package org.priorj.fiji;

import java.util.Optional;
import java.util.Set;

import ij.ImagePlus;

import org.priorj.base.Checks;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.SideInputs;
import org.priorj.physics.Task;
import org.scijava.plugin.Parameter;

/**
 * What the restoration commands (RED-Diff, VBLE) share, declared once: the input, a measurement
 * made by Simulate or a plain degraded grey image or stack, and for a plain image the task and
 * its degradation (mask or boxes, PSF, factor).
 */
abstract class RestoreCommand extends PriorRunCommand {

	@Parameter(persist = false, label = "input", description = "A measurement made by Simulate " +
		"measurement (its Info names the operator), or a plain degraded grey image or stack")
	protected ImagePlus input;

	@Parameter(persist = false, label = "task", choices = { "auto", "inpainting", "super_resolution",
		"deblurring", "denoising" }, description = "auto: the task of the measurement's operator " +
			"(mask: inpainting, downsample: super_resolution, blur: deblurring, identity: denoising); " +
			"a plain image needs the task named")
	private String task = "auto";

	@Parameter(persist = false, required = false, label = "mask", description = "Inpainting of a " +
		"plain image: the mask image, nonzero = known pixel (one plane, or one per slice)")
	private ImagePlus mask;

	@Parameter(persist = false, label = "boxes", description = "Inpainting of a plain image without " +
		"a mask image: missing rectangles x,y,w,h;x,y,w,h in pixels")
	private String boxes = "";

	@Parameter(persist = false, label = "psf", description = "Deblurring of a plain image: " +
		"gaussian:SIGMA, box:SIZE, motion:LENGTH:ANGLE or file:PATH (reflecting boundary)")
	private String psf = "gaussian:2";

	@Parameter(persist = false, required = false, label = "psf_image", description = "Deblurring " +
		"of a plain image: a PSF image (replaces psf)")
	private ImagePlus psf_image;

	@Parameter(persist = false, label = "factor", min = "2", max = "4", description =
		"Super-resolution of a plain image: the output is factor times larger (2, 3 or 4; bicubic " +
			"downsampling model)")
	private int factor = 4;

	/** The problem the inputs pose, for one of the solver's {@code tasks}. */
	protected Problem problem(final Set<Task> tasks) {
		return isMeasurement(input) ? Problems.fromMeasurement(MeasurementFile.fromImagePlus(input),
			input.getTitle(), tasks, Overrides.isAuto(task) ? Optional.empty() : Optional.of(Task.parse(
				"task", task, tasks))) : Problems.fromImage(plainTask(tasks), Images.of("input", input),
					new SideInputs.Restoration(Images.optional("mask", mask), boxes, psf, Images.optional(
						"psf_image", psf_image), factor));
	}

	private Task plainTask(final Set<Task> tasks) {
		Checks.require(!Overrides.isAuto(task), "task", "'auto' but '" + input.getTitle() +
			"' is not a PriorJ measurement (its Info names no operator)", Task.labels(tasks) +
				" for a plain degraded image");
		return Task.parse("task", task, tasks);
	}
}
