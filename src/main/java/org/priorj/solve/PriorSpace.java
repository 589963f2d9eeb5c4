package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.priorj.base.Checks;
import org.priorj.base.Memory;
import org.priorj.base.Shape;
import org.priorj.image.ValueRange;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Problem;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DenoiserEpsilonModel;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;
import org.priorj.prior.RangeMappedDenoiser;

/**
 * A problem as a learned solver sees it, which every such solver shares: the unknown mapped
 * affinely onto the prior's {@code [-1, 1]} and the measurement with it ({@link MappedMeasurement}),
 * the start image (a classical reconstruction) in those units, the batch layout the prior is called
 * with ({@link PriorBatch}: stacks as batches, a complex image as two planes), the start time the
 * prior covers, and the result mapped back to the user's units and annotated with the prior and the
 * range. The map is the problem's own when the user gave one; otherwise the 0.1 / 99.9 percentiles
 * of the measured values when they are in the image's units, else of the start image.
 */
final class PriorSpace {

	private final Problem problem;
	private final Denoiser prior, mapped;
	private final ValueRange range;
	private final Shape batch;
	private final float[] data, start;

	private PriorSpace(final Problem problem, final Denoiser prior, final ValueRange range,
		final float[] start)
	{
		this.problem = problem;
		this.prior = prior;
		this.range = range;
		Checks.require(range.priorLow() == -1 && range.priorHigh() == 1, "range", range.toString(),
			"a map onto [-1, 1]");
		this.batch = PriorBatch.of(problem.imageShape(), prior, problem.isComplex());
		this.mapped = new RangeMappedDenoiser(prior, -1, 1);
		this.data = MappedMeasurement.toPrior(problem.operator(), problem.data(), range);
		this.start = start == null ? null : range.toPrior(start);
	}

	/**
	 * Image-sized Java arrays every learned run holds besides its solver's own: the network's
	 * padded input, its two channels, output and result; the sample runs' sums, mean and standard
	 * deviation; the input, the start image and the result in the user's units.
	 */
	static final int SHARED_IMAGE_COPIES = 13;
	/** Measurement-sized arrays: the data, mapped to the prior's units, and a residual. */
	static final int DATA_COPIES = 3;

	/**
	 * @param init the classical reconstruction to start from (empty: none; the solver decides)
	 * @param imageCopies image-sized arrays the solver's own loop holds (for the memory check)
	 */
	static PriorSpace of(final Problem problem, final Denoiser prior,
		final Optional<ClassicalMethod> init, final int imageCopies, final Progress progress)
	{
		SolverInputs.measurement(problem.operator(), problem.data());
		checkMemory(problem, prior, imageCopies, Memory.maxHeap(), Memory.physical());
		final float[] start = init.map(m -> ClassicalMethods.reconstruct(m, problem.operator(),
			problem.data(), problem.task(), new ClassicalMethods.Parameters(), progress).estimate())
			.orElse(null);
		return new PriorSpace(problem, prior, problem.range().orElseGet(() -> defaultRange(problem,
			start)), start);
	}

	/**
	 * Refuses, before any work, a problem whose arrays the Java heap cannot hold or whose network
	 * calls need more memory than the machine has.
	 */
	static void checkMemory(final Problem problem, final Denoiser prior, final int imageCopies,
		final long maxHeap, final long physical)
	{
		final Shape image = problem.imageShape();
		final String what = image + " pixels";
		Memory.checkHeap("input", what, 4L * ((SHARED_IMAGE_COPIES + imageCopies) * (long) image
			.size() + DATA_COPIES * (long) problem.data().length), maxHeap);
		Memory.checkHost("input", what, prior.hostBytes(PriorBatch.of(image, prior, problem
			.isComplex())), physical);
	}

	private static ValueRange defaultRange(final Problem problem, final float[] start) {
		if (problem.task().dataInImageUnits()) return ValueRange.fromPercentiles(problem
			.observedValues(), -1, 1);
		Checks.require(start != null, "range", "not given, and no start image to take it from",
			"range_min and range_max (nothing else tells the data's scale)");
		return ValueRange.fromPercentiles(start, -1, 1);
	}

	LinearOperator operator() {
		return problem.operator();
	}

	/** The measurement for the unknown in {@code [-1, 1]}. */
	float[] data() {
		return data;
	}

	/** The start image in {@code [-1, 1]}, or null when there is none. */
	float[] start() {
		return start;
	}

	/** The operator's domain as the prior's batch (N, C, H, W). */
	Shape batch() {
		return batch;
	}

	/** The prior as a noise predictor on {@code [-1, 1]}. */
	EpsilonModel epsilonModel() {
		return new DenoiserEpsilonModel(mapped);
	}

	/** The prior's denoiser D(x, sigma) on an image x in {@code [-1, 1]} with the batch's layout. */
	float[] denoised(final float[] x, final double sigma) {
		return mapped.denoise(x, batch, sigma);
	}

	/** A noise level in the prior's units, in the user's. */
	double sigmaFromPrior(final double sigma) {
		return range.sigmaFromPrior(sigma);
	}

	/** {@code asked}, or the largest diffusion time whose noise level the prior was trained on. */
	int startTime(final OptionalInt asked, final DiffusionSchedule schedule) {
		return asked.orElseGet(() -> schedule.startCovering(mapped.maxSigma()));
	}

	/** The solver's result in the user's units, its parameters joined by the prior, range and {@code extra}. */
	Result back(final Result r, final Map<String, String> extra) {
		final Map<String, String> p = new LinkedHashMap<>(r.parameters());
		p.putAll(extra);
		p.put("prior", prior.name());
		p.put("value_range", range.toString());
		return new Result(range.fromPrior(r.estimate()), problem.imageShape(), r.history(), r
			.historyLabel(), new Iterations.Outcome(r.iterations(), r.cancelled(), r.converged()), r
				.method(), p);
	}
}
