package org.priorj.solve;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.priorj.base.Checks;
import org.priorj.base.Memory;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Problem;
import org.priorj.physics.Vectors;
import org.priorj.physics.Task;
import org.priorj.prior.Denoiser;
import org.priorj.prior.RangeMappedDenoiser;

/**
 * RED-PSM (Iskender, Klasky, Bresler 2023): a time series f of P frames from measurements
 * g = A f + n with very few data per frame, as the RED-ADMM solution of
 * <pre>
 *   min 1/2 ||A F - g||^2 + lambda/2 f^T (f - D(f))   subject to f = F, F a partially separable model,
 * </pre>
 * iterating (scaled dual gamma, penalty beta):
 * <pre>
 *   (Lambda, Z) <- Adam steps on 1/2 ||A F - g||^2 + beta/2 ||F - f + gamma||^2 (+ small Frobenius terms)
 *   f <- (lambda D(f) + beta (F + gamma)) / (lambda + beta)        one RED fixed-point step, all frames one batch
 *   gamma <- gamma + F - f
 * </pre>
 * F = {@link PartiallySeparableModel} (clip at 0 and the field-of-view disk for CT). The splitting
 * term is the paper's squared norm ({@link PsmFit}); the reference code's unsquared norm is a defect.
 * The run has a fixed budget of outer iterations and returns its last f (the reference keeps the f
 * of best PSNR against the ground truth, which a user does not have). The frames are solved in
 * units of their value range (1 is the start's 99.9th percentile of |F|, or the larger end of the
 * user's range in absolute value), in which Adam's learning rate and the denoiser's sigma are given;
 * lambda and beta are relative to ||A||^2.
 */
public final class RedPsm {

	public static final String METHOD = "RED-PSM";
	public static final String HISTORY_LABEL = "data misfit 1/2 ||A F - g||^2 / ||g||^2 of the PSM frames";

	/** Weights of the temporal and spatial Frobenius terms, relative to ||A||^2 (the reference's 1e-6). */
	static final double XI = 1e-6, CHI = 1e-6;
	/**
	 * Frame-sized arrays a run holds: f, gamma, F, dL/dF, the splitting target, the denoiser's
	 * output and its two working copies, the RED step's target and result, and the user's result.
	 */
	static final int FRAME_COPIES = 12;

	/** What a run gives: the movie and the model behind it, in the user's units. */
	public record Outcome(Result result, float[] spatialMaps, float[] temporalFunctions, int rank) {}

	private RedPsm() {}

	/** Refuses a problem that is not a time series of CT or MRI frames. */
	public static void check(final Problem problem) {
		Checks.require(problem.task() == Task.DYNAMIC_CT || problem.task() == Task.MRI, "task", "'" +
			problem.task() + "'", "dynamic_ct or mri (a time series of frames)");
		final Shape s = problem.imageShape();
		final boolean complex = problem.isComplex();
		final boolean series = complex ? s.rank() == 4 && s.dim(1) == 2 : s.rank() == 3;
		Checks.require(series && s.dim(0) >= 2, "input", "an unknown of shape " + s, complex
			? "a time series of complex frames (T, 2, H, W), T >= 2" : "a time series of frames (T, H, W), T >= 2");
	}

	/**
	 * The solver as every learned solver is called ({@link Reconstructor}): the movie only; RED-PSM
	 * draws no noise, so the seed changes nothing.
	 */
	public static Result reconstruct(final Problem problem, final Denoiser prior,
		final RedPsmPreset preset, final long seed, final Progress progress)
	{
		return reconstruct(problem, prior, preset, progress).result();
	}

	/** Reconstructs the problem's time series with the preset, in the user's units, with the model. */
	public static Outcome reconstruct(final Problem problem, final Denoiser prior,
		final RedPsmPreset preset, final Progress progress)
	{
		if (problem == null) throw Checks.bad("problem", "none", "a dynamic CT or MRI problem");
		if (preset == null) throw Checks.bad("preset", "none", "a RED-PSM preset");
		if (prior == null && preset.lambda() > 0) throw Checks.bad("prior", "none",
			"a denoiser (or lambda = 0: PSM alone)");
		check(problem);
		final Shape shape = problem.imageShape();
		final int frames = shape.dim(0), rank = preset.order() + 1;
		Checks.require(rank <= frames, "k", "K + 1 = " + rank + " for " + frames + " frames",
			"K + 1 at most the number of frames");
		final long frameValues = shape.size();
		Memory.checkHeap("input", shape + " values", 4L * (FRAME_COPIES * frameValues + 3L * problem
			.data().length), Memory.maxHeap());
		final boolean ct = problem.task() == Task.DYNAMIC_CT;
		final float[] mask = ct ? fieldOfView(shape.dim(1), shape.dim(2)) : null;
		final LinearOperator a = problem.operator();
		final float[] g = SolverInputs.measurement(a, problem.data());
		final TemporalSpline spline = new TemporalSpline(preset.nodes(), frames);
		final float[] latent = PsmStart.cosineLatent(rank, preset.nodes());
		final float[] psi = new float[rank * frames];
		spline.apply(latent, rank, psi);
		final float[] fitted = PsmStart.FIT.spatialMaps(a, g, psi, rank, mask);
		final float[] startFrames = a.domain().newArray();
		new PartiallySeparableModel(spline, fitted, latent, mask, ct).frames(startFrames);
		// the user's range, when given, fixes the unit (0 stays 0: the clip and the FOV need it)
		final double scale = problem.range().map(r -> Math.max(Math.abs(r.dataLow()), Math.abs(r
			.dataHigh()))).orElseGet(() -> valueScale(startFrames));
		final float[] maps = preset.start() == PsmStart.FIT ? fitted : new float[fitted.length];
		for (int i = 0; i < maps.length; i++) maps[i] /= scale;
		final float[] data = g.clone();
		for (int i = 0; i < data.length; i++) data[i] /= scale;
		final PartiallySeparableModel model = new PartiallySeparableModel(spline, maps, latent, mask, ct);
		final Shape batch = prior == null ? Shape.of(frames, 1, shape.dim(shape.rank() - 2), shape
			.dim(shape.rank() - 1)) : PriorBatch.of(shape, prior, problem.isComplex());
		final Denoiser working = prior == null ? null : new RangeMappedDenoiser(prior, ct ? 0 : -1, 1);
		final double normSq = Math.pow(a.norm(Dds.NORM_ITERATIONS, Dds.NORM_TOLERANCE, 1), 2);
		final Outcome o = solve(a, data, model, working, batch, preset, normSq, progress);
		final float[] f = o.result().estimate();
		for (int i = 0; i < f.length; i++) f[i] *= scale;
		for (int i = 0; i < o.spatialMaps().length; i++) o.spatialMaps()[i] *= scale;
		final Map<String, String> p = new LinkedHashMap<>(o.result().parameters());
		p.put("value_scale", Float.toString((float) scale));
		p.put("field_of_view", ct ? "disk" : "whole frame");
		if (prior != null) p.put("prior", prior.name());
		final Result r = o.result();
		return new Outcome(new Result(f, shape, r.history(), r.historyLabel(), new Iterations.Outcome(r
			.iterations(), r.cancelled(), r.converged()), r.method(), p), o.spatialMaps(), o
				.temporalFunctions(), rank);
	}

	/**
	 * The RED-ADMM loop in working units on data g under A, from the model's parameters (updated in
	 * place); {@code denoiser} is on the working range (null only with lambda = 0), called on
	 * {@code batch}; {@code normSq} = ||A||^2.
	 */
	static Outcome solve(final LinearOperator a, final float[] g, final PartiallySeparableModel model,
		final Denoiser denoiser, final Shape batch, final RedPsmPreset preset, final double normSq,
		final Progress progress)
	{
		final double lambda = preset.lambda() * normSq, beta = preset.beta() * normSq;
		final boolean red = lambda > 0;
		Checks.require(!red || denoiser != null, "prior", "none", "a denoiser (or lambda = 0)");
		final PsmFit fit = new PsmFit(model, a, g, XI * normSq, CHI * normSq, preset.learningRate());
		final RedStep step = red ? new RedStep(denoiser, batch, preset.sigma() * (denoiser.high() -
			denoiser.low()), preset.lambda(), 1) : null;
		final int size = a.domain().size();
		final float[] f = new float[size], gamma = new float[size], target = new float[size];
		model.frames(f);
		final double gg = Math.max(Vectors.dot(g, g), Double.MIN_NORMAL);
		final double[] history = new double[preset.iterations()];
		final Iterations.Outcome out = Iterations.run(METHOD, preset.iterations(), progress, k -> {
			for (int i = 0; i < size; i++) target[i] = f[i] - gamma[i];
			final float[] frames = fit.fit(target, beta, preset.innerSteps(), false);
			for (int i = 0; i < size; i++) target[i] = frames[i] + gamma[i];
			if (red) step.fromStart(target, 1 / preset.beta(), f, f);
			else System.arraycopy(target, 0, f, 0, size);
			for (int i = 0; i < size; i++) gamma[i] += frames[i] - f[i];
			history[k] = fit.dataMisfit() / gg;
			return true;
		});
		final Map<String, String> p = new LinkedHashMap<>();
		p.put("K", Integer.toString(model.rank() - 1));
		p.put("d", Integer.toString(preset.nodes()));
		p.put("lambda_relative", Double.toString(preset.lambda()));
		p.put("beta_relative", Double.toString(preset.beta()));
		p.put("sigma", Double.toString(preset.sigma()));
		p.put("iterations", Integer.toString(preset.iterations()));
		p.put("inner_steps", Integer.toString(preset.innerSteps()));
		p.put("learning_rate", Double.toString(preset.learningRate()));
		p.put("start", preset.start().label());
		p.put("splitting_norm", "squared");
		final Shape shape = a.domain();
		return new Outcome(new Result(f, shape, Arrays.copyOf(history, out.steps), HISTORY_LABEL, out,
			METHOD, p), model.spatial().clone(), model.temporal(), model.rank());
	}

	/** The disk inscribed in an H x W frame (1 inside, 0 outside), the field of view of every angle. */
	public static float[] fieldOfView(final int h, final int w) {
		final float[] m = new float[h * w];
		final double cy = (h - 1) / 2.0, cx = (w - 1) / 2.0, r = Math.min(h, w) / 2.0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r) m[y * w + x] = 1;
		return m;
	}

	/** The 99.9th percentile of |x| (at least the largest value's 1e-6), the working unit. */
	static double valueScale(final float[] x) {
		final float[] a = new float[x.length];
		double max = 0;
		for (int i = 0; i < x.length; i++) {
			a[i] = Math.abs(x[i]);
			max = Math.max(max, a[i]);
		}
		Checks.require(max > 0 && Double.isFinite(max), "input", "measurements whose least-squares " +
			"start is zero everywhere", "measurements of a non-zero object");
		Arrays.sort(a);
		return Math.max(org.priorj.image.Quantiles.ofSorted(a, 0.999), 1e-6 * max);
	}
}
