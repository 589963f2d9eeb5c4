package org.priorj.base;

import java.util.Arrays;


/**
 * The dimensions of a dense float array, slowest-varying first (for example {@code C, H, W} or
 * {@code Z, H, W}); the last index varies fastest. Complex data carry a leading dimension of 2
 * (real plane, imaginary plane), so that the real inner product over the flat array equals the real
 * part of the complex (conjugated) inner product, and a real adjoint is the Hermitian adjoint.
 */
public final class Shape {

	private final int[] dims;

	private Shape(final int[] dims) {
		this.dims = dims;
	}

	public static Shape of(final int... dims) {
		if (dims.length == 0) throw Checks.bad("shape", "no dimensions", "at least one dimension");
		long n = 1;
		for (int i = 0; i < dims.length; i++) {
			Checks.require(dims[i] > 0, "shape", "dimension " + i + " is " + dims[i],
				"sizes > 0");
			n *= dims[i];
		}
		Checks.require(n <= Integer.MAX_VALUE - 8, "shape", Arrays.toString(dims) + " has " + n +
			" elements", "at most 2^31 - 9 elements in one array");
		return new Shape(dims.clone());
	}

	public int rank() {
		return dims.length;
	}

	public int dim(final int i) {
		return dims[i < 0 ? dims.length + i : i];
	}

	public int[] dims() {
		return dims.clone();
	}

	/** Number of elements. */
	public int size() {
		int n = 1;
		for (final int d : dims) n *= d;
		return n;
	}

	/** This shape with {@code lead} prepended, e.g. a complex version {@code prepend(2)}. */
	public Shape prepend(final int lead) {
		final int[] d = new int[dims.length + 1];
		d[0] = lead;
		System.arraycopy(dims, 0, d, 1, dims.length);
		return of(d);
	}

	/**
	 * Refuses an array that does not hold exactly this shape's elements. The message names the
	 * parameter, this shape and what its axes mean (for example {@code "angles x detectors"}).
	 */
	public float[] check(final String parameter, final float[] data, final String axes) {
		if (data == null) throw Checks.bad(parameter, "got null", "an array of " + size() +
			" values (" + axes + " = " + this + ")");
		Checks.require(data.length == size(), parameter, "got " + data.length + " values",
			"exactly " + size() + " values (" + axes + " = " + this + ")");
		return data;
	}

	/** This shape without its first dimension, e.g. the real plane of a complex (2, H, W) shape. */
	public Shape dropFirst() {
		Checks.require(dims.length > 1, "shape", toString(), "a shape with at least two dimensions");
		return of(java.util.Arrays.copyOfRange(dims, 1, dims.length));
	}

	public float[] newArray() {
		return new float[size()];
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(dims);
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : "x").append(dims[i]);
		return sb.toString();
	}
}
