package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.Arrays;
import java.util.Map;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The fill that harmonic and biharmonic inpainting share: the missing pixels (mask 0) take the
 * values that minimise a smoothness energy x^T K x of the whole image while the observed pixels
 * keep theirs, K symmetric positive semi-definite on the image grid (a Laplacian or its square).
 * With P the selection of the missing pixels, the minimiser solves (P K P^T) u = -P K x_obs, where
 * x_obs is the image with zeros at the missing pixels; that system is positive definite as soon as
 * one pixel of each slice is observed (the energies here vanish only on constants per slice), and
 * stays consistent when a slice has none (its fill then keeps the start).
 * <p>
 * Solved by {@link ConjugateGradient} on the missing pixels only, started at the mean of the observed
 * values. Stopping rule: after {@code iterations} steps or once the relative residual of the
 * restricted system is at most {@code tolerance}; the history is that relative residual. Observed
 * pixels are returned unchanged; a cancelled run returns the current fill.
 */
final class MaskedQuadraticFill {

	/** The energy's K, applied to a whole image (or stack) of the given shape. */
	@FunctionalInterface
	interface Energy {

		/**
		 * A map x -> K x on arrays of the shape's size; it may keep scratch arrays, since one run
		 * calls it from one thread.
		 */
		SymmetricOperator on(Shape shape);
	}

	private MaskedQuadraticFill() {}

	/**
	 * @param image the observed values (any value where the mask is 0); not modified
	 * @param mask nonzero = observed, the image's shape
	 * @param method the result's method name
	 * @param equation what K x = 0 is called, for the history label
	 */
	static Result solve(final float[] image, final float[] mask, final Shape shape,
		final int iterations, final double tolerance, final Progress progress, final Energy energy,
		final String method, final String equation)
	{
		Checks.require(shape.rank() >= 2, "image", "shape " + shape,
			"an image (H, W) or a stack of images (..., H, W)");
		shape.check("measurement", image, "the image's shape");
		shape.check("mask", mask, "the image's shape");
		Checks.finite("mask", mask);
		SolverInputs.iterations(iterations);
		SolverInputs.tolerance(tolerance);
		final int n = image.length;
		int unknowns = 0;
		double observedSum = 0;
		for (int i = 0; i < n; i++) {
			if (mask[i] == 0) unknowns++;
			else {
				Checks.require(Float.isFinite(image[i]), "measurement", "value " + image[i] +
					" at observed index " + i, "finite numbers at the observed pixels");
				observedSum += image[i];
			}
		}
		Checks.require(unknowns < n, "mask", "no observed pixel", "a mask with at least one " +
			"observed (nonzero) pixel");
		final int count = unknowns;
		final int[] where = new int[count];
		final float[] grid = new float[n];
		for (int i = 0, u = 0; i < n; i++) {
			if (mask[i] == 0) where[u++] = i;
			else grid[i] = image[i];
		}
		final float[] x = grid.clone();
		final double[] history = new double[iterations];
		final Iterations.Outcome o;
		if (count == 0) {
			progress.report(method, 0, iterations);
			o = new Iterations.Outcome(0, false, true);
		}
		else {
			final SymmetricOperator k = energy.on(shape);
			final float[] kx = new float[n];
			// b = -(K x_obs) on the unknowns; the grid then serves as the scatter buffer, zero at
			// the observed pixels so that K acts on the unknowns alone
			k.apply(grid, kx);
			final float[] b = new float[count];
			for (int u = 0; u < count; u++) b[u] = -kx[where[u]];
			Arrays.fill(grid, 0f);
			final SymmetricOperator restricted = (v, out) -> {
				for (int u = 0; u < count; u++) grid[where[u]] = v[u];
				k.apply(grid, kx);
				for (int u = 0; u < count; u++) out[u] = kx[where[u]];
			};
			final float[] v = new float[count];
			Arrays.fill(v, (float) (observedSum / (n - count)));
			o = new ConjugateGradient(count).run(restricted, b, v, iterations, tolerance, progress,
				history);
			for (int u = 0; u < count; u++) x[where[u]] = v[u];
		}
		final Map<String, String> parameters = SolverInputs.parameters("iterations", iterations,
			"tolerance", tolerance);
		return new Result(x, shape, Arrays.copyOf(history, o.steps), "relative residual of the " +
			equation, o, method, parameters);
	}
}
