package org.priorj.solve;

import org.priorj.base.Checks;

/**
 * Adam (Kingma and Ba) on a float vector updated in place, with bias correction; the optimiser the
 * variational solvers share (RED-Diff's mean, VBLE's latent parameters). One instance keeps its
 * moments across steps, as those solvers need: a single optimiser for the whole run.
 */
public final class Adam {

	private final float[] params;
	private final double lr, beta1, beta2, eps;
	private final double[] m, v;
	private int t;

	public Adam(final float[] params, final double lr, final double beta1, final double beta2,
		final double eps)
	{
		this.params = params;
		this.lr = Checks.positive("lr", lr);
		Checks.require(beta1 >= 0 && beta1 < 1, "beta1", "got " + beta1, "a number in [0, 1)");
		Checks.require(beta2 >= 0 && beta2 < 1, "beta2", "got " + beta2, "a number in [0, 1)");
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.eps = Checks.positive("eps", eps);
		m = new double[params.length];
		v = new double[params.length];
	}

	/** One step along {@code grad} (same length as the parameters). */
	public void step(final float[] grad) {
		Checks.length("grad", grad, params.length);
		t++;
		final double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
		for (int i = 0; i < params.length; i++) {
			final double g = grad[i];
			m[i] = beta1 * m[i] + (1 - beta1) * g;
			v[i] = beta2 * v[i] + (1 - beta2) * g * g;
			params[i] -= (float) (lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps));
		}
	}

	/** Steps taken so far. */
	public int steps() {
		return t;
	}
}
