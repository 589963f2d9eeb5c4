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
import org.priorj.physics.Task;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DenoiserEpsilonModel;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;
import org.priorj.prior.LatentPrior;
import org.priorj.prior.Prior;
import org.priorj.prior.RangeMappedDenoiser;

/**
 * A problem as a learned solver sees it, which every such solver shares: the unknown mapped
 * affinely onto the solver's working range ({@code [-1, 1]} for a diffusion prior, the
 * autoencoder's own range for a latent prior) and the measurement with it ({@link MappedMeasurement}),
 * the start image (a classical reconstruction) in those units, the batch layout the prior is called
 * with ({@link PriorBatch}: stacks as batches, a complex image as two planes), the start time the
 * prior covers, and the result mapped back to the user's units and annotated with the prior and the
 * range. The map is the problem's own when the user gave one; otherwise the 0.1 / 99.9 percentiles
 * of the measured values when they are in the image's units, else of the start image.
 */
final class PriorSpace {

	private final Problem problem;
	private final Prior prior;
	/** The denoiser on the working range; null for a latent prior. */
	private final Denoiser mapped;
	private final ValueRange range;
	private final Shape batch;
	private final float[] data, start;

	private PriorSpace(final Problem problem, final Prior prior, final ValueRange range,
		final float[] start)
	{
		this.problem = problem;
		this.prior = prior;
		this.range = range;
		this.batch = PriorBatch.of(problem.imageShape(), prior, problem.isComplex());
		if (prior instanceof Denoiser) {
			Checks.require(range.priorLow() == -1 && range.priorHigh() == 1, "range", range.toString(),
				"a map onto [-1, 1]");
			this.mapped = new RangeMappedDenoiser((Denoiser) prior, -1, 1);
		}
		else this.mapped = null;
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
		return of(problem, prior, -1, 1, init, imageCopies, progress);
	}

	/** As {@link #of(Problem, Denoiser, Optional, int, Progress)}, in the latent prior's own range. */
	static PriorSpace of(final Problem problem, final LatentPrior prior,
		final Optional<ClassicalMethod> init, final int imageCopies, final Progress progress)
	{
		return of(problem, prior, prior.low(), prior.high(), init, imageCopies, progress);
	}

	/**
	 * As {@link #of(Problem, Denoiser, Optional, int, Progress)} for a volume whose network calls
	 * see at most {@code batchItems} items of the batch at a time, and whose run holds
	 * {@code heapCopies} volume-sized arrays on the heap in all (for the memory check: its solver's
	 * volumes may be on disk).
	 */
	static PriorSpace ofVolume(final Problem problem, final Denoiser prior,
		final Optional<ClassicalMethod> init, final int heapCopies, final int batchItems,
		final Progress progress)
	{
		return of(problem, prior, -1, 1, init, heapCopies, batchItems, progress);
	}

	private static PriorSpace of(final Problem problem, final Prior prior, final double low,
		final double high, final Optional<ClassicalMethod> init, final int imageCopies,
		final Progress progress)
	{
		return of(problem, prior, low, high, init, SHARED_IMAGE_COPIES + imageCopies,
			Integer.MAX_VALUE, progress);
	}

	private static PriorSpace of(final Problem problem, final Prior prior, final double low,
		final double high, final Optional<ClassicalMethod> init, final int heapCopies,
		final int batchItems, final Progress progress)
	{
		SolverInputs.measurement(problem.operator(), problem.data());
		checkHeapAndHost(problem, prior, heapCopies, batchItems, Memory.maxHeap(), Memory.physical());
		final float[] start = init.map(m -> ClassicalMethods.reconstruct(m, problem.operator(),
			problem.data(), problem.task(), new ClassicalMethods.Parameters(), progress).estimate())
			.orElse(null);
		final ValueRange range = problem.range().map(r -> ValueRange.fromMinMax(r.dataLow(), r
			.dataHigh(), low, high)).orElseGet(() -> defaultRange(problem, start, low, high));
		return new PriorSpace(problem, prior, range, start);
	}

	/**
	 * Refuses, before any work, a problem whose arrays the Java heap cannot hold or whose network
	 * calls need more memory than the machine has.
	 */
	static void checkMemory(final Problem problem, final Prior prior, final int imageCopies,
		final long maxHeap, final long physical)
	{
		checkMemory(problem, prior, imageCopies, Integer.MAX_VALUE, maxHeap, physical);
	}

	/** As above, for network calls on at most {@code batchItems} items of the batch. */
	static void checkMemory(final Problem problem, final Prior prior, final int imageCopies,
		final int batchItems, final long maxHeap, final long physical)
	{
		checkHeapAndHost(problem, prior, SHARED_IMAGE_COPIES + imageCopies, batchItems, maxHeap,
			physical);
	}

	/** Heap bytes of a run holding {@code heapCopies} image-sized arrays and the data's. */
	static long heapBytes(final Problem problem, final int heapCopies) {
		return 4L * (heapCopies * (long) problem.imageShape().size() + DATA_COPIES * (long) problem
			.data().length);
	}

	private static void checkHeapAndHost(final Problem problem, final Prior prior,
		final int heapCopies, final int batchItems, final long maxHeap, final long physical)
	{
		final Shape image = problem.imageShape();
		final String what = image + " pixels";
		Memory.checkHeap("input", what, heapBytes(problem, heapCopies), maxHeap);
		final Shape all = PriorBatch.of(image, prior, problem.isComplex());
		Memory.checkHost("input", what, prior.hostBytes(Shape.of(Math.min(all.dim(0), batchItems), all
			.dim(1), all.dim(2), all.dim(3))), physical);
	}

	private static ValueRange defaultRange(final Problem problem, final float[] start,
		final double low, final double high)
	{
		if (problem.task().dataInImageUnits()) return ValueRange.fromPercentiles(problem
			.observedValues(), low, high);
		Checks.require(start != null, "range", "not given, and no start image to take it from",
			"range_min and range_max (nothing else tells the data's scale)");
		return ValueRange.fromPercentiles(start, low, high);
	}

	LinearOperator operator() {
		return problem.operator();
	}

	/** The problem's task. */
	Task task() {
		return problem.task();
	}

	/** A noise level in the user's units, in the prior's. */
	double sigmaToPrior(final double sigma) {
		return range.sigmaToPrior(sigma);
	}

	/** The measurement for the unknown in the working range. */
	float[] data() {
		return data;
	}

	/** The start image in the working range, or null when there is none. */
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

	/** The prior's Tweedie score on {@code [-1, 1]}, for the VE sampler. */
	VePredictorCorrector.Score score() {
		return VePredictorCorrector.Score.of(mapped);
	}

	/** The prior's trained noise levels on {@code [-1, 1]}: lowest, highest. */
	double[] sigmaRange() {
		return new double[] { mapped.minSigma(), mapped.maxSigma() };
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
		final Result back = new Result(range.fromPrior(r.estimate()), problem.imageShape(), r.history(),
			r.historyLabel(), new Iterations.Outcome(r.iterations(), r.cancelled(), r.converged()), r
				.method(), p);
		if (r.std().isEmpty()) return back;
		// a standard deviation scales with the map and does not shift
		final float[] std = r.std().get().clone();
		for (int i = 0; i < std.length; i++) std[i] = (float) range.sigmaFromPrior(std[i]);
		return back.withUncertainty(std, r.samples().stream().map(range::fromPrior).toList());
	}
}
