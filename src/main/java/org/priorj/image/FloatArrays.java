package org.priorj.image;

import org.priorj.base.Shape;

import org.priorj.base.Checks;

import java.util.Arrays;

import net.imglib2.Dimensions;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Moves between PriorJ's flat {@code float[]} arrays and ImgLib2 images.
 * <p>
 * PriorJ's arrays list their dimensions slowest-first ({@code (H, W)}, {@code (Z, H, W)},
 * {@code (2, H, W)} for complex data), row-major, the last index fastest. ImgLib2 lists dimensions
 * fastest-first, so the same memory is the ImgLib2 image with the dimensions reversed:
 * {@code (Z, H, W)} becomes an image with axes {@code X=W, Y=H, Z}. The dimensions are passed as
 * plain {@code int...} (for example {@code shape.dims()} from the physics layer) so that this
 * package does not depend on the layers above it.
 * <p>
 * {@link #wrap} and {@link #sharedArray} share memory with their argument; {@link #copyOf} copies.
 */
public final class FloatArrays {

	private FloatArrays() {}

	/**
	 * Wraps {@code data} (no copy) as an ImgLib2 image; writes to either are seen by both.
	 *
	 * @param dims dimensions slowest-first, as in {@code Shape.dims()}
	 */
	public static ArrayImg<FloatType, FloatArray> wrap(final float[] data, final int... dims) {
		if (data == null) throw Checks.bad("data", "no array (null)", "a float array");
		if (dims.length == 0) throw Checks.bad("dims", "no dimensions", "at least one dimension");
		long n = 1;
		final long[] fastestFirst = new long[dims.length];
		for (int i = 0; i < dims.length; i++) {
			Checks.require(dims[i] > 0, "dims", Arrays.toString(dims), "sizes > 0");
			n *= dims[i];
			fastestFirst[dims.length - 1 - i] = dims[i];
		}
		Checks.require(n == data.length, "data", data.length + " values for dimensions " + Arrays
			.toString(dims), "exactly " + n + " values");
		return ArrayImgs.floats(data, fastestFirst);
	}

	/** The dimensions of {@code image} slowest-first, ready for {@code Shape.of(...)}. */
	public static int[] dims(final Dimensions image) {
		final int n = image.numDimensions();
		final int[] dims = new int[n];
		for (int d = 0; d < n; d++) {
			final long size = image.dimension(d);
			Checks.require(size <= Integer.MAX_VALUE, "image", "dimension " + d + " of size " +
				size, "sizes below 2^31");
			dims[n - 1 - d] = (int) size;
		}
		return dims;
	}

	/**
	 * A new array holding {@code image} in flat order (X fastest, then Y, then the rest), of any
	 * real pixel type (8-, 16-bit, float, double ...), starting at the interval's minimum, which
	 * need not be 0 (a crop, a view).
	 */
	public static float[] copyOf(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final long n = Intervals.numElements(image);
		Checks.require(n <= Integer.MAX_VALUE - 8, "image", n + " pixels",
			"at most 2^31 - 9 pixels");
		final float[] out = new float[(int) n];
		int i = 0;
		for (final RealType<?> v : Views.flatIterable(image)) out[i++] = v.getRealFloat();
		return out;
	}

	/** The array behind an array image (no copy; writes to it change the image). */
	public static float[] sharedArray(final ArrayImg<FloatType, FloatArray> image) {
		return image.update(null).getCurrentStorageArray();
	}
}
