package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.Arrays;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Vectors;

/**
 * SIRT, the simultaneous iterative reconstruction technique of tomography (as in ASTRA's SIRT):
 * <pre>x &lt;- x + relaxation * C A^T R (y - A x)</pre>
 * with R = 1 / (A 1) the inverse row sums and C = 1 / (A^T 1) the inverse column sums of A,
 * computed once by applying A and A^T to arrays of ones. A row or column whose sum is not positive
 * (or below 1e-6 of the largest, i.e. zero up to rounding) gets weight 0: a detector bin no pixel
 * reaches is ignored, a pixel no ray crosses keeps its start value.
 * It is meant for operators with non-negative entries (projections, blurs, masks), for which it is
 * a preconditioned gradient descent on the R-weighted least-squares misfit and converges for
 * relaxation in (0, 2). With {@code nonnegative} the estimate is clipped at 0 after every step
 * (ASTRA's MinConstraint 0).
 * <p>
 * Defaults: start zeros, relaxation {@value #DEFAULT_RELAXATION}, no clipping, tolerance 0.
 * Stopping rule: after {@code iterations} steps, or once ||y - A x|| is at most {@code tolerance}
 * ||y||. History: ||y - A x|| after each step. A cancelled run returns the current iterate.
 * Cost per step: one A and one A^T.
 */
public final class Sirt {

	public static final int DEFAULT_ITERATIONS = 100;
	public static final double DEFAULT_RELAXATION = 1.0;

	private Sirt() {}

	/** From zeros, default relaxation, no clipping, no early stop. */
	public static Result solve(final LinearOperator a, final float[] y, final int iterations,
		final Progress progress)
	{
		return solve(a, y, null, DEFAULT_RELAXATION, false, iterations, 0, progress);
	}

	/**
	 * @param x0 start (null: zeros); not modified
	 * @param relaxation step factor in (0, 2)
	 * @param nonnegative clip the estimate at 0 after each step
	 */
	public static Result solve(final LinearOperator a, final float[] y, final float[] x0,
		final double relaxation, final boolean nonnegative, final int iterations,
		final double tolerance, final Progress progress)
	{
		SolverInputs.measurement(a, y);
		Checks.require(relaxation > 0 && relaxation < 2, "relaxation", "got " + relaxation,
			"a number in (0, 2)");
		SolverInputs.iterations(iterations);
		SolverInputs.tolerance(tolerance);
		final float[] x = SolverInputs.start(a.domain(), x0);
		if (nonnegative) Vectors.clampNonNegative(x);
		final int n = x.length, m = y.length;
		final float[] rowWeight = inverseSums(a, true);
		final float[] columnWeight = inverseSums(a, false);
		final float omega = (float) relaxation;
		for (int j = 0; j < n; j++) columnWeight[j] *= omega;
		final float[] ax = new float[m], r = new float[m], g = new float[n];
		a.apply(x, ax);
		final double stop = tolerance * Vectors.norm(y);
		final double[] history = new double[iterations];
		final Iterations.Outcome o = Iterations.run("SIRT", iterations, progress, k -> {
			for (int i = 0; i < m; i++) r[i] = rowWeight[i] * (y[i] - ax[i]);
			a.adjoint(r, g);
			for (int j = 0; j < n; j++) x[j] += columnWeight[j] * g[j];
			if (nonnegative) Vectors.clampNonNegative(x);
			a.apply(x, ax);
			double s = 0;
			for (int i = 0; i < m; i++) s += (double) (y[i] - ax[i]) * (y[i] - ax[i]);
			history[k] = Math.sqrt(s);
			return history[k] > stop;
		});
		return new Result(x, a.domain(), Arrays.copyOf(history, o.steps),
			"residual norm ||y - Ax||", o, "sirt", SolverInputs.parameters("relaxation",
				relaxation, "nonnegative", nonnegative, "iterations", iterations, "tolerance",
				tolerance));
	}

	/** 1 / (A 1) (rows) or 1 / (A^T 1) (columns), 0 where the sum is not positive. */
	static float[] inverseSums(final LinearOperator a, final boolean rows) {
		final float[] ones = (rows ? a.domain() : a.range()).newArray();
		Arrays.fill(ones, 1f);
		return invert(rows ? a.apply(ones) : a.adjoint(ones));
	}

	/** {@code sums} replaced by 1 / sums, 0 where a sum is not positive. */
	static float[] invert(final float[] sums) {
		float max = 0;
		for (final float v : sums) max = Math.max(max, v);
		// sums at float rounding level are zeros that missed being exact
		final float floor = max * 1e-6f;
		for (int i = 0; i < sums.length; i++) sums[i] = sums[i] > floor ? 1f / sums[i] : 0f;
		return sums;
	}

}
