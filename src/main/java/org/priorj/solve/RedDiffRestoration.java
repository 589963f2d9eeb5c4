package org.priorj.solve;

import java.util.Arrays;
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
 * <p>
 * The affine map {@code x' = s (x - lo) - 1} changes a measurement of a linear operator A to
 * {@code y' = s y - (s lo + 1) A 1}, which is exact for every operator (masks, blurs with a zero
 * boundary, averaging), not only for those that preserve constants.
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
		final Shape nchw = batchShape(a.domain(), prior);
		final Denoiser mapped = new RangeMappedDenoiser(prior, -1, 1);
		if (!solver.hasStartTime()) solver.withStartTime(startTimeFor(solver.schedule(), mapped
			.maxSigma()));
		final float[] ones = new float[a.domain().size()];
		Arrays.fill(ones, 1f);
		final float[] a1 = a.apply(ones);
		final double s = range.scale(), shift = s * range.dataLow() + 1;
		final float[] yp = new float[y.length];
		for (int i = 0; i < y.length; i++) yp[i] = (float) (s * y[i] - shift * a1[i]);
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

	/**
	 * The largest diffusion time whose noise level sqrt((1 - abar) / abar), in the units of the
	 * (mapped) prior, is within the prior's trained maximum; T if it covers all of them.
	 */
	public static int startTimeFor(final DiffusionSchedule schedule, final double maxSigma) {
		int t = schedule.steps();
		while (t > 1 && schedule.sigma(t - 1) > maxSigma) t--;
		return t;
	}

	private static Shape batchShape(final Shape domain, final Denoiser prior) {
		Checks.require(domain.rank() == 2 || domain.rank() == 3, "image", "shape " + domain,
			"a grey image (H, W) or a stack (Z, H, W) restored frame by frame");
		Checks.require(prior.channels() == 1, "prior", "'" + prior.name() + "' with " + prior
			.channels() + " channels", "a prior with 1 channel for a grey image or stack");
		return domain.rank() == 2 ? Shape.of(1, 1, domain.dim(0), domain.dim(1)) : Shape.of(domain
			.dim(0), 1, domain.dim(1), domain.dim(2));
	}

	static float[] pseudoInverse(final LinearOperator a, final float[] y) {
		return Cgls.solve(a, y, PSEUDO_INVERSE_ITERATIONS, Progress.NONE).estimate();
	}
}
