package org.priorj.prior;

import org.priorj.base.Checks;

/**
 * A discrete variance-preserving (VP) diffusion schedule with a linear beta ramp, as in DDPM and
 * ADM ("linear" schedule): {@code beta_t = betaStart + t (betaEnd - betaStart) / (T - 1)} for
 * {@code t = 0 .. T-1}, {@code alphaBar_t = prod_{s <= t} (1 - beta_s)} (computed in double), and
 * {@code x_t = sqrt(alphaBar_t) x_0 + sqrt(1 - alphaBar_t) eps}. The default (T = 1000, beta from
 * 1e-4 to 0.02) gives {@code alphaBar_0 = 0.9999} and {@code alphaBar_999 = 4.0358e-5}.
 * <p>
 * The matching noise level of a {@link Denoiser} is {@link #sigma(int) sigma_t} =
 * {@code sqrt((1 - alphaBar_t) / alphaBar_t)}: {@code x_t / sqrt(alphaBar_t) = x_0 + sigma_t eps}
 * (it is also RED-Diff's weight {@code w_t / lambda}: 0.0100005 at t = 0, 157.407 at t = 999).
 * {@link #snr(int) SNR_t} = {@code alphaBar_t / (1 - alphaBar_t)} = {@code 1 / sigma_t^2}.
 * <p>
 * Time steps are integers in {@code [0, T)}; {@link #continuousTime(double)} maps a noise level
 * back to a fractional t for networks that accept one. The variance-exploding and EDM noise-level
 * grids used by score-based samplers are the static {@link #karrasSigmas} and
 * {@link #geometricSigmas}. Immutable.
 */
public final class DiffusionSchedule {

	public static final int DEFAULT_STEPS = 1000;

	/**
	 * Checks a count of diffusion steps or a diffusion time given as {@code parameter}: 1 to
	 * {@link #DEFAULT_STEPS}, refused by name otherwise.
	 */
	public static void checkTime(final String parameter, final int value) {
		Checks.require(value >= 1 && value <= DEFAULT_STEPS, parameter, "got " + value, "1 to " +
			DEFAULT_STEPS);
	}
	public static final double DEFAULT_BETA_START = 1e-4;
	public static final double DEFAULT_BETA_END = 0.02;
	/** EDM's default exponent rho of the Karras noise-level grid. */
	public static final double DEFAULT_RHO = 7;

	private final double[] betas;
	private final double[] alphaBars;
	/** log alphaBar_t, strictly decreasing: the axis {@link #continuousTime} interpolates on. */
	private final double[] logAlphaBars;

	private DiffusionSchedule(final double[] betas) {
		this.betas = betas;
		final int n = betas.length;
		alphaBars = new double[n];
		logAlphaBars = new double[n];
		double product = 1;
		for (int t = 0; t < n; t++) {
			product *= 1 - betas[t];
			alphaBars[t] = product;
			logAlphaBars[t] = Math.log(product);
		}
	}

	/** The ADM default: 1000 steps, beta linear from 1e-4 to 0.02. */
	public static DiffusionSchedule linear() {
		return linear(DEFAULT_STEPS, DEFAULT_BETA_START, DEFAULT_BETA_END);
	}

	/**
	 * {@code steps} >= 2 betas linear from {@code betaStart} to {@code betaEnd}, both in (0, 1) and
	 * {@code betaStart <= betaEnd}.
	 */
	public static DiffusionSchedule linear(final int steps, final double betaStart,
		final double betaEnd)
	{
		Checks.require(steps >= 2, "steps", "got " + steps, "an integer >= 2");
		Checks.require(betaStart > 0 && betaStart < 1, "beta_start", "got " + betaStart,
			"a number in (0, 1)");
		Checks.require(betaEnd >= betaStart && betaEnd < 1, "beta_end", "got " + betaEnd +
			" with beta_start " + betaStart, "a number in [beta_start, 1)");
		final double[] betas = new double[steps];
		// as numpy's linspace: start + t * step, with the last value exactly betaEnd
		final double step = (betaEnd - betaStart) / (steps - 1);
		for (int t = 0; t < steps; t++) betas[t] = t == steps - 1 ? betaEnd : betaStart + t * step;
		return new DiffusionSchedule(betas);
	}

	/** Number of time steps T. */
	public int steps() {
		return betas.length;
	}

	public double beta(final int t) {
		return betas[checkTime(t)];
	}

	/** A copy of all T betas. */
	public double[] betas() {
		return betas.clone();
	}

	public double alphaBar(final int t) {
		return alphaBars[checkTime(t)];
	}

	/** {@code sqrt((1 - alphaBar_t) / alphaBar_t)}: the denoiser noise level of step t. */
	public double sigma(final int t) {
		return sigmaOf(alphaBar(t));
	}

	/**
	 * Where a sampler should start with a prior trained up to noise level {@code maxSigma} (in the
	 * units the sampler feeds it): the largest t in 1..T such that every time below it has
	 * {@code sigma_t <= maxSigma}; T if the prior covers them all.
	 */
	public int startCovering(final double maxSigma) {
		int t = steps();
		while (t > 1 && sigma(t - 1) > maxSigma) t--;
		return t;
	}

	/** {@code alphaBar_t / (1 - alphaBar_t)}. */
	public double snr(final int t) {
		final double a = alphaBar(t);
		return a / (1 - a);
	}

	/** The denoiser noise level of a VP state with {@code alphaBar} in (0, 1]. */
	public static double sigmaOf(final double alphaBar) {
		checkAlphaBar(alphaBar);
		return Math.sqrt((1 - alphaBar) / alphaBar);
	}

	/**
	 * The VP state {@code 1 / (1 + sigma^2)} whose {@link #sigmaOf sigma} is {@code sigma} >= 0:
	 * exact, whether or not a time step of the schedule has it.
	 */
	public static double alphaBarOf(final double sigma) {
		Denoisers.checkSigma(sigma);
		return 1 / (1 + sigma * sigma);
	}

	/**
	 * The fractional time step whose alphaBar is {@code alphaBar}, by linear interpolation of
	 * {@code log alphaBar_t} between neighbouring integer steps (exact at the integer steps), and
	 * clamped to {@code [0, T-1]} outside the schedule's range (for a network that takes a
	 * continuous t).
	 */
	public double continuousTime(final double alphaBar) {
		checkAlphaBar(alphaBar);
		final double y = Math.log(alphaBar);
		final int n = logAlphaBars.length;
		if (y >= logAlphaBars[0]) return 0;
		if (y <= logAlphaBars[n - 1]) return n - 1;
		// logAlphaBars is strictly decreasing: find t with log[t] >= y > log[t + 1]
		int lo = 0, hi = n - 1;
		while (hi - lo > 1) {
			final int mid = (lo + hi) >>> 1;
			if (logAlphaBars[mid] >= y) lo = mid;
			else hi = mid;
		}
		return lo + (logAlphaBars[lo] - y) / (logAlphaBars[lo] - logAlphaBars[hi]);
	}

	/** The integer time step nearest to {@link #continuousTime(double)} (for integer-t networks). */
	public int nearestTime(final double alphaBar) {
		return (int) Math.round(continuousTime(alphaBar));
	}

	/**
	 * The DDIM/RED-Diff/DDS sub-sequence of {@code count} steps (1 to T), descending: with
	 * {@code k = T / count} (integer division), {@code t_i = i k} for {@code i = count-1 .. 0}; for T
	 * = 1000 that is 990, 980, ..., 0 for 100 steps and 980, 960, ..., 0 for 50. When count does
	 * not divide T this still returns exactly {@code count} steps (the reference code's
	 * {@code range(0, T, k)} would return more).
	 */
	public int[] ddimTimesteps(final int count) {
		Checks.require(count >= 1 && count <= steps(), "steps", "got " + count,
			"an integer in [1, " + steps() + "]");
		final int k = steps() / count;
		final int[] t = new int[count];
		for (int i = 0; i < count; i++) t[i] = (count - 1 - i) * k;
		return t;
	}

	/**
	 * EDM's (Karras et al. 2022) grid of {@code count} noise levels, descending from
	 * {@code sigmaMax} to {@code sigmaMin}: {@code sigma_i = (sigmaMax^(1/rho) + i / (count-1)
	 * (sigmaMin^(1/rho) - sigmaMax^(1/rho)))^rho}, {@code i = 0 .. count-1} (one level: sigmaMax).
	 */
	public static double[] karrasSigmas(final int count, final double sigmaMin,
		final double sigmaMax, final double rho)
	{
		checkGrid(count, sigmaMin, sigmaMax);
		Checks.positive("rho", rho);
		final double a = Math.pow(sigmaMax, 1 / rho), b = Math.pow(sigmaMin, 1 / rho);
		final double[] s = new double[count];
		for (int i = 0; i < count; i++) {
			s[i] = i == 0 ? sigmaMax : i == count - 1 ? sigmaMin : Math.pow(a + (double) i /
				(count - 1) * (b - a), rho);
		}
		return s;
	}

	/**
	 * The variance-exploding (NCSN / score-SDE VE) grid of {@code count} noise levels, geometric
	 * and descending: {@code sigma_i = sigmaMax (sigmaMin / sigmaMax)^(i / (count-1))}, as
	 * {@code exp(linspace(log sigmaMax, log sigmaMin, count))} (one level: sigmaMax).
	 */
	public static double[] geometricSigmas(final int count, final double sigmaMin,
		final double sigmaMax)
	{
		checkGrid(count, sigmaMin, sigmaMax);
		final double[] s = new double[count];
		final double ratio = Math.log(sigmaMin / sigmaMax);
		for (int i = 0; i < count; i++) {
			s[i] = i == 0 ? sigmaMax : i == count - 1 ? sigmaMin : sigmaMax * Math.exp(ratio * i /
				(count - 1));
		}
		return s;
	}

	private static void checkGrid(final int count, final double sigmaMin, final double sigmaMax) {
		Checks.positive("steps", count);
		Checks.positive("sigma_min", sigmaMin);
		Checks.require(Double.isFinite(sigmaMax) && sigmaMax >= sigmaMin, "sigma_max", "got " +
			sigmaMax + " with sigma_min " + sigmaMin, "a finite number >= sigma_min");
	}

	private int checkTime(final int t) {
		Checks.require(t >= 0 && t < betas.length, "t", "got " + t, "an integer in [0, " +
			betas.length + ")");
		return t;
	}

	private static void checkAlphaBar(final double alphaBar) {
		Checks.require(alphaBar > 0 && alphaBar <= 1, "alpha_bar", "got " + alphaBar,
			"a number in (0, 1]");
	}

	@Override
	public String toString() {
		return "linear VP schedule, T = " + steps() + ", beta " + betas[0] + " .. " +
			betas[betas.length - 1];
	}
}
