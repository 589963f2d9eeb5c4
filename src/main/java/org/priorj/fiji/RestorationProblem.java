package org.priorj.fiji;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;

import org.priorj.image.Checks;
import org.priorj.physics.Blur;
import org.priorj.physics.Boundary;
import org.priorj.physics.Kernel;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Measurement;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.physics.Shape;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.solve.RedDiffPreset;

/**
 * A restoration task as a linear inverse problem y = A x: the forward operator A, the data y and
 * the task's name, built either from a PriorJ measurement (its Info names the operator) or from a
 * plain degraded grey image or stack and a description of the degradation (a mask or boxes, a PSF,
 * a downsampling factor). A stack (Z, H, W) is restored slice by slice with the same degradation
 * (a mask may also be a stack with one mask per slice). Images are read by copy: nothing here
 * modifies them.
 */
final class RestorationProblem {

	/** The downsampling factors super-resolution accepts (as the downsampling operator does). */
	static final int MIN_FACTOR = 2, MAX_FACTOR = 4;

	final LinearOperator operator;
	final float[] data;
	final String task;
	/** The operator as users give it, for the output's Info. */
	final String operatorText;

	private RestorationProblem(final LinearOperator operator, final float[] data,
		final String task, final String operatorText)
	{
		this.operator = operator;
		this.data = data;
		this.task = task;
		this.operatorText = operatorText;
	}

	/** True when the image's Info carries PriorJ's measurement lines. */
	static boolean isMeasurement(final ImagePlus imp) {
		final Object info = imp.getProperty("Info");
		return info != null && info.toString().contains("priorj.format=" + MeasurementFile.FORMAT);
	}

	/**
	 * The measurement's own operator and data; {@code task} is "auto" or must be the task of the
	 * measurement's operator.
	 */
	static RestorationProblem fromMeasurement(final ImagePlus input, final String task) {
		final Measurement m = MeasurementFile.fromImagePlus(input);
		final OperatorSpec spec = m.operatorSpec();
		final String own = RedDiffPreset.taskOf(spec);
		Checks.require(task.equals("auto") || task.equals(own), "task", "'" + task +
			"' but the measurement '" + input.getTitle() + "' was made by '" + spec + "'", "auto or " +
				own);
		if (own.equals("super_resolution")) checkDivisible(m.imageShape(), spec.getInt("factor", 4));
		final RestorationProblem p = new RestorationProblem(m.operator(), m.data().clone(), own, spec
			.toString());
		if (own.equals("inpainting")) p.checkInpaintingMask("input");
		return p;
	}

	/**
	 * A plain degraded image: inpainting needs {@code mask} (nonzero = known) or {@code boxes}
	 * (missing rectangles x,y,w,h;...), deblurring {@code psfImage} or the text {@code psf},
	 * super-resolution the {@code factor} by which the input is to be enlarged.
	 */
	static RestorationProblem fromImage(final ImagePlus input, final float[] pixels,
		final String task, final ImagePlus mask, final String boxes, final String psf,
		final ImagePlus psfImage, final int factor)
	{
		final Shape shape = Images.shape(input);
		final int z = shape.rank() == 3 ? shape.dim(0) : 1, h = shape.dim(-2), w = shape.dim(-1);
		final LinearOperator a;
		final String text;
		switch (task) {
			case "inpainting": {
				final boolean hasBoxes = boxes != null && !boxes.isBlank();
				Checks.require(mask != null || hasBoxes, "mask", "no mask image and no boxes",
					"a mask image (nonzero = known pixel) or boxes x,y,w,h;x,y,w,h of missing pixels");
				Checks.require(mask == null || !hasBoxes, "boxes", "given together with a mask image",
					"either a mask image or boxes");
				if (mask != null) {
					a = maskOperator(mask, z, h, w);
					text = "mask image=" + mask.getTitle();
				}
				else {
					final OperatorSpec spec = OperatorSpec.of("mask", "boxes", boxes.trim().replaceAll(
						"\\s+", ""));
					a = Operators.build(spec, shape);
					text = spec.toString();
				}
				break;
			}
			case "super_resolution": {
				Checks.require(factor >= MIN_FACTOR && factor <= MAX_FACTOR, "factor", "got " + factor,
					MIN_FACTOR + ", 3 or " + MAX_FACTOR);
				final OperatorSpec spec = OperatorSpec.of("downsample", "factor", Integer.toString(
					factor));
				a = Operators.build(spec, z > 1 ? Shape.of(z, h * factor, w * factor) : Shape.of(h *
					factor, w * factor));
				text = spec.toString();
				break;
			}
			case "deblurring": {
				final Kernel k;
				final String name;
				if (psfImage != null) {
					Checks.require(psfImage.getStackSize() == 1, "psf_image", "a stack of " + psfImage
						.getStackSize() + " slices", "a single 2-D PSF image");
					checkPsfSize("psf_image", psfImage.getWidth(), psfImage.getHeight(), w, h);
					k = Kernel.of(Images.pixels("psf_image", psfImage), psfImage.getHeight(), psfImage
						.getWidth());
					name = "psf_image";
					text = "blur psf=image:" + psfImage.getTitle();
				}
				else {
					k = Operators.psf(psf == null ? "" : psf.trim());
					name = "psf";
					text = "blur psf=" + psf.trim();
				}
				checkPsfSize(name, k.width(), k.height(), w, h);
				a = slices(new Blur(h, w, k, Boundary.REFLECT), z);
				break;
			}
			case "denoising":
				a = Operators.build(OperatorSpec.of("identity"), shape);
				text = "identity";
				break;
			case "auto":
				throw Checks.bad("task", "'auto' but '" + input.getTitle() +
					"' is not a PriorJ measurement (its Info names no operator)", String.join(", ",
						RedDiffPreset.TASKS) + " for a plain degraded image");
			default:
				throw Checks.bad("task", "'" + task + "'", "auto, " + String.join(", ",
					RedDiffPreset.TASKS));
		}
		final RestorationProblem p = new RestorationProblem(a, task.equals("inpainting") ? a.apply(
			pixels) : pixels, task, text);
		if (task.equals("inpainting")) p.checkInpaintingMask(mask != null ? "mask" : "boxes");
		return p;
	}

	/**
	 * The measured values where the operator sees the image (A 1 nonzero): all of them, except the
	 * zeros a mask writes at missing pixels, which are no data.
	 */
	float[] observedValues() {
		final float[] a1 = onesThrough();
		final float[] v = new float[data.length];
		int n = 0;
		for (int i = 0; i < data.length; i++)
			if (Math.abs(a1[i]) > 1e-6f) v[n++] = data[i];
		return n == 0 ? data : Arrays.copyOf(v, n);
	}

	private float[] onesThrough() {
		final float[] ones = new float[operator.domain().size()];
		Arrays.fill(ones, 1f);
		return operator.apply(ones);
	}

	private void checkInpaintingMask(final String parameter) {
		int known = 0;
		final float[] m = onesThrough();
		for (final float v : m)
			if (v != 0) known++;
		Checks.require(known > 0, parameter, "no known pixel (the mask is zero everywhere)",
			"a mask with known pixels (nonzero) and missing ones (zero)");
		Checks.require(known < m.length, parameter, "every pixel known, nothing to inpaint",
			"a mask with missing pixels (zero); for a noisy image use task=denoising");
	}

	private static void checkPsfSize(final String parameter, final int pw, final int ph,
		final int w, final int h)
	{
		Checks.require(ph <= h && pw <= w, parameter, "a PSF of " + pw + "x" + ph +
			" pixels for an image of " + w + "x" + h, "a PSF no larger than the image");
	}

	private static LinearOperator maskOperator(final ImagePlus mask, final int z, final int h,
		final int w)
	{
		final float[] m = Images.pixels("mask", mask);
		final int planes = mask.getStackSize();
		Checks.require(mask.getWidth() == w && mask.getHeight() == h && (planes == 1 ||
			planes == z), "mask", "an image of " + mask.getWidth() + "x" + mask.getHeight() + "x" +
				planes, "a mask of the input's size " + w + "x" + h + (z > 1 ? " (one plane, or " + z +
					" planes)" : ""));
		if (planes == 1) return slices(new MaskOperator(h, w, m), z);
		final List<LinearOperator> ops = new ArrayList<>();
		for (int s = 0; s < z; s++) ops.add(new MaskOperator(h, w, Arrays.copyOfRange(m, s * h * w,
			(s + 1) * h * w)));
		return SliceWiseOperator.of(ops);
	}

	private static LinearOperator slices(final LinearOperator op, final int z) {
		return z > 1 ? SliceWiseOperator.repeat(op, z) : op;
	}

	/** Super-resolution needs image sides that are multiples of the factor. */
	static void checkDivisible(final Shape image, final int factor) {
		final int h = image.dim(-2), w = image.dim(-1);
		if (h % factor == 0 && w % factor == 0) return;
		throw Checks.bad("factor", String.format(Locale.ROOT,
			"%d does not divide the image size %dx%d", factor, w, h), String.format(Locale.ROOT,
				"images whose width and height are multiples of %d, e.g. %dx%d (crop) or %dx%d (pad)",
				factor, w / factor * factor, h / factor * factor, (w + factor - 1) / factor * factor, (h +
					factor - 1) / factor * factor));
	}
}
