package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.Arrays;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;

/**
 * Richardson-Lucy deconvolution (the EM algorithm for Poisson data):
 * <pre>x &lt;- x * A^T(y / A x) / A^T 1</pre>
 * for operators with non-negative entries: a blur, and equally a CT projector or a mask (then it is
 * MLEM). Each step keeps the estimate non-negative and the total flux of A x equal to that of y.
 * <p>
 * Conventions:
 * <ul>
 * <li>Start: the constant image c = sum(y) / sum(A^T 1), so that A x starts with the flux of the
 * data; for a blur with a normalised PSF (A 1 = 1) c is the mean of y.</li>
 * <li>Negative data values (additive noise, background subtraction) count as 0, since Poisson
 * counts cannot be negative; the caller's array is not changed.</li>
 * <li>Where A x = 0 the ratio y / A x is taken as 0; a pixel with A^T 1 = 0 (zero up to
 * rounding, as in {@link Sirt}) is seen by no measurement and keeps its start value.</li>
 * <li>An operator with clearly negative column sums A^T 1 is refused ({@code operator}).</li>
 * </ul>
 * Stopping rule: after {@code iterations} steps (default {@value #DEFAULT_ITERATIONS}; on noisy
 * data more iterations amplify noise, so the count is the regularisation), or once the relative
 * change ||x_new - x|| / ||x|| of a step is at most {@code tolerance} (default 0: never). History:
 * that relative change per step. A cancelled run returns the current iterate. Cost per step: one A
 * and one A^T; work arrays are allocated once.
 */
public final class RichardsonLucy {

	public static final int DEFAULT_ITERATIONS = 30;

	private RichardsonLucy() {}

	public static Result solve(final LinearOperator a, final float[] y, final int iterations,
		final Progress progress)
	{
		return solve(a, y, iterations, 0, progress);
	}

	public static Result solve(final LinearOperator a, final float[] y, final int iterations,
		final double tolerance, final Progress progress)
	{
		SolverInputs.measurement(a, y);
		SolverInputs.iterations(iterations);
		SolverInputs.tolerance(tolerance);
		final int m = y.length;
		final float[] data = new float[m];
		double flux = 0;
		for (int i = 0; i < m; i++) {
			data[i] = Math.max(y[i], 0f);
			flux += data[i];
		}
		final float[] ones = a.range().newArray();
		Arrays.fill(ones, 1f);
		final float[] weight = a.adjoint(ones);
		float max = 0;
		double total = 0;
		for (final float v : weight) {
			max = Math.max(max, v);
			total += v;
		}
		if (!(max > 0)) throw Checks.bad("operator", a.describe() + " has no positive column sum",
			"an operator with non-negative entries that sees at least one pixel");
		final float floor = 1e-6f * max;
		for (int j = 0; j < weight.length; j++) {
			if (weight[j] < -floor) throw Checks.bad("operator", a.describe() +
				" has column sum " + weight[j] + " at index " + j,
				"an operator with non-negative entries (blur, projection, mask)");
			weight[j] = weight[j] > floor ? 1f / weight[j] : 0f;
		}
		final float[] x = a.domain().newArray();
		Arrays.fill(x, (float) (flux / total));
		final int n = x.length;
		final float[] ax = new float[m], g = new float[n];
		final double[] history = new double[iterations];
		final Iterations.Outcome o = Iterations.run("Richardson-Lucy", iterations, progress, k -> {
			a.apply(x, ax);
			for (int i = 0; i < m; i++) ax[i] = ax[i] > 0 ? data[i] / ax[i] : 0f;
			a.adjoint(ax, g);
			double change = 0, norm = 0;
			for (int j = 0; j < n; j++) {
				if (weight[j] == 0) continue;
				final float old = x[j];
				x[j] = old * g[j] * weight[j];
				change += (double) (x[j] - old) * (x[j] - old);
				norm += (double) old * old;
			}
			history[k] = norm > 0 ? Math.sqrt(change / norm) : 0;
			return history[k] > tolerance;
		});
		return new Result(x, a.domain(), Arrays.copyOf(history, o.steps),
			"relative change ||x_new - x|| / ||x||", o, "richardson_lucy", SolverInputs
				.parameters("iterations", iterations, "tolerance", tolerance));
	}
}
