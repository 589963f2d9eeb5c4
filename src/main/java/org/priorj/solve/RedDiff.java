package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.priorj.base.Checks;
import org.priorj.image.NoiseLevel;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Problem;
import org.priorj.base.Shape;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;

/**
 * RED-Diff (Mardani et al. 2023): a variational posterior mean mu fitted by one Adam optimiser
 * along descending diffusion times, minimising at each time t
 * <pre>
 * L = w_t mean(stopgrad(eps_hat - eps) * x0) + v / 2 mean((y - A x0)^2),
 * x0 = mu + sigma_x0 n0,  x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) eps,  eps_hat = eps_theta(x_t, t)
 * </pre>
 * with w_t = lambda g(sqrt((1 - abar_t) / abar_t)). The gradient applied is exactly
 * w_t (eps_hat - eps) / N_x - v A^T (y - A x0) / N_y: no backpropagation through the network, and the
 * two means normalise by their own element counts (N_x image entries, N_y measurement entries), as the
 * reference code does; the data term is therefore relatively stronger when the measurement is
 * smaller than the image (super-resolution). Times: t = 1000 - k, 1000 - 2k, ..., 0 with k = 1000 / S.
 * <p>
 * The reference code returns x0 drawn before its last Adam step; this returns mu after every step
 * has been applied (the fitted mean), which is what the method defines. A cancelled run returns the
 * current mu.
 */
public final class RedDiff {

	/** Image-sized arrays of the loop: mu, x0, noise, xt, the gradient and Adam's two moments. */
	static final int IMAGE_COPIES = 7;

	/** g(r) of the regulariser weight, r = sqrt((1 - abar) / abar). */
	public enum Weighting {
		LINEAR, SQRT, SQUARE, LOG, CONST;

		public double of(final double r) {
			switch (this) {
				case SQRT:
					return Math.sqrt(r);
				case SQUARE:
					return r * r;
				case LOG:
					return Math.log1p(r);
				case CONST:
					return 1;
				default:
					return r;
			}
		}
	}

	/** Sees what the loop hands to Adam: the time t, mu before the step, and the gradient (arrays valid during the call only). */
	interface StepObserver {

		StepObserver NONE = (t, mu, grad) -> {};

		void step(int t, float[] mu, float[] grad);
	}

	private final DiffusionSchedule schedule;
	private double lambda = 0.25, lr = 0.1, obsWeight = 1, sigmaX0 = 0;
	private int steps = 100, startTime = -1, endTime = 0;
	private long seed = 0;
	private Weighting weighting = Weighting.LINEAR;

	public RedDiff(final DiffusionSchedule schedule) {
		if (schedule == null) throw Checks.bad("schedule", "got null", "a diffusion schedule");
		this.schedule = schedule;
	}

	public RedDiff withLambda(final double l) {
		final RedDiff c = copy();
		c.lambda = Checks.nonNegative("lambda", l);
		return c;
	}

	public RedDiff withLearningRate(final double l) {
		final RedDiff c = copy();
		c.lr = Checks.positive("lr", l);
		return c;
	}

	public RedDiff withSteps(final int s) {
		final RedDiff c = copy();
		Checks.require(s >= 1 && s <= schedule.steps(), "steps", "got " + s, "1 to " + schedule
			.steps());
		c.steps = s;
		return c;
	}

	public RedDiff withObservationWeight(final double v) {
		final RedDiff c = copy();
		c.obsWeight = Checks.nonNegative("obs_weight", v);
		return c;
	}

	public RedDiff withSigmaX0(final double s) {
		final RedDiff c = copy();
		c.sigmaX0 = Checks.nonNegative("sigma_x0", s);
		return c;
	}

	public RedDiff withWeighting(final Weighting w) {
		final RedDiff c = copy();
		if (w == null) throw Checks.bad("weighting", "got null", "linear, sqrt, square, log or const");
		c.weighting = w;
		return c;
	}

	public RedDiff withSeed(final long s) {
		final RedDiff c = copy();
		c.seed = s;
		return c;
	}

	/**
	 * Starts the descent at diffusion time {@code t} instead of T = 1000 (the reference code always
	 * starts at T). A prior trained on a limited noise range should not be asked for noise levels
	 * beyond it; {@link #reconstruct} picks the largest time the prior covers unless told.
	 */
	public RedDiff withStartTime(final int t) {
		final RedDiff c = copy();
		Checks.require(t >= 1 && t <= schedule.steps(), "start_time", "got " + t, "1 to " + schedule
			.steps());
		c.startTime = t;
		return c;
	}

	/**
	 * Ends the descent at diffusion time {@code t} instead of 0. Near t = 0 the denoiser is almost
	 * the identity, so the regulariser fades and the last steps fit the data alone; for an
	 * ill-conditioned operator (deblurring) that refits the noise, which ending at a noise level
	 * near the measurement's avoids.
	 */
	public RedDiff withEndTime(final int t) {
		final RedDiff c = copy();
		Checks.require(t >= 0 && t < schedule.steps(), "end_time", "got " + t, "0 to " + (schedule
			.steps() - 1));
		c.endTime = t;
		return c;
	}

	/** The with-methods change a copy: a solver handed to someone is never changed by them. */
	private RedDiff copy() {
		final RedDiff c = new RedDiff(schedule);
		c.lambda = lambda;
		c.lr = lr;
		c.obsWeight = obsWeight;
		c.sigmaX0 = sigmaX0;
		c.steps = steps;
		c.startTime = startTime;
		c.endTime = endTime;
		c.seed = seed;
		c.weighting = weighting;
		return c;
	}

	public boolean hasStartTime() {
		return startTime > 0;
	}

	public DiffusionSchedule schedule() {
		return schedule;
	}

	/**
	 * The diffusion times visited, descending: E + (n - 1) k, ..., E + k, E with k = (S - E) / steps
	 * (at least 1) and n = (S - E) / k, S the start time (T = 1000 unless set) and E the end time
	 * (0 unless set); with the defaults 1000 - k, ..., k, 0 as the reference code.
	 */
	public int[] times() {
		final int span = (startTime < 0 ? schedule.steps() : startTime) - endTime;
		Checks.require(span >= 1, "end_time", "got " + endTime + " with start time " + (startTime < 0
			? schedule.steps() : startTime), "below the start time");
		// exactly min(steps, span) network calls, evenly spread: the reference's k = span / steps
		// spacing where steps divide the span, and no more calls than asked where they do not
		// (a start at 171 with k = 1 visited all 171 times whatever the steps)
		final int n = Math.min(steps, span);
		final int[] ts = new int[n];
		for (int i = 0; i < n; i++) ts[i] = endTime + (int) ((long) (n - 1 - i) * span / n);
		return ts;
	}

	/** w_t = lambda g(sqrt((1 - abar_t) / abar_t)). */
	public double weight(final int t) {
		return lambda * weighting.of(schedule.sigma(t));
	}

	/** CGLS iterations for the pseudo-inverse start (exact after one for masks and averaging). */
	static final int PSEUDO_INVERSE_ITERATIONS = 20;

	/**
	 * RED-Diff on a user's problem, in the user's units ({@link PriorSpace}): the preset's solver
	 * with {@code seed}, mu started at the preset's classical reconstruction or else at the
	 * pseudo-inverse of the data (as the reference code), from the largest time the prior covers
	 * unless the preset names one; denoising without a start time or init starts at the prior's own
	 * denoiser output instead ({@link #denoise}). A stack is restored in one batch, every network
	 * call denoising all its slices.
	 */
	public static Result reconstruct(final Problem problem, final Denoiser prior,
		final RedDiffPreset preset, final long seed, final Progress progress)
	{
		final PriorSpace space = PriorSpace.of(problem, prior, preset.init(), IMAGE_COPIES,
			Progress.NONE);
		final RedDiff base = preset.solver().withSeed(seed);
		if (preset.initLabel().equals(RedDiffPreset.PRIOR_DENOISER)) return denoise(space, base,
			progress);
		final RedDiff solver = base.withStartTime(space.startTime(preset.startTime(), base.schedule));
		final float[] start = space.start() != null ? space.start() : pseudoInverse(space.operator(),
			space.data());
		final Result r = solver.solve(space.operator(), space.data(), start, space.epsilonModel(),
			space.batch(), progress);
		return space.back(r, Map.of("init", preset.initLabel()));
	}

	/** The noise levels denoising visits, as multiples of the estimated noise level of the data. */
	static final double WINDOW_LOW = 0.75, WINDOW_HIGH = 1.3;

	/**
	 * Denoising, where the reference's descent fails: with A = I its stationary point is
	 * mu = (y + lambda D_t(mu)) / (1 + lambda), and as t falls to 0 the denoiser D_t becomes the
	 * identity, so the last steps hand back the noisy data. Here mu starts at the prior's own
	 * denoiser output D(y, sigma) (the posterior mean under Gaussian noise of level sigma, estimated
	 * from the data by {@link NoiseLevel}), and the descent visits only the times whose noise level
	 * lies in [{@value #WINDOW_LOW}, {@value #WINDOW_HIGH}] sigma, where the regulariser refines
	 * that estimate instead of undoing it.
	 */
	private static Result denoise(final PriorSpace space, final RedDiff base,
		final Progress progress)
	{
		final double sigma = NoiseLevel.estimate(space.data(), space.batch());
		final DiffusionSchedule s = base.schedule;
		final int high = Math.min(space.startTime(java.util.OptionalInt.empty(), s), s.startCovering(
			WINDOW_HIGH * sigma));
		final int low = Math.min(high - 1, s.startCovering(WINDOW_LOW * sigma) - 1);
		final RedDiff solver = base.withStartTime(high).withEndTime(low);
		final Result r = solver.solve(space.operator(), space.data(), space.denoised(space.data(),
			sigma), space.epsilonModel(), space.batch(), progress);
		return space.back(r, Map.of("init", RedDiffPreset.PRIOR_DENOISER, "noise_sigma", Double.toString(space
			.sigmaFromPrior(sigma))));
	}

	/** The reference code's start, mu = A+ y, by CGLS. */
	static float[] pseudoInverse(final LinearOperator a, final float[] y) {
		return Cgls.solve(a, y, PSEUDO_INVERSE_ITERATIONS, Progress.NONE).estimate();
	}

	/**
	 * Runs the solver from {@code init} (usually the pseudo-inverse of y) with the noise model
	 * {@code eps} on images of shape {@code nchw} = the operator's domain as a batch.
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
		a.domain().check("init", init, "the operator's domain");
		Checks.require(nchw != null && nchw.rank() == 4 && nchw.size() == a.domain().size(), "shape",
			String.valueOf(nchw), "(N, C, H, W) holding the operator's domain " + a.domain());
		Checks.require(nchw.dim(1) == eps.channels(), "prior", eps.channels() + " channels", nchw.dim(1) +
			" channels, as the image has");
		final float[] mu = init.clone();
		final Adam adam = new Adam(mu, lr, 0.9, 0.99, 1e-8);
		final SplittableRandom rnd = new SplittableRandom(seed);
		final int n = mu.length;
		final float[] x0 = new float[n], noise = new float[n], xt = new float[n], grad = new float[n];
		final float[] residual = a.range().newArray();
		final int[] ts = times();
		final double[] history = new double[ts.length];
		final Iterations.Outcome o = Iterations.run("RED-Diff", ts.length, progress, k -> {
			final int t = ts[k];
			final double abar = schedule.alphaBar(t), signal = Math.sqrt(abar), spread = Math.sqrt(1 -
				abar);
			for (int i = 0; i < n; i++) {
				x0[i] = (float) (mu[i] + sigmaX0 * GaussianNoise.gaussian(rnd));
				noise[i] = (float) GaussianNoise.gaussian(rnd);
				xt[i] = (float) (signal * x0[i] + spread * noise[i]);
			}
			final float[] epsHat = eps.eps(xt, nchw, abar);
			history[k] = gradient(a, y, x0, noise, epsHat, weight(t), residual, grad);
			observer.step(t, mu, grad);
			adam.step(grad);
			return true;
		});
		final double[] done = java.util.Arrays.copyOf(history, o.steps);
		final Map<String, String> p = new LinkedHashMap<>();
		p.put("steps", Integer.toString(steps));
		p.put("lambda", Double.toString(lambda));
		p.put("lr", Double.toString(lr));
		p.put("obs_weight", Double.toString(obsWeight));
		p.put("sigma_x0", Double.toString(sigmaX0));
		p.put("weighting", weighting.name().toLowerCase(java.util.Locale.ROOT));
		p.put("seed", Long.toString(seed));
		p.put("start_time", Integer.toString(startTime < 0 ? schedule.steps() : startTime));
		p.put("end_time", Integer.toString(endTime));
		return new Result(mu, a.domain(), done, "data term 1/2 mean((y - A x0)^2)", o, "red_diff", p);
	}

	/**
	 * Writes the gradient with respect to mu into {@code grad}; returns the data term
	 * ½ mean((y − A x0)²).
	 */
	double gradient(final LinearOperator a, final float[] y, final float[] x0,
		final float[] noise, final float[] epsHat, final double wt, final float[] residual,
		final float[] grad)
	{
		a.apply(x0, residual);
		double data = 0;
		for (int i = 0; i < residual.length; i++) {
			residual[i] = y[i] - residual[i];
			data += (double) residual[i] * residual[i];
		}
		a.adjoint(residual, grad);
		final double ny = residual.length, nx = grad.length;
		for (int i = 0; i < grad.length; i++)
			grad[i] = (float) (wt * (epsHat[i] - noise[i]) / nx - obsWeight * grad[i] / ny);
		return data / (2 * ny);
	}
}
