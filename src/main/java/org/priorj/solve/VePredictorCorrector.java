package org.priorj.solve;

import java.util.SplittableRandom;

import org.priorj.base.Checks;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.prior.Denoiser;

/**
 * The predictor–corrector sampler of a variance-exploding diffusion as DiffusionMBIR runs it
 * (shared ALGORITHMS §3.1): at each step a reverse-diffusion predictor
 * x += (sigma^2 - sigma_below^2) s + sqrt(sigma^2 - sigma_below^2) z, then one Langevin corrector
 * step with target signal-to-noise ratio r, eps = 2 (r mean_b ||z_b|| / mean_b ||s_b||)^2,
 * x += eps s + sqrt(2 eps) z (predictor first, as DiffusionMBIR, not score-SDE's generic order),
 * then whatever the caller does with the whole estimate (DiffusionMBIR: one ADMM-TV_z iteration).
 * The score comes from a denoiser by Tweedie, s(x, sigma) = (D(x, sigma) - x) / sigma^2.
 */
public final class VePredictorCorrector {

	/** DiffusionMBIR's target signal-to-noise ratio of the corrector. */
	public static final double SNR = 0.16;

	/** The score of the prior at noise level sigma for a batch (N, C, H, W). */
	@FunctionalInterface
	public interface Score {

		float[] score(float[] x, Shape nchw, double sigma);

		/** Tweedie's score of a denoiser: (D(x, sigma) - x) / sigma^2. */
		static Score of(final Denoiser d) {
			return (x, nchw, sigma) -> {
				final float[] s = d.denoise(x, nchw, sigma);
				final double w = 1 / (sigma * sigma);
				for (int i = 0; i < s.length; i++) s[i] = (float) ((s[i] - x[i]) * w);
				return s;
			};
		}
	}

	/** What runs after each step on the whole estimate (data consistency); may change x. */
	@FunctionalInterface
	public interface AfterStep {

		void apply(int step, float[] x);
	}

	private final VeSchedule schedule;
	private final double snr;

	public VePredictorCorrector(final VeSchedule schedule, final double snr) {
		if (schedule == null) throw Checks.bad("schedule", "got null", "a VE schedule");
		Checks.require(snr > 0 && Double.isFinite(snr), "snr", "got " + snr, "a positive number");
		this.schedule = schedule;
		this.snr = snr;
	}

	/**
	 * Samples from x (changed in place; the caller draws the start, N(0, sigma_max^2) for a sample),
	 * a batch of shape {@code nchw}; cancelling stops after the current step.
	 */
	public Iterations.Outcome run(final float[] x, final Shape nchw, final Score score,
		final AfterStep after, final SplittableRandom rnd, final Progress progress)
	{
		nchw.check("x", x, "N x C x H x W");
		return Iterations.run("VE sampler", schedule.steps(), progress, j -> {
			step(j, x, nchw, score, rnd);
			if (after != null) after.apply(j, x);
			return true;
		});
	}

	/** Step j's predictor and corrector on one batch x (in place): two score evaluations. */
	public void step(final int j, final float[] x, final Shape nchw, final Score score,
		final SplittableRandom rnd)
	{
		final int i = schedule.level(j);
		final double sigma = schedule.sigmaAt(schedule.time(j));
		predictor(x, score.score(x, nchw, sigma), schedule.sigma(i), schedule.below(i), rnd);
		corrector(x, score.score(x, nchw, sigma), nchw, snr, rnd);
	}

	public VeSchedule schedule() {
		return schedule;
	}

	/** The reverse-diffusion step from level {@code sigma} to {@code below}, in place. */
	static void predictor(final float[] x, final float[] s, final double sigma, final double below,
		final SplittableRandom rnd)
	{
		final double dv = sigma * sigma - below * below, sd = Math.sqrt(dv);
		for (int i = 0; i < x.length; i++) x[i] += (float) (dv * s[i] + sd * rnd.nextGaussian());
	}

	/** One Langevin step in place; returns its step size eps. */
	static double corrector(final float[] x, final float[] s, final Shape nchw, final double snr,
		final SplittableRandom rnd)
	{
		final int n = nchw.dim(0), per = x.length / n;
		final float[] z = new float[x.length];
		for (int i = 0; i < z.length; i++) z[i] = (float) rnd.nextGaussian();
		double zNorms = 0, sNorms = 0;
		for (int b = 0; b < n; b++) {
			double zz = 0, ss = 0;
			for (int i = b * per; i < (b + 1) * per; i++) {
				zz += (double) z[i] * z[i];
				ss += (double) s[i] * s[i];
			}
			zNorms += Math.sqrt(zz);
			sNorms += Math.sqrt(ss);
		}
		// a score of zero (the prior's mean itself) gives the Langevin step nothing to follow
		if (sNorms == 0) return 0;
		final double ratio = snr * zNorms / sNorms, eps = 2 * ratio * ratio, sd = Math.sqrt(2 * eps);
		for (int i = 0; i < x.length; i++) x[i] += (float) (eps * s[i] + sd * z[i]);
		return eps;
	}
}
