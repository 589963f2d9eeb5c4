package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.Arrays;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;
import org.priorj.physics.Vectors;

/**
 * Conjugate gradients for M x = b with M symmetric positive (semi-)definite (Hestenes-Stiefel).
 * Complex data stored as two real planes need nothing special: the real inner product over the
 * planes is the real part of the conjugated complex one, so this real CG is the Hermitian CG.
 * <p>
 * Stopping rule: after at most {@code iterations} steps, or as soon as the relative residual
 * ||b - M x|| / ||b|| is at most {@code tolerance} (absolute ||b - M x|| when b = 0), or when a
 * search direction has no curvature (p^T M p <= 0: M is singular along it and the residual cannot
 * be reduced further). The residual is updated recursively and recomputed from its definition every
 * 50 steps, which keeps float rounding from drifting it away from the true one in long runs.
 * A cancelled run returns the current iterate, which is valid after every step.
 * <p>
 * Two forms on a linear operator A are provided for solvers that enforce data consistency with a
 * few CG steps from a given estimate x0 (as DDS does):
 * <ul>
 * <li>least squares: A^T A x = A^T y, started at x0; every iterate stays in x0 + range(A^T), so with
 * consistent data CG converges to the solution of A x = y closest to x0;</li>
 * <li>regularised: (I + gamma A^T A) x = x0 + gamma A^T y, started at x0: the minimiser of
 * ||x - x0||^2 + gamma ||A x - y||^2.</li>
 * </ul>
 * An instance holds the work arrays (four of the vectors' size, plus one of the range's size for the
 * operator forms), allocated once and reused by every call; it is not safe for concurrent use.
 * The static methods allocate an instance per call and return a {@link Result}.
 */
public final class ConjugateGradient {

	public static final int DEFAULT_ITERATIONS = 100;
	public static final double DEFAULT_TOLERANCE = 1e-6;
	/** Steps between recomputations of the residual from its definition. */
	static final int REFRESH = 50;

	private final int size;
	private final float[] r, p, q, rhs;
	private LinearOperator normalOf;
	private float normalShift, normalScale;
	private SymmetricOperator normal;

	/** Work arrays for vectors of {@code size} elements. */
	public ConjugateGradient(final int size) {
		this.size = Checks.positive("size", size);
		r = new float[size];
		p = new float[size];
		q = new float[size];
		rhs = new float[size];
	}

	/**
	 * Runs CG on M x = b, updating {@code x} in place from the start it holds. {@code history}
	 * (null, or at least {@code iterations} long) receives the relative residual after each step.
	 * {@code b} is not modified.
	 */
	public Iterations.Outcome run(final SymmetricOperator m, final float[] b, final float[] x,
		final int iterations, final double tolerance, final Progress progress,
		final double[] history)
	{
		SolverInputs.iterations(iterations);
		SolverInputs.tolerance(tolerance);
		Checks.length("rhs", b, size);
		Checks.length("start", x, size);
		Checks.require(history == null || history.length >= iterations, "history", "length " +
			(history == null ? 0 : history.length), "null or at least 'iterations' long");
		final double bNorm = Vectors.norm(b);
		final double scale = bNorm > 0 ? bNorm : 1;
		residual(m, b, x);
		System.arraycopy(r, 0, p, 0, size);
		final double[] rr = { Vectors.dot(r, r) };
		if (Math.sqrt(rr[0]) <= tolerance * scale) {
			progress.report("CG", 0, iterations);
			return new Iterations.Outcome(0, false, true);
		}
		return Iterations.run("CG", iterations, progress, k -> {
			m.apply(p, q);
			final double pq = Vectors.dot(p, q);
			if (!(pq > 0)) {
				if (history != null) history[k] = Math.sqrt(rr[0]) / scale;
				return false;
			}
			final float alpha = (float) (rr[0] / pq);
			for (int i = 0; i < size; i++) {
				x[i] += alpha * p[i];
				r[i] -= alpha * q[i];
			}
			if ((k + 1) % REFRESH == 0) residual(m, b, x);
			final double next = Vectors.dot(r, r);
			if (history != null) history[k] = Math.sqrt(next) / scale;
			if (Math.sqrt(next) <= tolerance * scale) return false;
			final float beta = (float) (next / rr[0]);
			for (int i = 0; i < size; i++) p[i] = r[i] + beta * p[i];
			rr[0] = next;
			return true;
		});
	}

	/** r = b - M x, with q as scratch. */
	private void residual(final SymmetricOperator m, final float[] b, final float[] x) {
		m.apply(x, q);
		for (int i = 0; i < size; i++) r[i] = b[i] - q[i];
	}

	/**
	 * Least squares in place: A^T A x = A^T y from the start in {@code x}, no progress reports.
	 * Allocates nothing after the first call with a given operator.
	 */
	public Iterations.Outcome leastSquares(final LinearOperator a, final float[] y,
		final float[] x, final int iterations, final double tolerance)
	{
		return normalForm(a, y, x, 0, iterations, tolerance, Progress.NONE, null);
	}

	/**
	 * Regularised least squares in place: (I + gamma A^T A) x = x0 + gamma A^T y, where x0 is the
	 * start held in {@code x} on entry; no progress reports.
	 */
	public Iterations.Outcome regularised(final LinearOperator a, final float[] y,
		final float[] x, final double gamma, final int iterations, final double tolerance)
	{
		return normalForm(a, y, x, gamma(gamma), iterations, tolerance, Progress.NONE, null);
	}

	/** gamma = 0 selects the least-squares form, gamma > 0 the regularised one. */
	private Iterations.Outcome normalForm(final LinearOperator a, final float[] y,
		final float[] x, final double gamma, final int iterations, final double tolerance,
		final Progress progress, final double[] history)
	{
		SolverInputs.measurement(a, y);
		a.domain().check("start", x, "the operator's domain");
		Checks.require(a.domain().size() == size, "operator", "domain of " + a.domain().size() +
			" values", "the size of this solver's vectors, " + size);
		final float shift = gamma > 0 ? 1f : 0f, scale = gamma > 0 ? (float) gamma : 1f;
		if (normalOf != a || normalShift != shift || normalScale != scale) {
			normal = SymmetricOperator.normal(a, shift, scale);
			normalOf = a;
			normalShift = shift;
			normalScale = scale;
		}
		a.adjoint(y, rhs);
		for (int i = 0; i < size; i++) rhs[i] = shift * x[i] + scale * rhs[i];
		return run(normal, rhs, x, iterations, tolerance, progress, history);
	}

	private static double gamma(final double gamma) {
		return Checks.positive("gamma", gamma);
	}

	/** CG on M x = b from x0 (null: zeros), as a {@link Result} of the given shape. */
	public static Result solve(final SymmetricOperator m, final Shape shape, final float[] b,
		final float[] x0, final int iterations, final double tolerance, final Progress progress)
	{
		shape.check("rhs", b, "the unknown's shape");
		Checks.finite("rhs", b);
		final float[] x = SolverInputs.start(shape, x0);
		final double[] history = new double[SolverInputs.iterations(iterations)];
		final Iterations.Outcome o = new ConjugateGradient(shape.size()).run(m, b, x, iterations,
			tolerance, progress, history);
		return result(x, shape, history, o, SolverInputs.parameters("iterations", iterations,
			"tolerance", tolerance));
	}

	/** Least squares A^T A x = A^T y from x0 (null: zeros). */
	public static Result solveNormal(final LinearOperator a, final float[] y, final float[] x0,
		final int iterations, final double tolerance, final Progress progress)
	{
		final float[] x = SolverInputs.start(a.domain(), x0);
		final double[] history = new double[SolverInputs.iterations(iterations)];
		final Iterations.Outcome o = new ConjugateGradient(x.length).normalForm(a, y, x, 0,
			iterations, tolerance, progress, history);
		return result(x, a.domain(), history, o, SolverInputs.parameters("iterations",
			iterations, "tolerance", tolerance));
	}

	/**
	 * Regularised least squares (I + gamma A^T A) x = x0 + gamma A^T y from x0 (null: zeros),
	 * gamma > 0.
	 */
	public static Result solveNormal(final LinearOperator a, final float[] y, final float[] x0,
		final double gamma, final int iterations, final double tolerance, final Progress progress)
	{
		gamma(gamma);
		final float[] x = SolverInputs.start(a.domain(), x0);
		final double[] history = new double[SolverInputs.iterations(iterations)];
		final Iterations.Outcome o = new ConjugateGradient(x.length).normalForm(a, y, x, gamma,
			iterations, tolerance, progress, history);
		return result(x, a.domain(), history, o, SolverInputs.parameters("gamma", gamma,
			"iterations", iterations, "tolerance", tolerance));
	}

	private static Result result(final float[] x, final Shape shape, final double[] history,
		final Iterations.Outcome o, final java.util.Map<String, String> parameters)
	{
		return new Result(x, shape, Arrays.copyOf(history, o.steps),
			"relative residual ||b - Mx|| / ||b||", o, "cg", parameters);
	}
}
