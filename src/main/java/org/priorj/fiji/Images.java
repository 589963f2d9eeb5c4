package org.priorj.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import org.priorj.base.Checks;
import org.priorj.image.Pixels;
import org.priorj.image.ImagePlusConverter;
import org.priorj.base.Shape;

/**
 * The arrays PriorJ's layers work on, read from and written to ImageJ images. Reading always copies,
 * so the user's image is never modified; written images are new.
 */
final class Images {

	private Images() {}

	/**
	 * The pixels of {@code imp} as one float array (slices in stack order) and its shape: (H, W) for a
	 * single image, (N, H, W) for a stack or hyperstack of N planes.
	 */
	static float[] pixels(final String parameter, final ImagePlus imp) {
		if (imp == null) throw Checks.bad(parameter, "no image", "an open image");
		Checks.require(imp.getType() != ImagePlus.COLOR_RGB && imp.getType() != ImagePlus.COLOR_256,
			parameter, "image '" + imp.getTitle() + "' is colour",
			"an 8-, 16- or 32-bit gray image (Image > Type > 32-bit first)");
		return Checks.finite(parameter, ImagePlusConverter.pixels(imp));
	}

	/** The image as PriorJ's layers take it (pixels read by copy), named by its parameter. */
	static Pixels of(final String parameter, final ImagePlus imp) {
		final float[] values = pixels(parameter, imp);
		return new Pixels(parameter, imp.getTitle(), shape(imp), values);
	}

	/** {@link #of}, or null for an optional image left out. */
	static Pixels optional(final String parameter, final ImagePlus imp) {
		return imp == null ? null : of(parameter, imp);
	}

	static Shape shape(final ImagePlus imp) {
		return imp.getStackSize() == 1 ? Shape.of(imp.getHeight(), imp.getWidth()) : Shape.of(imp
			.getStackSize(), imp.getHeight(), imp.getWidth());
	}

	/** A new 32-bit image of {@code data} with shape (..., H, W); leading axes become slices. */
	static ImagePlus image(final String title, final float[] data, final Shape s,
		final String info)
	{
		final int h = s.dim(-2), w = s.dim(-1), planes = s.size() / (h * w);
		final ImageStack stack = new ImageStack(w, h);
		for (int p = 0; p < planes; p++) {
			final float[] px = new float[w * h];
			System.arraycopy(data, p * w * h, px, 0, w * h);
			stack.addSlice(new FloatProcessor(w, h, px));
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		if (info != null) imp.setProperty("Info", info);
		imp.resetDisplayRange();
		return imp;
	}
}
