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
import org.priorj.prior.RangeMappedDenoiser;

/**
 * DDS on a CT or MRI measurement in the user's units: the unknown is mapped affinely into
 * {@code [-1, 1]} and the measurement with it ({@link MappedMeasurement}); the chain starts from the
 * task's classical reconstruction noised to the largest time the prior covers (pure noise from
 * T = 1000 when the prior covers every noise level, as the reference code does); the result is
 * mapped back. A complex MRI image is handed to a grey prior as its two planes
 * ({@link PriorBatch}); a CT stack under a slice-wise operator as one batch of slices.
 */
public final class DdsReconstruction {

	/** Start from pure noise (only meaningful for priors that cover T). */
	public static final String NOISE = "noise";

	/** Power-iteration settings for ||A||, which scales gamma. */
	private static final int NORM_ITERATIONS = 50;
	private static final double NORM_TOLERANCE = 1e-4;

	private DdsReconstruction() {}

	/** A measurement reconstructed with its task's preset ({@link DdsPreset#taskOf}). */
	public static Result reconstruct(final Measurement m, final Denoiser prior, final ValueRange range,
		final long seed, final Progress progress)
	{
		final DdsPreset p = DdsPreset.of(DdsPreset.taskOf(m.operatorSpec()));
		return reconstruct(m.operator(), m.data(), p, prior, range, seed, progress);
	}

	/**
	 * A CT ({@code radon}) or MRI measurement reconstructed with {@code preset}: the chain starts from
	 * the preset's classical reconstruction.
	 *
	 * @param range data values to {@code [-1, 1]}; null: the 0.1 / 99.9 percentiles of the start
	 *          image (of both planes for MRI)
	 */
	public static Result reconstruct(final LinearOperator a, final float[] y, final DdsPreset preset,
		final Denoiser prior, final ValueRange range, final long seed, final Progress progress)
	{
		final boolean complex = preset.task.equals("mri");
		final float[] start = start(preset, a, y, progress);
		Checks.require(start != null || range != null, "range", "not given with init=noise",
			"range_min and range_max (nothing else tells the data's scale)");
		final ValueRange r = range != null ? range : ValueRange.fromPercentiles(start, -1, 1);
		final Dds solver = preset.applyTo(new Dds(DiffusionSchedule.linear())).withSeed(seed);
		if (preset.startTime > 0) solver.withStartTime(preset.startTime);
		return reconstruct(a, y, complex, prior, r, solver, preset.gamma, start, preset.init,
			progress);
	}

	/** The preset's start image in data units (null for {@link #NOISE}). */
	public static float[] start(final DdsPreset preset, final LinearOperator a, final float[] y,
		final Progress progress)
	{
		return NOISE.equals(preset.init) ? null : ClassicalMethods.reconstruct(preset.init, a, y,
			preset.task.equals("mri") ? "mri" : "radon", new ClassicalMethods.Parameters(), progress)
			.estimate();
	}

	/**
	 * @param gamma relative weight of the data (divided by ||A||^2); 0: noiseless normal equations
	 * @param init start image in data units (null: pure noise from the solver's start time)
	 */
	public static Result reconstruct(final LinearOperator a, final float[] y, final boolean complex,
		final Denoiser prior, final ValueRange range, final Dds solver, final double gamma,
		final float[] init, final String initLabel, final Progress progress)
	{
		SolverInputs.measurement(a, y);
		Checks.nonNegative("gamma", gamma);
		Checks.require(range.priorLow() == -1 && range.priorHigh() == 1, "range", range.toString(),
			"a map onto [-1, 1]");
		final Shape nchw = PriorBatch.of(a.domain(), prior, complex);
		final Denoiser mapped = new RangeMappedDenoiser(prior, -1, 1);
		if (!solver.hasStartTime()) solver.withStartTime(solver.schedule().startCovering(mapped
			.maxSigma()));
		double norm2 = 0;
		if (gamma > 0) {
			final double n = a.norm(NORM_ITERATIONS, NORM_TOLERANCE, 1);
			norm2 = n * n;
			solver.withGamma(gamma / norm2);
		}
		else solver.withGamma(0);
		final float[] yp = MappedMeasurement.toPrior(a, y, range);
		final float[] start = init == null ? null : range.toPrior(a.domain().check("init", init,
			"the operator's domain"));
		final Result r = solver.solve(a, yp, start, new DenoiserEpsilonModel(mapped), nchw, progress);
		final Map<String, String> p = new LinkedHashMap<>(r.parameters());
		p.put("gamma", Double.toString(gamma));
		p.put("gamma_absolute", Double.toString(gamma > 0 ? gamma / norm2 : 0));
		p.put("prior", prior.name());
		p.put("value_range", range.toString());
		p.put("init", init == null ? NOISE : initLabel);
		p.put("network_calls", Integer.toString(r.iterations()));
		return new Result(range.fromPrior(r.estimate()), a.domain(), r.history(), r.historyLabel(),
			new Iterations.Outcome(r.iterations(), r.cancelled(), r.converged()), r.method(), p);
	}
}
