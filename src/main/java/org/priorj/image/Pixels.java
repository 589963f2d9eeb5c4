package org.priorj.image;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.priorj.base.Checks;

import org.priorj.base.Shape;

/**
 * An image handed to PriorJ by a user: its values (slices in stack order, not copied: treat as
 * read-only), their shape (H, W) or (Z, H, W), its title, and the parameter it was given as, which
 * every refusal about it names.
 */
public record Pixels(String parameter, String title, Shape shape, float[] values) {

	public Pixels {
		shape.check(parameter, values, "the image's shape " + shape);
	}

	/**
	 * An ImgLib2 image of any real type, read by copy in row-major order: axes X, Y[, Z] become
	 * the shape (H, W) or (Z, H, W), whatever the interval's minimum (a crop or other view).
	 */
	public static Pixels of(final String parameter, final String title,
		final RandomAccessibleInterval<? extends RealType<?>> image)
	{
		if (image == null) throw Checks.bad(parameter, "no image", "an image");
		Checks.require(image.numDimensions() == 2 || image.numDimensions() == 3, parameter,
			image.numDimensions() + " dimensions", "X, Y and optionally one more axis (Z, time or the " +
				"real and imaginary channel)");
		return new Pixels(parameter, title, Shape.of(FloatArrays.dims(image)), Checks.finite(parameter,
			FloatArrays.copyOf(image)));
	}

	public int height() {
		return shape.dim(-2);
	}

	public int width() {
		return shape.dim(-1);
	}

	/** Planes of H x W: 1 for a single image, Z for a stack. */
	public int planes() {
		return shape.rank() == 2 ? 1 : shape.size() / (height() * width());
	}
}
