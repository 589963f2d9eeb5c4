package org.priorj.solve;

import java.util.Map;

import org.priorj.base.Checks;
import org.priorj.physics.Boundary;
import org.priorj.physics.Downsampling;
import org.priorj.base.Shape;
import org.priorj.physics.SparseRows;

/**
 * Bicubic interpolation upsampling by an integer factor f of 2, 3 or 4, the classical
 * super-resolution baseline (and the usual starting point of learned super-resolution):
 * (H, W) becomes (f H, f W); a stack (..., H, W) is upsampled slice by slice.
 * <p>
 * Conventions: Keys' cubic kernel with a = -0.5 (4 taps per axis, separable), output pixel i centred
 * on input coordinate (i + 0.5) / f - 0.5 (pixel areas aligned, as MATLAB's {@code imresize} and
 * the bicubic {@link Downsampling} use, so that downsampling then upsampling does not shift the
 * image); the image is extended by mirroring without repeating the edge pixel
 * ({@link Boundary#REFLECT}). Constants are reproduced everywhere; linear and quadratic ramps are
 * reproduced wherever the 4 taps lie inside the image, that is, except within about 1.5 f output
 * pixels of an edge, where the mirror bends the ramp. It interpolates, so it does not invert the
 * antialiasing filter of {@link Downsampling}: it is the naive undoing of it.
 */
public final class BicubicUpsampling {

	private BicubicUpsampling() {}

	/** The upsampled image for a super-resolution measurement y of the operator {@code a}. */
	public static Result solve(final Downsampling a, final float[] y) {
		SolverInputs.measurement(a, y);
		return solve(y, a.range(), a.factor(), "measurement");
	}

	/** Upsamples {@code image} of {@code shape} (rank >= 2) by {@code factor}. */
	public static Result solve(final float[] image, final Shape shape, final int factor) {
		return solve(image, shape, factor, "image");
	}

	private static Result solve(final float[] image, final Shape shape, final int factor,
		final String name)
	{
		final Shape out = outputShape(shape, factor);
		final float[] x = upsample(image, shape, factor, name);
		final Map<String, String> parameters = SolverInputs.parameters("factor", factor);
		return new Result(x, out, new double[0], "", Result.direct(), "bicubic", parameters);
	}

	/** The upsampled array, of shape {@link #outputShape}. {@code image} is not modified. */
	public static float[] upsample(final float[] image, final Shape shape, final int factor) {
		return upsample(image, shape, factor, "image");
	}

	/** {@code shape} with its last two dimensions multiplied by {@code factor}. */
	public static Shape outputShape(final Shape shape, final int factor) {
		checkFactor(factor);
		Checks.require(shape.rank() >= 2, "image", "shape " + shape,
			"an image (H, W) or a stack of images (..., H, W)");
		final int[] dims = shape.dims();
		dims[dims.length - 1] *= factor;
		dims[dims.length - 2] *= factor;
		return Shape.of(dims);
	}

	private static float[] upsample(final float[] image, final Shape shape, final int factor,
		final String name)
	{
		final Shape outShape = outputShape(shape, factor);
		shape.check(name, image, "the low-resolution image's shape");
		Checks.finite(name, image);
		final int h = shape.dim(-2), w = shape.dim(-1), oh = h * factor, ow = w * factor;
		final SparseRows alongX = axis(w, factor), alongY = axis(h, factor);
		final int slices = shape.size() / (h * w);
		final float[] out = outShape.newArray();
		final float[] wide = new float[h * ow], slice = new float[oh * ow];
		final float[] in = slices == 1 ? image : new float[h * w];
		for (int s = 0; s < slices; s++) {
			if (slices > 1) System.arraycopy(image, s * h * w, in, 0, h * w);
			alongX.applyRows(in, wide, h);
			alongY.applyColumns(wide, slices == 1 ? out : slice, ow);
			if (slices > 1) System.arraycopy(slice, 0, out, s * oh * ow, oh * ow);
		}
		return out;
	}

	private static void checkFactor(final int factor) {
		Checks.require(factor >= 2 && factor <= 4, "factor", "got " + factor, "2, 3 or 4");
	}

	/** The 4-tap interpolation from n samples to f n along one axis. */
	private static SparseRows axis(final int n, final int factor) {
		final int m = n * factor;
		final int[][] index = new int[m][4];
		final float[][] weight = new float[m][4];
		for (int o = 0; o < m; o++) {
			final double u = (o + 0.5) / factor - 0.5;
			final int first = (int) Math.floor(u) - 1;
			for (int k = 0; k < 4; k++) {
				index[o][k] = Boundary.REFLECT.source(first + k, n);
				weight[o][k] = (float) Downsampling.cubic(u - (first + k));
			}
		}
		return new SparseRows(n, index, weight);
	}
}
