package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.Arrays;

import org.priorj.physics.LinearOperator;
import org.priorj.physics.Vectors;

/**
 * CGLS: conjugate gradients on the normal equations of min ||A x - y||^2 + lambda ||x||^2
 * (lambda = 0: plain least squares), in the form that never builds A^T A: it carries the data
 * residual r = y - A x and the normal residual s = A^T r - lambda x, which keeps it stable where
 * plain CG on A^T A loses accuracy to rounding. One A and one A^T per step. Works unchanged for
 * complex data stored as two real planes.
 * <p>
 * Stopping rule: after {@code iterations} steps, or once ||s|| is at most {@code tolerance} times
 * its value at the start (default {@value #DEFAULT_TOLERANCE}), or when a direction has no curvature
 * left. Start: zeros unless given. History: the data residual ||y - A x|| after each step, which for
 * lambda = 0 never increases. The data residual is recomputed from its definition every
 * {@link ConjugateGradient#REFRESH} steps. A cancelled run returns the current iterate.
 */
public final class Cgls {

	public static final int DEFAULT_ITERATIONS = 50;
	public static final double DEFAULT_TOLERANCE = 1e-6;

	private Cgls() {}

	/** Plain least squares from zeros with the default tolerance. */
	public static Result solve(final LinearOperator a, final float[] y, final int iterations,
		final Progress progress)
	{
		return solve(a, y, null, 0, iterations, DEFAULT_TOLERANCE, progress);
	}

	/**
	 * @param x0 start (null: zeros); not modified
	 * @param lambda Tikhonov damping >= 0
	 */
	public static Result solve(final LinearOperator a, final float[] y, final float[] x0,
		final double lambda, final int iterations, final double tolerance, final Progress progress)
	{
		SolverInputs.measurement(a, y);
		SolverInputs.lambda(lambda);
		SolverInputs.iterations(iterations);
		SolverInputs.tolerance(tolerance);
		final float[] x = SolverInputs.start(a.domain(), x0);
		final int n = x.length, m = y.length;
		final float lam = (float) lambda;
		final float[] r = new float[m], q = new float[m], s = new float[n], p = new float[n];
		residual(a, y, x, r);
		normalResidual(a, r, x, lam, s);
		System.arraycopy(s, 0, p, 0, n);
		final double[] gamma = { Vectors.dot(s, s) };
		final double stop = tolerance * Math.sqrt(gamma[0]);
		final double[] history = new double[iterations];
		final Iterations.Outcome outcome;
		if (gamma[0] == 0) {
			progress.report("CGLS", 0, iterations);
			outcome = new Iterations.Outcome(0, false, true);
		}
		else outcome = Iterations.run("CGLS", iterations, progress, k -> {
			a.apply(p, q);
			final double delta = Vectors.dot(q, q) + lambda * Vectors.dot(p, p);
			if (!(delta > 0)) {
				history[k] = Vectors.norm(r);
				return false;
			}
			final float alpha = (float) (gamma[0] / delta);
			Vectors.axpy(alpha, p, x);
			if ((k + 1) % ConjugateGradient.REFRESH == 0) residual(a, y, x, r);
			else Vectors.axpy(-alpha, q, r);
			normalResidual(a, r, x, lam, s);
			final double next = Vectors.dot(s, s);
			history[k] = Vectors.norm(r);
			if (Math.sqrt(next) <= stop) return false;
			final float beta = (float) (next / gamma[0]);
			for (int i = 0; i < n; i++) p[i] = s[i] + beta * p[i];
			gamma[0] = next;
			return true;
		});
		return new Result(x, a.domain(), Arrays.copyOf(history, outcome.steps),
			"residual norm ||y - Ax||", outcome, "cgls", SolverInputs.parameters("lambda", lambda,
				"iterations", iterations, "tolerance", tolerance));
	}

	/** r = y - A x. */
	private static void residual(final LinearOperator a, final float[] y, final float[] x,
		final float[] r)
	{
		a.apply(x, r);
		for (int i = 0; i < r.length; i++) r[i] = y[i] - r[i];
	}

	/** s = A^T r - lambda x. */
	private static void normalResidual(final LinearOperator a, final float[] r, final float[] x,
		final float lambda, final float[] s)
	{
		a.adjoint(r, s);
		if (lambda != 0) Vectors.axpy(-lambda, x, s);
	}
}
