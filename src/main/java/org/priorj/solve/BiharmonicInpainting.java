package org.priorj.solve;

import org.priorj.base.Progress;

import org.priorj.physics.MaskOperator;
import org.priorj.base.Shape;

/**
 * Biharmonic inpainting: the missing pixels (mask 0) are filled with the values that minimise the
 * squared discrete Laplacian ||L x||^2 of the whole image, the observed pixels fixed; equivalently,
 * the discrete biharmonic equation (L^2 x)_p = 0 holds at every missing pixel p. The fill continues
 * the observed slopes into a hole instead of flattening them as harmonic inpainting does:
 * polynomials of degree up to 3 (constants, ramps, quadratics, cubics) are reproduced exactly where
 * the missing pixels are at least two pixels from the image border.
 * <p>
 * L is the 5-point Laplacian with Neumann boundary (a border pixel has only its neighbours inside
 * the image, which is the half-sample mirror reflection of the image across its border), on the
 * last two axes; on a stack (..., H, W) each slice is filled separately. This is the system
 * scikit-image 0.19's {@code inpaint_biharmonic} solves (its 13-point stencil is the reflected
 * Laplacian applied twice on the neighbourhood truncated at the border), so within the image the
 * two agree up to the solver's tolerance; unlike scikit-image the fill is not clipped to the range
 * of the observed values. At the border, a row of L that leaves the image makes a missing border
 * pixel take zero slope across the edge, which bends a ramp near the edge.
 * <p>
 * Solved by {@link ConjugateGradient} on the missing pixels only (see {@link MaskedQuadraticFill}),
 * started at the mean of the observed values. Stopping rule: after {@code iterations} steps
 * (default {@value #DEFAULT_ITERATIONS}) or once the relative residual of the restricted system is
 * at most {@code tolerance} (default {@value #DEFAULT_TOLERANCE}). History: that relative residual.
 * A cancelled run returns the current fill. The system's condition grows with the fourth power of
 * a hole's width, so large holes need many more steps than harmonic inpainting does.
 */
public final class BiharmonicInpainting {

	public static final int DEFAULT_ITERATIONS = 2000;
	public static final double DEFAULT_TOLERANCE = 1e-5;

	private BiharmonicInpainting() {}

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
			BiharmonicInpainting::squaredLaplacian, "biharmonic_inpainting", "biharmonic equation");
	}

	/** The energy ||L x||^2 = x^T L^2 x (L is symmetric). */
	private static SymmetricOperator squaredLaplacian(final Shape shape) {
		final float[] lx = shape.newArray();
		return (x, out) -> {
			NeumannLaplacian.apply(shape, x, lx);
			NeumannLaplacian.apply(shape, lx, out);
		};
	}
}
