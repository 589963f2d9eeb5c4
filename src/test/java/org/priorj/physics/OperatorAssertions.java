package org.priorj.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

/** The checks every {@link LinearOperator} must pass. */
public final class OperatorAssertions {

	private OperatorAssertions() {}

	public static float[] gaussian(final int n, final Random rnd) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
		return v;
	}

	/** |<Ax,y> - <x,A^T y>| / (||Ax|| ||y||) below {@code tol} for random x, y. */
	public static void assertAdjoint(final LinearOperator a, final double tol, final long seed) {
		final Random rnd = new Random(seed);
		for (int trial = 0; trial < 3; trial++) {
			final float[] x = gaussian(a.domain().size(), rnd);
			final float[] y = gaussian(a.range().size(), rnd);
			final float[] ax = a.apply(x);
			final float[] aty = a.adjoint(y);
			final double lhs = Vectors.dot(ax, y);
			final double rhs = Vectors.dot(x, aty);
			final double denom = Vectors.norm(ax) * Vectors.norm(y);
			final double err = Math.abs(lhs - rhs) / Math.max(denom, 1e-30);
			assertTrue(err < tol, a.describe() + ": adjoint mismatch " + err + " (<Ax,y>=" + lhs +
				", <x,A^T y>=" + rhs + ")");
			// the in-place forms write every entry of an output that held something else
			final float[] out = new float[ax.length], back = new float[aty.length];
			java.util.Arrays.fill(out, 7f);
			java.util.Arrays.fill(back, 7f);
			a.apply(x, out);
			a.adjoint(y, back);
			assertArrayEquals(ax, out, a.describe() + ": apply into a used array");
			assertArrayEquals(aty, back, a.describe() + ": adjoint into a used array");
		}
	}

	public static void assertAdjoint(final LinearOperator a) {
		assertAdjoint(a, 1e-5, 1234);
	}

	/** normal(x) equals adjoint(apply(x)) and leaves x untouched. */
	public static void assertNormal(final LinearOperator a) {
		final Random rnd = new Random(99);
		final float[] x = gaussian(a.domain().size(), rnd);
		final float[] copy = x.clone();
		final float[] expected = a.adjoint(a.apply(x));
		final float[] got = a.normal(x);
		assertArrayEquals(copy, x, "normal() modified its input");
		final double scale = Math.max(Vectors.norm(expected), 1e-30);
		final float[] d = got.clone();
		Vectors.axpy(-1f, expected, d);
		assertTrue(Vectors.norm(d) / scale < 1e-5, a.describe() + ": normal operator differs by " +
			Vectors.norm(d) / scale);
	}
}
