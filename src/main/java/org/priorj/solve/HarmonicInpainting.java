package org.priorj.solve;

import org.priorj.base.Progress;

import org.priorj.physics.MaskOperator;
import org.priorj.base.Shape;

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
 * values (see {@link MaskedQuadraticFill}). Stopping rule: after {@code iterations} steps
 * (default {@value #DEFAULT_ITERATIONS}) or once the relative residual of the restricted system is
 * at most {@code tolerance} (default {@value #DEFAULT_TOLERANCE}). History: that relative residual. A cancelled run returns the
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
		return MaskedQuadraticFill.solve(image, mask, shape, iterations, tolerance, progress,
			HarmonicInpainting::laplacian, "harmonic_inpainting", "Laplace equation");
	}

	/** The energy ||D x||^2 = x^T L x of the forward differences. */
	private static SymmetricOperator laplacian(final Shape shape) {
		return (x, out) -> NeumannLaplacian.apply(shape, x, out);
	}
}
