package org.priorj.solve;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.priorj.base.Checks;
import org.priorj.base.Progress;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Vectors;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.physics.ct.ParallelBeamProjector;

/**
 * Ordered-subsets SART, the simultaneous algebraic reconstruction technique of tomography
 * (Andersen and Kak 1984; with subsets of angles as in TIGRE's OS-SART), for parallel-beam CT. The
 * angles are split into subsets of {@code anglesPerSubset} ({@link AngleSubsets}: each subset
 * spans the whole range, the subsets are visited in golden-ratio order); one iteration is a sweep
 * through all subsets, and for each subset s
 * <pre>x &lt;- x + relaxation * C_s A_s^T R (y_s - A_s x)</pre>
 * with A_s the projector of the subset's angles, y_s their sinogram rows, R = 1 / (A 1) the inverse
 * ray sums (lengths) and C_s = 1 / (|s| c) with c, per pixel, the largest coverage per angle
 * (A_t^T 1) / |t| over the subsets t; both 0 where the sum is not positive (as in {@link Sirt}).
 * Smaller subsets make more updates per sweep for about the same cost (one A and one A^T in
 * pieces), each starting from what the one before corrected, so a sweep gets much further than a
 * SIRT step; a subset of all angles is SIRT.
 * <p>
 * Why c and not each subset's own column sums 1 / (A_s^T 1) (ASTRA's SART): the two agree at every
 * pixel each angle sees whole (inside the detector's field; with the default detector, the
 * inscribed disk). A pixel whose footprint leaves the detector at some angles has a coverage that
 * changes with the subset; then each update is non-expansive in a norm of its own and the sweeps
 * need not converge: with 16×16 pixels, 32 angles and 16 detector bins the residual of exact data
 * fell for 150 sweeps and then doubled every 200. With c, which is at least every subset's own
 * coverage, every update is non-expansive in one common norm for relaxation in (0, 2), and the
 * sweeps converge on consistent data. On noisy data with small subsets they end in a small cycle
 * around the solution, which a smaller relaxation narrows. With {@code nonnegative} the estimate is
 * clipped at 0 after every subset.
 * <p>
 * Defaults: start zeros, {@value #DEFAULT_ANGLES_PER_SUBSET} angle per subset (SART proper, as
 * scikit-image's {@code iradon_sart} and ASTRA's SART), relaxation {@value #DEFAULT_RELAXATION},
 * {@value #DEFAULT_ITERATIONS} sweeps, no clipping. On phantoms and a training slice at 30 to 180
 * views, one angle per subset gained the most per sweep (and so per second: a sweep costs about
 * the same whatever the subsets) of the subset sizes tried, relaxation 1 the most over the first
 * sweeps (0.25 and 0.5 are slower, 1.5 overshoots at few views), and 5 sweeps came within 0.2 dB
 * of 10 without noise and beat 10 with noise at dense views, where more sweeps fit the noise
 * (docs/BENCHMARKS.md).
 * <p>
 * The operator is a {@link ParallelBeamProjector} or a {@link SliceWiseOperator} stack of them,
 * each slice reconstructed with its own projector (slices in parallel, all at the same sweep).
 * History: one value per sweep, the residual norm that sweep saw, sqrt(sum over subsets of
 * ||y_s - A_s x||^2) with each subset's residual taken just before its update. It costs nothing
 * (the update needs those residuals) and tends to ||y - A x|| as the sweeps converge; the residual
 * of the final estimate would cost one more projection per sweep. A cancelled run returns the
 * iterate of the last complete sweep. Set-up: one A and one A^T of ones (in subsets). Memory per
 * distinct projector: one sinogram and one image of weights, and the subsets' projectors, whose
 * tables together are those of the one projector.
 */
public final class Sart {

	public static final int DEFAULT_ITERATIONS = 5;
	public static final int DEFAULT_ANGLES_PER_SUBSET = 1;
	public static final double DEFAULT_RELAXATION = 1.0;

	private Sart() {}

	/** From zeros with the default subsets and relaxation, no clipping. */
	public static Result solve(final LinearOperator a, final float[] y, final int iterations,
		final Progress progress)
	{
		return solve(a, y, null, DEFAULT_ANGLES_PER_SUBSET, DEFAULT_RELAXATION, false, iterations,
			progress);
	}

	/**
	 * @param x0 start (null: zeros); not modified
	 * @param anglesPerSubset the most angles in a subset, at least 1: the angles are dealt into
	 *          ceil(angles / anglesPerSubset) subsets, as evenly as they go (the number of angles
	 *          or more: one subset, SIRT)
	 * @param relaxation step factor in (0, 2)
	 * @param nonnegative clip the estimate at 0 after each subset
	 * @param iterations sweeps through all subsets
	 */
	public static Result solve(final LinearOperator a, final float[] y, final float[] x0,
		final int anglesPerSubset, final double relaxation, final boolean nonnegative,
		final int iterations, final Progress progress)
	{
		final ParallelBeamProjector[] slices = projectors(a);
		SolverInputs.measurement(a, y);
		Checks.positive("angles_per_subset", anglesPerSubset);
		Checks.require(relaxation > 0 && relaxation < 2, "relaxation", "got " + relaxation,
			"a number in (0, 2)");
		SolverInputs.iterations(iterations);
		final float[] x = SolverInputs.start(a.domain(), x0);
		if (nonnegative) Vectors.clampNonNegative(x);
		// a stack of one projector (the usual 3-D case) shares one plan
		final Map<ParallelBeamProjector, Plan> plans = new IdentityHashMap<>();
		for (final ParallelBeamProjector p : slices)
			plans.computeIfAbsent(p, q -> new Plan(q, anglesPerSubset, (float) relaxation));
		final int n = slices[0].domain().size(), m = slices[0].range().size();
		final double[] history = new double[iterations];
		final Iterations.Outcome o = Iterations.run("SART", iterations, progress, k -> {
			final double[] squares = new double[slices.length];
			IntStream.range(0, slices.length).parallel().forEach(z -> squares[z] = plans.get(
				slices[z]).sweep(x, z * n, y, z * m, nonnegative));
			history[k] = Math.sqrt(Arrays.stream(squares).sum());
			return true;
		});
		return new Result(x, a.domain(), Arrays.copyOf(history, o.steps),
			"residual norm over each sweep, sqrt(sum ||y_s - A_s x||^2) before each subset's update",
			o, "sart", SolverInputs.parameters("angles_per_subset", anglesPerSubset, "relaxation",
				relaxation, "nonnegative", nonnegative, "iterations", iterations));
	}

	/** The projector of each slice; refuses operators that are not radon projections. */
	private static ParallelBeamProjector[] projectors(final LinearOperator a) {
		if (a == null) throw refused(null);
		final LinearOperator[] slices = ClassicalMethods.slices(a);
		final ParallelBeamProjector[] p = new ParallelBeamProjector[slices.length];
		for (int z = 0; z < p.length; z++) {
			if (!(slices[z] instanceof ParallelBeamProjector)) throw refused(a);
			p[z] = (ParallelBeamProjector) slices[z];
		}
		return p;
	}

	private static IllegalArgumentException refused(final LinearOperator a) {
		return Checks.bad("operator", a == null ? "got null" : a.describe(),
			"a parallel-beam projector (radon) or a stack of them");
	}

	/** One projector's subsets and weights, shared by the slices that use that projector. */
	private static final class Plan {

		private final int pixels, detectors;
		private final int[][] rows;
		private final ParallelBeamProjector[] ops;
		/** R, by row of the whole sinogram. */
		private final float[] rayWeight;
		/** relaxation / c, c the pixel's largest coverage per angle over the subsets. */
		private final float[] pixelWeight;

		Plan(final ParallelBeamProjector full, final int anglesPerSubset, final float relaxation) {
			pixels = full.domain().size();
			detectors = full.detectors();
			final int angles = full.numAngles();
			rows = AngleSubsets.of(full.angles(), (angles + anglesPerSubset - 1) / anglesPerSubset);
			ops = new ParallelBeamProjector[rows.length];
			final float[] coverage = new float[pixels];
			for (int s = 0; s < rows.length; s++) {
				ops[s] = full.subset(rows[s]);
				final float[] ones = ops[s].range().newArray();
				Arrays.fill(ones, 1f);
				final float[] sums = ops[s].adjoint(ones);
				final float perAngle = 1f / rows[s].length;
				for (int j = 0; j < pixels; j++) coverage[j] = Math.max(coverage[j], sums[j] * perAngle);
			}
			rayWeight = Sirt.inverseSums(full, true);
			pixelWeight = Sirt.invert(coverage);
			for (int j = 0; j < pixels; j++) pixelWeight[j] *= relaxation;
		}

		/**
		 * One sweep on the slice of {@code volume} at {@code at}, whose data start at {@code dataAt}
		 * in {@code y}; returns the sum of each subset's ||y_s - A_s x||^2 before its update.
		 */
		double sweep(final float[] volume, final int at, final float[] y, final int dataAt,
			final boolean nonnegative)
		{
			final float[] x = Arrays.copyOfRange(volume, at, at + pixels);
			final float[] g = new float[pixels];
			double squares = 0;
			for (int s = 0; s < ops.length; s++) {
				final float[] r = ops[s].apply(x);
				// C_s = 1 / (|s| c): the subset's size goes into the rays, the shorter loop
				final float perAngle = 1f / rows[s].length;
				for (int i = 0; i < rows[s].length; i++) {
					final int row = rows[s][i] * detectors, to = i * detectors;
					for (int k = 0; k < detectors; k++) {
						final float e = y[dataAt + row + k] - r[to + k];
						squares += (double) e * e;
						r[to + k] = rayWeight[row + k] * perAngle * e;
					}
				}
				ops[s].adjoint(r, g);
				for (int j = 0; j < pixels; j++) x[j] += pixelWeight[j] * g[j];
				if (nonnegative) Vectors.clampNonNegative(x);
			}
			System.arraycopy(x, 0, volume, at, pixels);
			return squares;
		}
	}

}
