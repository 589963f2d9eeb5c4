package org.priorj.solve;

import org.priorj.physics.LinearOperator;

/**
 * A symmetric positive (semi-)definite map x -> M x on flat float arrays, the input of
 * {@link ConjugateGradient}. Complex vectors stored as two real planes are covered: a Hermitian
 * positive-definite complex M is a symmetric positive-definite real map on the planes.
 * Implementations write {@code out} (overwriting it) and never modify {@code x}.
 */
@FunctionalInterface
public interface SymmetricOperator {

	/** out = M x. */
	void apply(float[] x, float[] out);

	/**
	 * M = shift I + scale A^T A. One scratch array of the operator's range is allocated here and
	 * reused by every call, so the returned map is not safe for concurrent calls.
	 */
	static SymmetricOperator normal(final LinearOperator a, final float shift, final float scale) {
		final float[] ax = a.range().newArray();
		return (x, out) -> {
			a.apply(x, ax);
			a.adjoint(ax, out);
			if (scale != 1f || shift != 0f)
				for (int i = 0; i < out.length; i++) out[i] = shift * x[i] + scale * out[i];
		};
	}

	/**
	 * x -> M x + N x, for normal operators built from parts (A^T A + rho D^T D). One scratch array is
	 * allocated here and reused, so the sum is not safe for concurrent calls.
	 */
	default SymmetricOperator plus(final SymmetricOperator other, final int size) {
		final float[] scratch = new float[size];
		return (x, out) -> {
			apply(x, out);
			other.apply(x, scratch);
			for (int i = 0; i < out.length; i++) out[i] += scratch[i];
		};
	}
}
