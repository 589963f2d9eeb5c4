package org.priorj.solve;

import org.priorj.base.Progress;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Vectors;

/**
 * ADMM (scaled form) for {@code min_x 1/2 ||A x - y||^2 + g(K x)}: a quadratic data term, a linear
 * map K (identity for plug-and-play and RED, a difference along an axis for TV_z) and a proximal
 * step for g ({@link Prox}):
 * <pre>
 * x <- argmin 1/2 ||A x - y||^2 + rho/2 ||K x - z + u||^2   CG on (A^T A + rho K^T K) x = A^T y + rho K^T (z - u), from x
 * z <- prox_{g / rho}(K x + u)
 * u <- u + K x - z
 * </pre>
 * The split variable z and the scaled dual u are state kept between calls, as DiffusionMBIR and DDS
 * in 3-D keep them across diffusion steps ({@link #step}); {@link #solve} runs a whole
 * reconstruction. Not safe for concurrent use.
 */
public final class Admm {

	private final LinearOperator a, k;
	private final Prox g;
	private final double rho;
	private final int cgIterations;
	/** A^T y, the fixed part of every x update's right-hand side. */
	private final float[] aty;
	private final float[] z, u, kx, v, rhs;
	private final SymmetricOperator normal;
	private final ConjugateGradient cg;

	/**
	 * @param y the measurement, fixed for the whole run
	 * @param cgIterations conjugate-gradient steps for each x update (exact for small systems once
	 *          they reach the number of distinct eigenvalues)
	 */
	public Admm(final LinearOperator a, final float[] y, final LinearOperator k, final Prox g,
		final double rho, final int cgIterations)
	{
		if (a == null || k == null) throw Checks.bad("operator", "got null", "linear operators");
		SolverInputs.measurement(a, y);
		if (g == null) throw Checks.bad("prox", "got null", "a proximal step");
		Checks.require(k.domain().equals(a.domain()), "operator", "K maps " + k.domain() +
			" but A maps " + a.domain(), "A and K on the same unknown");
		this.a = a;
		this.k = k;
		this.g = g;
		this.rho = Checks.positive("rho", rho);
		this.cgIterations = SolverInputs.iterations(cgIterations);
		final int n = a.domain().size(), m = k.range().size();
		z = new float[m];
		u = new float[m];
		kx = new float[m];
		v = new float[m];
		rhs = new float[n];
		aty = a.adjoint(y);
		normal = SymmetricOperator.normal(a, 0f, 1f).plus(SymmetricOperator.normal(k, 0f,
			(float) rho), n);
		cg = new ConjugateGradient(n);
	}

	/** One ADMM iteration, updating {@code x} in place; returns the primal residual ||K x - z||. */
	public double step(final float[] x) {
		a.domain().check("x", x, "the unknown's shape");
		for (int i = 0; i < v.length; i++) v[i] = z[i] - u[i];
		k.adjoint(v, rhs);
		for (int i = 0; i < rhs.length; i++) rhs[i] = (float) (aty[i] + rho * rhs[i]);
		cg.run(normal, rhs, x, cgIterations, 0, Progress.NONE, null);
		k.apply(x, kx);
		for (int i = 0; i < v.length; i++) v[i] = kx[i] + u[i];
		g.apply(v, 1 / rho, z);
		for (int i = 0; i < u.length; i++) {
			kx[i] -= z[i];
			u[i] += kx[i];
		}
		return Vectors.norm(kx);
	}

	/**
	 * {@code iterations} ADMM iterations from x0 (null: zeros) and z = u = 0; the history is the
	 * primal residual ||K x - z|| of each iteration. A cancelled run returns the current x.
	 */
	public Result solve(final float[] x0, final int iterations, final Progress progress)
	{
		final float[] x = SolverInputs.start(a.domain(), x0);
		java.util.Arrays.fill(z, 0f);
		java.util.Arrays.fill(u, 0f);
		final double[] history = new double[SolverInputs.iterations(iterations)];
		final Iterations.Outcome o = Iterations.run("ADMM", iterations, progress, it -> {
			history[it] = step(x);
			return true;
		});
		return new Result(x, a.domain(), java.util.Arrays.copyOf(history, o.steps),
			"primal residual ||K x - z||", o, "admm", SolverInputs.parameters("rho", rho,
				"cg_iterations", cgIterations, "iterations", iterations));
	}
}
