package org.priorj.solve;

import org.priorj.base.Checks;

/**
 * A proximal step of a splitting method: {@code out = argmin_z tau g(z) + 1/2 ||z - v||^2} for the
 * regulariser g it stands for. {@code v} is not modified; {@code out} may be {@code v}'s array only
 * where an implementation says so.
 */
@FunctionalInterface
public interface Prox {

	void apply(float[] v, double tau, float[] out);

	/** g = lambda ||z||_1: soft thresholding at tau lambda, element-wise; in place allowed. */
	static Prox l1(final double lambda) {
		Checks.nonNegative("lambda", lambda);
		return (v, tau, out) -> {
			final double t = tau * lambda;
			for (int i = 0; i < v.length; i++) {
				final double a = Math.abs(v[i]) - t;
				out[i] = a > 0 ? (float) Math.copySign(a, v[i]) : 0f;
			}
		};
	}
}
