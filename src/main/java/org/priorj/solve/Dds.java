package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.priorj.base.Checks;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Problem;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.base.SliceStore;
import org.priorj.base.Shape;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;

/**
 * DDS, the decomposed diffusion sampler (Chung, Lee, Ye 2024): DDIM steps between pairs of
 * diffusion times (t, s), each made of
 * <pre>
 * eps_hat = eps_theta(x_t, t)
 * x0_hat  = (x_t - sqrt(1 - abar_t) eps_hat) / sqrt(abar_t)               Tweedie's estimate
 * x0'     = M conjugate-gradient steps from x0_hat on A^T A x = A^T y          (gamma = 0)
 *        or on (I + gamma A^T A) x = x0_hat + gamma A^T y                      (gamma > 0, noisy data)
 * x_s     = sqrt(abar_s) x0' + sqrt(1 - abar_s) (eta z + sqrt(1 - eta^2) eps_hat),  z ~ N(0, I)
 * </pre>
 * and the last step (s = -1, abar = 1) returns x0'. Started at x0_hat, CG stays in x0_hat plus a
 * Krylov space of A^T A, which is what keeps the update near the data manifold without
 * differentiating through the network: one network call per step.
 * <p>
 * eta follows the DDS code, not the DDIM paper: it splits the total noise sqrt(1 - abar_s) between
 * fresh noise (eta) and the predicted noise (sqrt(1 - eta^2)); eta = 1 re-noises x0', eta = 0 is
 * deterministic DDIM. The conjugate gradient is the baselines' {@link ConjugateGradient} on the
 * operator's exact adjoint; complex data (two real planes) get the conjugated inner product that
 * way (the reference CG omits the conjugate).
 * <p>
 * Times: with start S (T = 1000 unless set) and n steps, k = S / n and the pairs are
 * (S - k, S - 2k), ..., (0, -1). The reference always starts at T from pure noise; a prior trained
 * on a limited noise range is started lower, from a given image noised to that time (as in
 * come-closer-diffuse-faster). A cancelled run returns the last data-consistent estimate.
 */
public final class Dds {

	/** Image-sized arrays of the loop: x, xt, x0, x0's copy, the estimate and CG's four vectors. */
	static final int IMAGE_COPIES = 9;

	public static final int DEFAULT_STEPS = 50;
	public static final double DEFAULT_ETA = 0.85;
	public static final int DEFAULT_CG_ITERATIONS = 5;
	/** Relative residual at which the inner CG stops early. */
	public static final double CG_TOLERANCE = 1e-6;

	/** What replaces the conjugate-gradient step; package-private so tests can bypass it. */
	interface DataConsistency {

		/** Makes {@code x} (holding x0_hat on entry) data-consistent, in place. */
		void apply(float[] x);
	}

	/**
	 * Sees each step: its time t, the state x_t the network was given, the network's eps_hat,
	 * Tweedie's estimate x0_hat and the data-consistent x0' (arrays valid during the call only).
	 */
	interface StepObserver {

		StepObserver NONE = (t, xt, epsHat, x0Hat, x0) -> {};

		void step(int t, float[] xt, float[] epsHat, float[] x0Hat, float[] x0);
	}

	private final DiffusionSchedule schedule;
	private int steps = DEFAULT_STEPS, cgIterations = DEFAULT_CG_ITERATIONS, startTime = -1;
	private double eta = DEFAULT_ETA, gamma = 0;
	private long seed = 0;

	public Dds(final DiffusionSchedule schedule) {
		if (schedule == null) throw Checks.bad("schedule", "got null", "a diffusion schedule");
		this.schedule = schedule;
	}

	/** Number of network calls (DDIM steps), 1 to the start time. */
	public Dds withSteps(final int s) {
		final Dds c = copy();
		Checks.require(s >= 1 && s <= schedule.steps(), "steps", "got " + s, "1 to " + schedule
			.steps());
		c.steps = s;
		return c;
	}

	/** Share of fresh noise in each step's noise, 0 (deterministic) to 1. */
	public Dds withEta(final double e) {
		final Dds c = copy();
		Checks.require(e >= 0 && e <= 1, "eta", "got " + e, "0 to 1");
		c.eta = e;
		return c;
	}

	/** Conjugate-gradient iterations per step (M); 0 skips data consistency. */
	public Dds withCgIterations(final int m) {
		final Dds c = copy();
		Checks.require(m >= 0 && m <= 1000, "cg_iterations", "got " + m, "0 to 1000");
		c.cgIterations = m;
		return c;
	}

	/**
	 * gamma of the regularised data consistency (I + gamma A^T A) x = x0_hat + gamma A^T y, for
	 * noisy data; 0 (the default) solves the normal equations A^T A x = A^T y from x0_hat.
	 */
	public Dds withGamma(final double g) {
		final Dds c = copy();
		c.gamma = Checks.nonNegative("gamma", g);
		return c;
	}

	public Dds withSeed(final long s) {
		final Dds c = copy();
		c.seed = s;
		return c;
	}

	/** Starts at diffusion time {@code t} (1 to T) instead of T. */
	public Dds withStartTime(final int t) {
		final Dds c = copy();
		Checks.require(t >= 1 && t <= schedule.steps(), "start_time", "got " + t, "1 to " + schedule
			.steps());
		c.startTime = t;
		return c;
	}

	/** The with-methods change a copy: a solver handed to someone is never changed by them. */
	private Dds copy() {
		final Dds c = new Dds(schedule);
		c.steps = steps;
		c.cgIterations = cgIterations;
		c.startTime = startTime;
		c.eta = eta;
		c.gamma = gamma;
		c.seed = seed;
		return c;
	}

	public boolean hasStartTime() {
		return startTime > 0;
	}

	public DiffusionSchedule schedule() {
		return schedule;
	}

	public int steps() {
		return steps;
	}

	private int start() {
		return startTime < 0 ? schedule.steps() : startTime;
	}

	/**
	 * The times t of the steps, descending: S - k, S - 2k, ..., 0 with k = S / n (at least 1); the
	 * step at t goes to the next entry, the last to -1.
	 */
	public int[] times() {
		final int k = Math.max(1, start() / steps);
		final int n = start() / k;
		final int[] ts = new int[n];
		for (int i = 0; i < n; i++) ts[i] = (n - 1 - i) * k;
		return ts;
	}

	/** Power-iteration settings for ||A||, which scales gamma. */
	static final int NORM_ITERATIONS = 50;
	static final double NORM_TOLERANCE = 1e-4;

	/**
	 * DDS on a user's CT or MRI problem, in the user's units ({@link PriorSpace}): the preset's
	 * sampler with {@code seed}, gamma divided by ||A||^2, the chain started from the preset's
	 * classical reconstruction noised to the largest time the prior covers (pure noise from
	 * T = 1000 when the preset has no start and the prior covers every noise level, as the
	 * reference code does). A grey prior sees a complex image as its two planes; a stack is one
	 * batch of slices.
	 */
	public static Result reconstruct(final Problem problem, final Denoiser prior,
		final DdsPreset preset, final long seed, final Progress progress)
	{
		final PriorSpace space = PriorSpace.of(problem, prior, preset.init(), IMAGE_COPIES,
			Progress.NONE);
		double norm2 = 0;
		if (preset.gamma() > 0) {
			final double n = space.operator().norm(NORM_ITERATIONS, NORM_TOLERANCE, 1);
			norm2 = n * n;
		}
		final double gamma = norm2 > 0 ? preset.gamma() / norm2 : 0;
		final Dds base = preset.solver().withSeed(seed).withGamma(gamma);
		final Dds solver = base.withStartTime(space.startTime(preset.startTime(), base.schedule));
		final Result r = solver.solve(space.operator(), space.data(), space.start(), space
			.epsilonModel(), space.batch(), progress);
		return space.back(r, Map.of("gamma", Double.toString(preset.gamma()), "gamma_absolute",
			Double.toString(gamma), "init", preset.initLabel(), "network_calls", Integer.toString(r
				.iterations())));
	}

	/**
	 * Runs the sampler with data consistency by conjugate gradients on A and y.
	 *
	 * @param init image whose noised version starts the chain (null: pure noise, as the reference
	 *          does from T)
	 * @param nchw the operator's domain as a batch for the prior
	 */
	public Result solve(final LinearOperator a, final float[] y, final float[] init,
		final EpsilonModel eps, final Shape nchw, final Progress progress)
	{
		return solve(a, y, init, eps, nchw, progress, StepObserver.NONE);
	}

	Result solve(final LinearOperator a, final float[] y, final float[] init,
		final EpsilonModel eps, final Shape nchw, final Progress progress,
		final StepObserver observer)
	{
		SolverInputs.measurement(a, y);
		final ConjugateGradient cg = new ConjugateGradient(a.domain().size());
		final DataConsistency dc = cgIterations == 0 ? x -> {} : gamma > 0 ? x -> cg.regularised(a,
			y, x, gamma, cgIterations, CG_TOLERANCE) : x -> cg.leastSquares(a, y, x, cgIterations,
				CG_TOLERANCE);
		return run(a.domain(), init, eps, nchw, dc, progress, observer, "dds", Map.of());
	}

	/**
	 * DDS in 3-D (shared ALGORITHMS §2.2): the volume (Z, H, W) sampled with the 2-D prior on its
	 * slices, the data step one ADMM-TV_z iteration per diffusion step (the periodic difference
	 * along z, its split variable and dual kept across steps, this sampler's CG iterations for the
	 * x update) instead of plain CG; the volumes on the Java heap.
	 *
	 * @param lambda the TV_z weight
	 * @param rho ADMM's penalty
	 * @param batch slices the prior sees at once
	 */
	public Result solveVolume(final SliceWiseOperator a, final float[] y, final float[] init,
		final EpsilonModel eps, final double lambda, final double rho, final int batch,
		final Progress progress)
	{
		final Shape v = a.domain();
		Checks.require(v.rank() == 3, "operator", "an unknown of shape " + v,
			"a volume (Z, H, W); for one image use solve");
		return solveVolume(a, y, init, eps, Shape.of(v.dim(0), 1, v.dim(1), v.dim(2)), lambda, rho,
			batch, true, SliceStore.Factory.HEAP, progress);
	}

	/** Volume-sized stores of the 3-D loop: the state x_t, the network's eps_hat and the estimate. */
	static final int VOLUME_STORES = 3;

	/**
	 * As {@link #solveVolume(SliceWiseOperator, float[], float[], EpsilonModel, double, double, int,
	 * Progress)} for a volume whose slices the prior sees as the batch {@code nchw} (a complex
	 * volume (Z, 2, H, W) as 2Z grey planes); {@code batch} counts items of that batch. The
	 * difference along z wraps the last slice to the first ({@code periodic}, as the reference
	 * does) or has none past the last slice (Neumann). The sampler's state and the ADMM's live in
	 * {@code stores} ({@link SliceAdmmTvZ}: on the heap, or in scratch files for a volume larger than
	 * the heap), read a slab of slices at a time; the same seed gives the same volume in either.
	 */
	public Result solveVolume(final SliceWiseOperator a, final float[] y, final float[] init,
		final EpsilonModel eps, final Shape nchw, final double lambda, final double rho,
		final int batch, final boolean periodic, final SliceStore.Factory stores,
		final Progress progress)
	{
		if (a == null) throw Checks.bad("operator", "got null", "a slice-wise operator");
		SolverInputs.measurement(a, y);
		final Shape v = a.domain();
		Checks.require(v.rank() >= 3, "operator", "an unknown of shape " + v,
			"a volume (Z, H, W); for one image use solve");
		checkBatch(v, init, eps, nchw);
		final int slices = a.slices(), plane = v.size() / slices, perSlice = nchw.dim(0) / slices;
		final int slab = Math.max(1, Checks.positive("batch", batch) / perSlice);
		final Map<String, String> tv = new LinkedHashMap<>();
		tv.put("lambda", Double.toString(lambda));
		tv.put("rho", Double.toString(rho));
		tv.put("batch", Integer.toString(batch));
		tv.put("z_boundary", periodic ? "periodic" : "neumann");
		tv.put("volumes", stores.describe());
		final int[] ts = times();
		final SlabProgress report = new SlabProgress(progress, "DDS-3D", ts.length, nchw.dim(0),
			perSlice, batch);
		final SplittableRandom rnd = new SplittableRandom(seed);
		stores.check(VOLUME_STORES + SliceAdmmTvZ.STORES, slices, plane);
		try (SliceStore xt = stores.create(slices, plane); SliceStore epsHat = stores.create(slices,
			plane); SliceStore x0 = stores.create(slices, plane); SliceAdmmTvZ admm = new SliceAdmmTvZ(
				a, y, lambda, rho, Math.max(1, cgIterations), periodic, stores))
		{
			final double top = schedule.alphaBar(ts[0]);
			final float[] s = new float[plane];
			for (int k = 0; k < slices; k++) {
				noised(s, init, k * plane, top, rnd);
				xt.write(k, s, 0);
			}
			final Iterations.Outcome o = Iterations.run("DDS", ts.length, report, step -> {
				final double abarT = schedule.alphaBar(ts[step]);
				for (int first = 0; first < slices; first += slab) {
					final int n = Math.min(slab, slices - first), firstItem = first * perSlice;
					final float[] part = new float[n * plane];
					for (int k = 0; k < n; k++) xt.read(first + k, part, k * plane);
					final float[] e = new SliceBatches(eps, batch, (f, m) -> report.slab(firstItem + f, m))
						.eps(part, Shape.of(n * perSlice, nchw.dim(1), nchw.dim(2), nchw.dim(3)), abarT);
					final float[] x0Hat = tweedie(part, e, abarT);
					for (int k = 0; k < n; k++) {
						epsHat.write(first + k, e, k * plane);
						x0.write(first + k, x0Hat, k * plane);
					}
				}
				admm.step(x0);
				if (step + 1 < ts.length) {
					final double abarS = schedule.alphaBar(ts[step + 1]);
					final float[] xk = new float[plane];
					for (int k = 0; k < slices; k++) {
						renoise(xk, x0.slice(k), epsHat.slice(k), abarS, rnd);
						xt.write(k, xk, 0);
					}
				}
				return true;
			});
			final float[] estimate = o.steps > 0 ? x0.toArray() : init == null ? new float[v.size()] :
				init.clone();
			return new Result(estimate, v, new double[0], "", o, "dds-3d", parameters(tv));
		}
	}

	/** Refuses a batch layout that does not hold the domain, or an init that is not finite. */
	private static void checkBatch(final Shape domain, final float[] init, final EpsilonModel eps,
		final Shape nchw)
	{
		Checks.require(nchw != null && nchw.rank() == 4 && nchw.size() == domain.size(), "shape",
			String.valueOf(nchw), "(N, C, H, W) holding the operator's domain " + domain);
		Checks.require(nchw.dim(1) == eps.channels(), "prior", eps.channels() + " channels", nchw
			.dim(1) + " channels, as the image has");
		if (init != null) {
			domain.check("init", init, "the operator's domain");
			Checks.finite("init", init);
		}
	}

	Result run(final Shape domain, final float[] init, final EpsilonModel eps, final Shape nchw,
		final DataConsistency dc, final Progress progress)
	{
		return run(domain, init, eps, nchw, dc, progress, StepObserver.NONE, "dds", Map.of());
	}

	private Result run(final Shape domain, final float[] init, final EpsilonModel eps,
		final Shape nchw, final DataConsistency dc, final Progress progress,
		final StepObserver observer, final String method, final Map<String, String> extra)
	{
		checkBatch(domain, init, eps, nchw);
		final int[] ts = times();
		final int n = domain.size();
		final SplittableRandom rnd = new SplittableRandom(seed);
		final float[] x = new float[n];
		noised(x, init, 0, schedule.alphaBar(ts[0]), rnd);
		final float[] estimate = init == null ? new float[n] : init.clone();
		final Iterations.Outcome o = Iterations.run("DDS", ts.length, progress, k -> {
			final double abarT = schedule.alphaBar(ts[k]);
			final float[] epsHat = eps.eps(x, nchw, abarT);
			final float[] x0 = tweedie(x, epsHat, abarT);
			final float[] x0Hat = x0.clone();
			dc.apply(x0);
			observer.step(ts[k], x, epsHat, x0Hat, x0);
			System.arraycopy(x0, 0, estimate, 0, n);
			if (k + 1 < ts.length) renoise(x, x0, epsHat, schedule.alphaBar(ts[k + 1]), rnd);
			return true;
		});
		return new Result(estimate, domain, new double[0], "", o, method, parameters(extra));
	}

	/** The sampler's settings, then {@code extra}. */
	private Map<String, String> parameters(final Map<String, String> extra) {
		final Map<String, String> p = new LinkedHashMap<>();
		p.put("steps", Integer.toString(steps));
		p.put("eta", Double.toString(eta));
		p.put("cg_iterations", Integer.toString(cgIterations));
		p.put("gamma", Double.toString(gamma));
		p.put("start_time", Integer.toString(start()));
		p.put("seed", Long.toString(seed));
		p.putAll(extra);
		return p;
	}

	/**
	 * The chain's start: {@code out} = init[from...] noised to alpha-bar {@code abar}, or pure noise
	 * without an init; the noise drawn in index order, so a volume started slice by slice gets the
	 * whole array's draws.
	 */
	private static void noised(final float[] out, final float[] init, final int from,
		final double abar, final SplittableRandom rnd)
	{
		for (int i = 0; i < out.length; i++) {
			final double z = GaussianNoise.gaussian(rnd);
			out[i] = init == null ? (float) z : (float) (Math.sqrt(abar) * init[from + i] + Math.sqrt(1 -
				abar) * z);
		}
	}

	/** x0_hat = (x_t - sqrt(1 - abar) eps_hat) / sqrt(abar). */
	static float[] tweedie(final float[] xt, final float[] epsHat, final double abar) {
		final double a = 1 / Math.sqrt(abar), b = Math.sqrt(1 - abar) / Math.sqrt(abar);
		final float[] x0 = new float[xt.length];
		for (int i = 0; i < xt.length; i++)
			x0[i] = (float) (a * xt[i] - b * epsHat[i]);
		return x0;
	}

	/** x = sqrt(abar_s) x0' + sqrt(1 - abar_s) (eta z + sqrt(1 - eta^2) eps_hat). */
	private void renoise(final float[] x, final float[] x0, final float[] epsHat, final double abarS,
		final SplittableRandom rnd)
	{
		final double signal = Math.sqrt(abarS), c1 = Math.sqrt(1 - abarS) * eta, c2 = Math.sqrt(1 -
			abarS) * Math.sqrt(1 - eta * eta);
		for (int i = 0; i < x.length; i++)
			x[i] = (float) (signal * x0[i] + c1 * GaussianNoise.gaussian(rnd) + c2 * epsHat[i]);
	}
}
