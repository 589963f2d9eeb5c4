package org.priorj.physics;

/** Whole-array arithmetic on float vectors, accumulated in double where it matters. */
public final class Vectors {

	private Vectors() {}

	public static double dot(final float[] a, final float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
		return s;
	}

	/** Sets the negative entries of {@code a} to 0 (a non-negativity constraint's projection). */
	public static void clampNonNegative(final float[] a) {
		for (int i = 0; i < a.length; i++) if (a[i] < 0) a[i] = 0;
	}

	public static double norm(final float[] a) {
		return Math.sqrt(dot(a, a));
	}

	public static void scale(final float[] a, final float s) {
		for (int i = 0; i < a.length; i++) a[i] *= s;
	}

	/** y += a x. */
	public static void axpy(final float a, final float[] x, final float[] y) {
		for (int i = 0; i < x.length; i++) y[i] += a * x[i];
	}
}
