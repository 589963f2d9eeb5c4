package org.priorj.solve;

import java.util.Arrays;

import org.priorj.image.Checks;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Shape;

/**
 * Harmonic inpainting: the missing pixels (mask 0) are filled with the solution of the discrete
 * Laplace equation that takes the observed pixels as Dirichlet data, i.e. the fill that minimises
 * the squared forward differences of the whole image. Laplacian: 5 points, Neumann at the image
 * border (a border pixel has only its neighbours inside the image); on a stack (..., H, W), each
 * slice separately. Observed pixels are returned unchanged. A linear ramp is reproduced exactly
 * where the missing pixels lie inside the image; a missing border pixel gets a zero normal
 * derivative instead.
 * <p>
 * Solved by {@link ConjugateGradient} on the unknown pixels only (the Laplacian restricted to them
 * is positive definite as soon as one pixel is observed), started at the mean of the observed
 * values. Stopping rule: after {@code iterations} steps (default {@value #DEFAULT_ITERATIONS}) or
 * once the relative residual of the restricted system is at most {@code tolerance} (default
 * {@value #DEFAULT_TOLERANCE}). History: that relative residual. A cancelled run returns the
 * current fill. Large holes need more steps (roughly their width in pixels).
 */
public final class HarmonicInpainting {

	public static final int DEFAULT_ITERATIONS = 500;
	public static final double DEFAULT_TOLERANCE = 1e-5;

	private HarmonicInpainting() {}

	/** For an inpainting measurement: y holds the observed pixels (zeros elsewhere). */
	public static Result solve(final MaskOperator a, final float[] y, final int iterations,
		final double tolerance, final Progress progress)
	{
		SolverInputs.measurement(a, y);
		return solve(y, a.mask(), a.domain(), iterations, tolerance, progress);
	}

	/**
	 * @param image the observed values (any value where the mask is 0); not modified
	 * @param mask nonzero = observed, same size as the image
	 */
	public static Result solve(final float[] image, final float[] mask, final Shape shape,
		final int iterations, final double tolerance, final Progress progress)
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
		final float[] lap = new float[n];
		final float[] x = grid.clone();
		final double[] history = new double[iterations];
		final Iterations.Outcome o;
		if (count == 0) {
			progress.report("Harmonic inpainting", 0, iterations);
			o = new Iterations.Outcome(0, false, true);
		}
		else {
			// b = -(L x_observed) on the unknowns; the grid then serves as the scatter buffer,
			// zero at observed pixels so that L acts on the unknowns alone
			NeumannLaplacian.apply(shape, grid, lap);
			final float[] b = new float[count];
			for (int u = 0; u < count; u++) b[u] = -lap[where[u]];
			Arrays.fill(grid, 0f);
			final SymmetricOperator m = (v, out) -> {
				for (int u = 0; u < count; u++) grid[where[u]] = v[u];
				NeumannLaplacian.apply(shape, grid, lap);
				for (int u = 0; u < count; u++) out[u] = lap[where[u]];
			};
			final float[] v = new float[count];
			Arrays.fill(v, (float) (observedSum / (n - count)));
			o = new ConjugateGradient(count).run(m, b, v, iterations, tolerance, progress,
				history);
			for (int u = 0; u < count; u++) x[where[u]] = v[u];
		}
		return new Result(x, shape, Arrays.copyOf(history, o.steps),
			"relative residual of the Laplace equation", o, "harmonic_inpainting", SolverInputs
				.parameters("iterations", iterations, "tolerance", tolerance));
	}
}
