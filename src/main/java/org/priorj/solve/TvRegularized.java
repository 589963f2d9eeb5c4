package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Vectors;
import org.priorj.base.Shape;

/**
 * Total-variation regularised reconstruction for any linear forward model A:
 * <pre>
 *   x = argmin 1/2 ||A x - y||^2 + lambda * TV(x)   (optionally subject to x >= 0)
 * </pre>
 * with the isotropic TV of {@link TvGradient} (forward differences, Neumann boundary) over the
 * operator's domain: an image {@code (H, W)} or a volume {@code (Z, H, W)}, whose z differences
 * are weighted by {@code zWeight} (default 1; 0 gives the sum of the slices' 2-D TVs). Lambda is
 * in the units of the data term: with A the identity this is {@link TvDenoiser} with
 * {@code weight = lambda}. Inpainting is this solver with a {@code MaskOperator}, deblurring with
 * a {@code Blur}, sparse-view CT with a {@code ParallelBeamProjector}.
 * <p>
 * <b>Complex images.</b> An operator on complex images (MRI, domain {@code (2, H, W)}) has the
 * shape of a two-slice volume. {@link #withComplexImage(boolean)} declares that the leading axis
 * is (real, imaginary): the regulariser is then the TV of the real plane plus the TV of the
 * imaginary plane (z weight 0), which is convex and linear-operator friendly; the TV of the
 * magnitude is not, and is not offered. A volume of complex slices {@code (Z, 2, H, W)} gets the
 * 3-D TV of its real volume plus that of its imaginary volume, z weighted as for real volumes.
 * Without that switch a {@code (2, H, W)} domain is treated
 * as a volume, which for complex data would couple the real and imaginary planes: set it for
 * MRI. Other domain ranks are refused.
 * <p>
 * <b>Method.</b> The primal-dual algorithm of Chambolle and Pock (2011) with over-relaxation
 * theta = 1, on K = [A; D] with one dual variable for the data (prox of the conjugate of
 * 1/2 ||. - y||^2) and one for the gradient (projection onto |p_i| <= lambda per pixel). Step
 * sizes come from the operator norm a = 1.01 ||A|| (power iteration; the margin covers its
 * underestimate) and the bound d >= ||D|| (sqrt 8 for images, sqrt(8 + 4 zWeight^2) for
 * volumes): dual steps 1/a (data) and 1/d (gradient), primal step 1/(a + d), which satisfies the
 * convergence condition tau (sigma_A ||A||^2 + sigma_D ||D||^2) &lt; 1 whatever the scale of A.
 * The history holds the primal objective after each step, computed without extra operator
 * calls from A x and D x, which the method keeps for its extrapolation. The run stops after
 * {@code iterations} steps (default 300) or, when a tolerance is set, when the relative change
 * of x falls below it. The estimate starts at zero or at a given image.
 * <p>
 * Memory: {@code 3 components + 4} floats per image pixel and 3 floats per measurement
 * value, besides the operator's own scratch. Inputs are never modified. Immutable; the
 * {@code with...} methods return modified copies.
 */
public final class TvRegularized {

	/** Label of {@link Result#history()}. */
	public static final String HISTORY_LABEL = "objective 1/2 ||Ax - y||^2 + lambda TV(x)";

	public static final int DEFAULT_ITERATIONS = 300;

	private final double lambda;
	private final int iterations;
	private final boolean nonNegative;
	private final double zWeight;
	private final boolean complexImage;
	private final double tolerance;

	/** TV reconstruction with regularisation weight {@code lambda} >= 0 and the defaults. */
	public TvRegularized(final double lambda) {
		this(lambda, DEFAULT_ITERATIONS, false, 1, false, 0);
	}

	private TvRegularized(final double lambda, final int iterations, final boolean nonNegative,
		final double zWeight, final boolean complexImage, final double tolerance)
	{
		this.lambda = Checks.nonNegative("lambda", lambda);
		this.iterations = Checks.positive("iterations", iterations);
		this.zWeight = Checks.nonNegative("z_weight", zWeight);
		this.tolerance = Checks.nonNegative("tolerance", tolerance);
		Checks.require(!(nonNegative && complexImage), "nonnegative", "set for a complex image",
			"non-negativity for real images only");
		this.nonNegative = nonNegative;
		this.complexImage = complexImage;
	}

	/** At most {@code iterations} steps (>= 1). */
	public TvRegularized withIterations(final int iterations) {
		return new TvRegularized(lambda, iterations, nonNegative, zWeight, complexImage, tolerance);
	}

	/** Constrains the estimate to x >= 0 (real images only). */
	public TvRegularized withNonNegativity(final boolean on) {
		return new TvRegularized(lambda, iterations, on, zWeight, complexImage, tolerance);
	}

	/** Weight of the z differences of a volume (>= 0; ignored for images). */
	public TvRegularized withZWeight(final double zWeight) {
		return new TvRegularized(lambda, iterations, nonNegative, zWeight, complexImage, tolerance);
	}

	/** The domain is a complex image (2, H, W): TV of the real and imaginary planes. */
	public TvRegularized withComplexImage(final boolean on) {
		return new TvRegularized(lambda, iterations, nonNegative, zWeight, on, tolerance);
	}

	/**
	 * Stops once ||x_k+1 - x_k|| <= tolerance ||x_k+1|| (>= 0; 0, the default, runs every step).
	 */
	public TvRegularized withTolerance(final double tolerance) {
		return new TvRegularized(lambda, iterations, nonNegative, zWeight, complexImage, tolerance);
	}

	public double lambda() {
		return lambda;
	}

	/** Reconstructs from {@code measurement} = A x + noise, starting at zero. */
	public Result solve(final LinearOperator operator, final float[] measurement,
		final Progress progress)
	{
		return solve(operator, measurement, null, progress);
	}

	/**
	 * Reconstructs from {@code measurement}, starting at {@code initial} (an image of the
	 * operator's domain, or null for zero). A cancelled run returns the current estimate.
	 */
	public Result solve(final LinearOperator operator, final float[] measurement,
		final float[] initial, final Progress progress)
	{
		final TvGradient gradient = gradientFor(operator);
		final Shape domain = operator.domain();
		final Shape range = operator.range();
		range.check("measurement", measurement, "the operator's range, " + operator.describe());
		Checks.finite("measurement", measurement);
		final float[] x = domain.newArray();
		if (initial != null) {
			domain.check("initial", initial, "the operator's domain, " + operator.describe());
			Checks.finite("initial", initial);
			System.arraycopy(initial, 0, x, 0, x.length);
			if (nonNegative) Vectors.clampNonNegative(x);
		}
		final double a = 1.01 * operator.norm();
		Checks.require(a > 0 && Double.isFinite(a), "operator", "norm " + a + " (" + operator
			.describe() + ")", "an operator that is not zero");
		final double d = gradient.normBound();
		final float sigmaData = (float) (1 / a);
		final float sigmaTv = (float) (1 / d);
		final float tau = (float) (1 / (a + d));

		final int n = domain.size();
		final int rows = gradient.rows();
		final int width = gradient.width();
		final float[] y = measurement;
		final float[] q = range.newArray();
		final float[][] ax = { operator.apply(x), null }; // A x_k, A x_k-1
		ax[1] = ax[0].clone();
		final float[][] p = gradient.newField();
		final float[][][] dx = { gradient.newField(), gradient.newField() }; // D x_k, D x_k-1
		gradient.apply(x, dx[0], new float[n]);
		for (int c = 0; c < p.length; c++) System.arraycopy(dx[0][c], 0, dx[1][c], 0, n);
		final float[] backProjection = domain.newArray();
		final float[] divergence = domain.newArray();
		final float[] magnitude = new float[n];
		final double[] history = new double[iterations];
		final float lambdaF = (float) lambda;

		final Iterations.Outcome outcome = Iterations.run("TV reconstruction", iterations,
			progress, k -> {
				// dual steps at the extrapolated point x_k + (x_k - x_k-1), by linearity
				dataDualStep(q, ax[0], ax[1], y, sigmaData);
				if (lambda > 0) TvRows.forEach(rows, width, r -> tvDualStep(p, dx[0], dx[1],
					magnitude, r * width, r * width + width, sigmaTv, lambdaF));
				// primal step
				operator.adjoint(q, backProjection);
				// magnitude is free between the dual step and the objective: scratch
				gradient.adjoint(p, divergence, magnitude);
				final double change = primalStep(x, backProjection, divergence, tau);
				// keep A x and D x of the new and previous estimates
				swap(ax);
				operator.apply(x, ax[0]);
				final float[][] t = dx[0];
				dx[0] = dx[1];
				dx[1] = t;
				gradient.apply(x, dx[0], magnitude);
				history[k] = 0.5 * squaredDistance(ax[0], y) + (lambda > 0 ? lambda * gradient
					.magnitudeSum(dx[0], magnitude) : 0);
				return tolerance <= 0 || change > tolerance * Math.sqrt(squaredNorm(x));
			});
		return new Result(x, domain, Arrays.copyOf(history, outcome.steps), HISTORY_LABEL,
			outcome, "tv", parameters(operator, tau, sigmaData, sigmaTv));
	}

	private TvGradient gradientFor(final LinearOperator operator) {
		if (operator == null) throw Checks.bad("operator", "got null", "a linear operator");
		final Shape domain = operator.domain();
		if (complexImage) {
			final boolean image = domain.rank() == 3 && domain.dim(0) == 2;
			Checks.require(image || domain.rank() == 4 && domain.dim(1) == 2, "operator", "domain " +
				domain + " (" + operator.describe() + ")", "an operator on a complex image (2, H, W) " +
					"or a volume of complex slices (Z, 2, H, W) when complex_image is set");
			return new TvGradient(domain, image ? 0 : zWeight);
		}
		Checks.require(domain.rank() == 2 || domain.rank() == 3, "operator", "domain " + domain +
			" (" + operator.describe() + ")", "an operator on an image (H, W) or a volume " +
				"(Z, H, W)");
		return new TvGradient(domain, zWeight);
	}

	/** q <- (q + sigma (2 Ax - Ax_prev - y)) / (1 + sigma): the prox of 1/2 ||. - y||^2's conjugate. */
	private static void dataDualStep(final float[] q, final float[] ax, final float[] axPrevious,
		final float[] y, final float sigma)
	{
		final float shrink = 1 / (1 + sigma);
		for (int j = 0; j < q.length; j++) q[j] = (q[j] + sigma * (2 * ax[j] - axPrevious[j] -
			y[j])) * shrink;
	}

	/**
	 * p <- projection of p + sigma (2 Dx - Dx_prev) onto |p_i| <= lambda, for pixels a <= i < b.
	 */
	private static void tvDualStep(final float[][] p, final float[][] dx,
		final float[][] dxPrevious, final float[] magnitude, final int a, final int b,
		final float sigma, final float lambda)
	{
		for (int c = 0; c < p.length; c++) {
			final float[] pc = p[c], g = dx[c], h = dxPrevious[c];
			for (int i = a; i < b; i++) pc[i] += sigma * (2 * g[i] - h[i]);
		}
		TvGradient.magnitudes(p, magnitude, a, b);
		for (int i = a; i < b; i++) magnitude[i] = lambda / Math.max(lambda, magnitude[i]);
		for (int c = 0; c < p.length; c++) {
			final float[] pc = p[c];
			for (int i = a; i < b; i++) pc[i] *= magnitude[i];
		}
	}

	/** x <- x - tau (A^T q + D^T p), clamped at 0 when asked; returns ||x_new - x_old||. */
	private double primalStep(final float[] x, final float[] backProjection,
		final float[] divergence, final float tau)
	{
		double change = 0;
		for (int i = 0; i < x.length; i++) {
			float v = x[i] - tau * (backProjection[i] + divergence[i]);
			if (nonNegative && v < 0) v = 0;
			final double dv = (double) v - x[i];
			change += dv * dv;
			x[i] = v;
		}
		return Math.sqrt(change);
	}


	private static void swap(final float[][] pair) {
		final float[] t = pair[0];
		pair[0] = pair[1];
		pair[1] = t;
	}

	private static double squaredDistance(final float[] u, final float[] v) {
		double s = 0;
		for (int i = 0; i < u.length; i++) {
			final double e = (double) u[i] - v[i];
			s += e * e;
		}
		return s;
	}

	private static double squaredNorm(final float[] u) {
		return TvRows.sumOfSquares(u, 0, u.length);
	}

	private Map<String, String> parameters(final LinearOperator operator, final float tau,
		final float sigmaData, final float sigmaTv)
	{
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("algorithm", "chambolle_pock");
		m.put("lambda", Double.toString(lambda));
		m.put("max_iterations", Integer.toString(iterations));
		m.put("nonnegative", Boolean.toString(nonNegative));
		if (complexImage) m.put("complex_image", "true");
		if (operator.domain().rank() == 4 || !complexImage && operator.domain().rank() == 3) m.put(
			"z_weight", Double.toString(zWeight));
		if (tolerance > 0) m.put("tolerance", Double.toString(tolerance));
		m.put("tau", Float.toString(tau));
		m.put("sigma_data", Float.toString(sigmaData));
		m.put("sigma_tv", Float.toString(sigmaTv));
		m.put("operator", operator.describe());
		return m;
	}
}
