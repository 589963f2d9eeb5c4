package org.priorj.solve;

import java.util.LinkedHashMap;
import java.util.Map;

import org.priorj.image.Checks;
import org.priorj.image.ValueRange;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Measurement;
import org.priorj.physics.Shape;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DenoiserEpsilonModel;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;
import org.priorj.prior.RangeMappedDenoiser;

/**
 * RED-Diff on a user's measurement in the user's units: the data are mapped affinely into
 * {@code [-1, 1]} (the scale RED-Diff's learning rate and lambda refer to), the prior is wrapped to
 * work on that range, mu starts at the pseudo-inverse of the mapped data, and the fitted mean is
 * mapped back. A stack (Z, H, W) under a slice-wise operator is restored frame by frame in one
 * batch: every network call denoises all Z frames together.
 * The measurement follows the map exactly ({@link MappedMeasurement}).
 */
public final class RedDiffRestoration {

	/** The reference code's start, mu = A+ y. */
	public static final String PSEUDO_INVERSE = "pseudo_inverse";

	/** CGLS iterations for the pseudo-inverse start (exact after one for masks and averaging). */
	public static final int PSEUDO_INVERSE_ITERATIONS = 20;

	private RedDiffRestoration() {}

	/**
	 * @param range data values to {@code [-1, 1]} (priorLow -1, priorHigh 1)
	 * @param init start in data units, or null for the pseudo-inverse of y
	 */
	public static Result restore(final LinearOperator a, final float[] y, final Denoiser prior,
		final ValueRange range, final RedDiff solver, final float[] init, final Progress progress)
	{
		return restore(a, y, prior, range, solver, init, init != null ? "given" : PSEUDO_INVERSE,
			progress);
	}

	/**
	 * A measurement restored with its task's preset ({@link RedDiffPreset#taskOf}): the preset's
	 * solver on the linear schedule, started where the preset says.
	 */
	public static Result restore(final Measurement m, final Denoiser prior, final ValueRange range,
		final Progress progress)
	{
		final RedDiffPreset preset = RedDiffPreset.of(RedDiffPreset.taskOf(m.operatorSpec()));
		final float[] start = start(preset.init, m.operator(), m.data(), m.operatorSpec().kind(),
			progress);
		return restore(m.operator(), m.data(), prior, range, preset.applyTo(new RedDiff(
			DiffusionSchedule.linear())), start, preset.init, progress);
	}

	private static Result restore(final LinearOperator a, final float[] y, final Denoiser prior,
		final ValueRange range, final RedDiff solver, final float[] init, final String initLabel,
		final Progress progress)
	{
		SolverInputs.measurement(a, y);
		Checks.require(range.priorLow() == -1 && range.priorHigh() == 1, "range", range.toString(),
			"a map onto [-1, 1]");
		final Shape nchw = PriorBatch.of(a.domain(), prior, false);
		final Denoiser mapped = new RangeMappedDenoiser(prior, -1, 1);
		if (!solver.hasStartTime()) solver.withStartTime(solver.schedule().startCovering(
			mapped.maxSigma()));
		final float[] yp = MappedMeasurement.toPrior(a, y, range);
		final float[] start = init != null ? range.toPrior(a.domain().check("init", init,
			"the operator's domain")) : pseudoInverse(a, yp);
		final EpsilonModel eps = new DenoiserEpsilonModel(mapped);
		final Result r = solver.solve(a, yp, start, eps, nchw, progress);
		final Map<String, String> p = new LinkedHashMap<>(r.parameters());
		p.put("prior", prior.name());
		p.put("value_range", range.toString());
		p.put("init", initLabel);
		return new Result(range.fromPrior(r.estimate()), a.domain(), r.history(), r.historyLabel(),
			new Iterations.Outcome(r.iterations(), r.cancelled(), r.converged()), r.method(), p);
	}

	/**
	 * The start of mu in data units for {@link #restore}: null for {@link #PSEUDO_INVERSE} (restore
	 * computes it), else the classical reconstruction {@code method} of {@link ClassicalMethods}
	 * with its default parameters.
	 *
	 * @param kind the operator's kind ({@code mask}, {@code blur}, ...)
	 */
	public static float[] start(final String method, final LinearOperator a, final float[] y,
		final String kind, final Progress progress)
	{
		if (PSEUDO_INVERSE.equals(method)) return null;
		return ClassicalMethods.reconstruct(method, a, y, kind, new ClassicalMethods.Parameters(),
			progress).estimate();
	}

	static float[] pseudoInverse(final LinearOperator a, final float[] y) {
		return Cgls.solve(a, y, PSEUDO_INVERSE_ITERATIONS, Progress.NONE).estimate();
	}
}
