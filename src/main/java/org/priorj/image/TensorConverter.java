package org.priorj.image;


import org.priorj.base.Checks;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Moves images between {@code float[]} / ImgLib2 and DJL {@link NDArray}s of type float32 in the
 * layout networks expect: N, C, H, W (batch, channel, row, column; column fastest).
 * <ul>
 * <li>one image {@code (H, W)} becomes {@code (1, 1, H, W)} ({@link #image});</li>
 * <li>a volume {@code (Z, H, W)} or a time series {@code (T, H, W)} becomes a batch
 * {@code (Z, 1, H, W)} of slices or frames ({@link #batch});</li>
 * <li>channels, such as a complex image {@code (2, H, W)}, become {@code (1, 2, H, W)}
 * ({@link #channels}).</li>
 * </ul>
 * The flat order is the same on both sides, so these calls only reshape: the tensor is created in
 * the given {@link NDManager} (which owns it and frees it) from one copy of the data, and
 * {@link #toFloatArray} copies it back. For an ImgLib2 image the leading axis (the third, e.g. Z,
 * T or C) is read as batch or channel according to the method called.
 */
public final class TensorConverter {

	private TensorConverter() {}

	/** {@code (H, W)} to {@code (1, 1, H, W)}. */
	public static NDArray image(final NDManager manager, final float[] data, final int height,
		final int width)
	{
		return nchw(manager, data, 1, 1, height, width);
	}

	/** {@code (N, H, W)} (slices of a volume or frames of a series) to {@code (N, 1, H, W)}. */
	public static NDArray batch(final NDManager manager, final float[] data, final int count,
		final int height, final int width)
	{
		return nchw(manager, data, count, 1, height, width);
	}

	/** {@code (C, H, W)} (e.g. real and imaginary planes) to {@code (1, C, H, W)}. */
	public static NDArray channels(final NDManager manager, final float[] data,
		final int channels, final int height, final int width)
	{
		return nchw(manager, data, 1, channels, height, width);
	}

	/** {@code (N, C, H, W)} as it is. */
	public static NDArray nchw(final NDManager manager, final float[] data, final int n,
		final int c, final int h, final int w)
	{
		if (manager == null) throw Checks.bad("manager", "null", "an open NDManager");
		Checks.positive("n", n);
		Checks.positive("c", c);
		Checks.positive("height", h);
		Checks.positive("width", w);
		Checks.length("data", data, Math.toIntExact((long) n * c * h * w));
		return manager.create(data, new Shape(n, c, h, w));
	}

	/** An image with axes X, Y[, N] to {@code (N, 1, H, W)}; N is 1 for a 2-D image. */
	public static NDArray batch(final NDManager manager,
		final RandomAccessibleInterval<FloatType> image)
	{
		final int[] d = hw3("image", image);
		return batch(manager, FloatArrays.copyOf(image), d[0], d[1], d[2]);
	}

	/** An image with axes X, Y[, C] to {@code (1, C, H, W)}; C is 1 for a 2-D image. */
	public static NDArray channels(final NDManager manager,
		final RandomAccessibleInterval<FloatType> image)
	{
		final int[] d = hw3("image", image);
		return channels(manager, FloatArrays.copyOf(image), d[0], d[1], d[2]);
	}

	/** The values of a float32 tensor in flat order (last axis fastest); a copy. */
	public static float[] toFloatArray(final NDArray tensor) {
		if (tensor == null) throw Checks.bad("tensor", "null", "a float32 NDArray");
		Checks.require(tensor.getDataType() == DataType.FLOAT32, "tensor", "data type " + tensor
			.getDataType(), "float32");
		return tensor.toFloatArray();
	}

	/**
	 * An {@code (N, C, H, W)} tensor as a new ImgLib2 image with axes X, Y, then C and N where
	 * above one (so {@code (N, 1, H, W)} gives X, Y, N and {@code (1, C, H, W)} gives X, Y, C).
	 */
	public static ArrayImg<FloatType, FloatArray> toImg(final NDArray tensor) {
		if (tensor == null) throw Checks.bad("tensor", "null", "a float32 NDArray");
		final long[] s = tensor.getShape().getShape();
		Checks.require(s.length == 4, "tensor", "shape " + Arrays.toString(s),
			"four dimensions N, C, H, W");
		final int[] dims = Arrays.stream(new long[] { s[0], s[1] }).filter(v -> v > 1).mapToInt(
			Math::toIntExact).toArray();
		final int[] all = Arrays.copyOf(dims, dims.length + 2);
		all[dims.length] = Math.toIntExact(s[2]);
		all[dims.length + 1] = Math.toIntExact(s[3]);
		return FloatArrays.wrap(toFloatArray(tensor), all);
	}

	/** {@code (count, H, W)} of an image with axes X, Y and at most one more. */
	private static int[] hw3(final String parameter,
		final RandomAccessibleInterval<FloatType> image)
	{
		if (image == null) throw Checks.bad(parameter, "null", "a float image");
		final int[] dims = FloatArrays.dims(image);
		Checks.require(dims.length == 2 || dims.length == 3, parameter, dims.length +
			" dimensions", "2 (X, Y) or 3 (X, Y and one of C, Z, T)");
		return dims.length == 3 ? dims : new int[] { 1, dims[0], dims[1] };
	}
}
