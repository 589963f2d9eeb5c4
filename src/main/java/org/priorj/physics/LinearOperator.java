package org.priorj.physics;

import org.priorj.base.Shape;

import java.util.Random;


/**
 * A linear forward operator A between dense float arrays, with its exact adjoint with respect to
 * the plain (real) inner product. Complex spaces are stored as two planes (see {@link Shape}), for
 * which this adjoint is the Hermitian one.
 * <p>
 * Implementations write into the output array (overwriting it) and never modify the input, so a
 * solver can keep its buffers across iterations. The in-place {@link #apply(float[], float[])} and
 * {@link #adjoint(float[], float[])} refuse arrays of the wrong length with a message that names
 * them in the operator's own terms (image, sinogram, kspace...).
 */
public interface LinearOperator {

	/** Shape of x. */
	Shape domain();

	/** Shape of y = A x. */
	Shape range();

	/** y = A x. */
	void apply(float[] x, float[] y);

	/** x = A^T y. */
	void adjoint(float[] y, float[] x);

	/** A short name and the parameters that define the operator, for metadata and logs. */
	default String describe() {
		return getClass().getSimpleName() + " " + domain() + " -> " + range();
	}

	default float[] apply(final float[] x) {
		final float[] y = range().newArray();
		apply(x, y);
		return y;
	}

	default float[] adjoint(final float[] y) {
		final float[] x = domain().newArray();
		adjoint(y, x);
		return x;
	}

	/** out = A^T A x. */
	default void normal(final float[] x, final float[] out) {
		final float[] y = range().newArray();
		apply(x, y);
		adjoint(y, out);
	}

	default float[] normal(final float[] x) {
		final float[] out = domain().newArray();
		normal(x, out);
		return out;
	}

	/**
	 * The operator norm ||A|| (largest singular value), by power iteration on A^T A from a seeded
	 * random start, stopping when the estimate changes by less than {@code tol} (relative).
	 */
	default double norm(final int maxIterations, final double tol, final long seed) {
		final Random rnd = new Random(seed);
		float[] x = domain().newArray();
		for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
		double est = 0;
		float[] ax = domain().newArray();
		for (int it = 0; it < maxIterations; it++) {
			double nx = Vectors.norm(x);
			if (nx == 0) return 0;
			Vectors.scale(x, (float) (1 / nx));
			normal(x, ax);
			final double next = Math.sqrt(Vectors.norm(ax));
			final float[] t = x;
			x = ax;
			ax = t;
			if (Math.abs(next - est) <= tol * next) return next;
			est = next;
		}
		return est;
	}

	default double norm() {
		return norm(100, 1e-6, 42);
	}
}
