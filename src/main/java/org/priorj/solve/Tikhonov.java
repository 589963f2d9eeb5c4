package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.Arrays;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/**
 * Tikhonov regularisation: x = argmin ||A x - y||^2 + lambda ||R x||^2, with R the identity
 * (x = (A^T A + lambda I)^{-1} A^T y) or the finite-difference gradient (R^T R the 5-point negative
 * Laplacian with Neumann boundary, acting on the last two axes slice by slice: each complex plane or
 * volume slice separately), which penalises roughness instead of size and leaves the mean free.
 * <p>
 * Solved by {@link ConjugateGradient} on the normal equations (A^T A + lambda R^T R) x = A^T y from
 * zeros; stopping rule and cancellation as there (relative residual of the normal equations at
 * most {@code tolerance}, default {@value #DEFAULT_TOLERANCE}). lambda = 0 is plain least squares;
 * lambda is in the squared units of the data over those of the image, so it has no universal
 * default. With the gradient regulariser the system is singular only when A maps constants to
 * zero.
 */
public final class Tikhonov {

	/** What ||R x||^2 penalises. */
	public enum Regulariser {
		/** ||x||^2. */
		IDENTITY,
		/** ||grad x||^2, forward differences, Neumann boundary. */
		GRADIENT;

		String key() {
			return name().toLowerCase();
		}
	}

	public static final int DEFAULT_ITERATIONS = 100;
	public static final double DEFAULT_TOLERANCE = 1e-6;

	private Tikhonov() {}

	public static Result solve(final LinearOperator a, final float[] y, final double lambda,
		final Regulariser regulariser, final int iterations, final double tolerance,
		final Progress progress)
	{
		SolverInputs.measurement(a, y);
		SolverInputs.lambda(lambda);
		SolverInputs.iterations(iterations);
		SolverInputs.tolerance(tolerance);
		if (regulariser == null) throw Checks.bad("regulariser", "none", "identity or gradient");
		final Shape domain = a.domain();
		final float lam = (float) lambda;
		final SymmetricOperator normal = SymmetricOperator.normal(a, 0f, 1f);
		final float[] scratch = regulariser == Regulariser.GRADIENT ? domain.newArray() : null;
		final SymmetricOperator m = (x, out) -> {
			normal.apply(x, out);
			if (scratch == null) for (int i = 0; i < out.length; i++) out[i] += lam * x[i];
			else {
				NeumannLaplacian.apply(domain, x, scratch);
				for (int i = 0; i < out.length; i++) out[i] += lam * scratch[i];
			}
		};
		final float[] x = domain.newArray();
		final double[] history = new double[iterations];
		final Iterations.Outcome o = new ConjugateGradient(x.length).run(m, a.adjoint(y), x,
			iterations, tolerance, progress, history);
		return new Result(x, domain, Arrays.copyOf(history, o.steps),
			"relative residual of the normal equations", o, "tikhonov", SolverInputs.parameters(
				"lambda", lambda, "regulariser", regulariser.key(), "iterations", iterations,
				"tolerance", tolerance));
	}
}
