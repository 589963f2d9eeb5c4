package org.priorj.solve;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.prior.Denoiser;

/**
 * The denoiser step of RED-ADMM (regularisation by denoising, Romano, Elad, Milanfar 2017): for
 * g(z) = lambda / 2 z^T (z - D(z)) with a denoiser D at a fixed noise level, whose gradient is
 * lambda (z - D(z)) under RED's conditions, the step solves {@code tau lambda (z - D(z)) + z - v = 0}
 * by the fixed point {@code z <- (tau lambda D(z) + v) / (tau lambda + 1)}, started at v; for a
 * linear symmetric D of norm at most 1 it converges to {@code (tau lambda (I - D) + I)^-1 v}.
 * One denoiser call per fixed-point iteration, on batches of shape {@code nchw}.
 */
public final class RedStep implements Prox {

	private final Denoiser denoiser;
	private final Shape nchw;
	private final double sigma, lambda;
	private final int iterations;

	public RedStep(final Denoiser denoiser, final Shape nchw, final double sigma,
		final double lambda, final int iterations)
	{
		if (denoiser == null) throw Checks.bad("prior", "got null", "a denoiser");
		if (nchw == null || nchw.rank() != 4) throw Checks.bad("shape", String.valueOf(nchw),
			"a batch (N, C, H, W)");
		this.denoiser = denoiser;
		this.nchw = nchw;
		this.sigma = Checks.positive("sigma", sigma);
		this.lambda = Checks.nonNegative("lambda", lambda);
		this.iterations = SolverInputs.iterations(iterations);
	}

	@Override
	public void apply(final float[] v, final double tau, final float[] out) {
		fromStart(v, tau, v, out);
	}

	/**
	 * The same fixed point started at {@code start} instead of v (RED-ADMM warm-starts at its
	 * previous iterate); {@code out} may be {@code start}.
	 */
	public void fromStart(final float[] v, final double tau, final float[] start, final float[] out) {
		nchw.check("v", v, "the denoiser's batch");
		nchw.check("start", start, "the denoiser's batch");
		final double w = tau * lambda;
		final float[] z = start.clone();
		for (int it = 0; it < iterations; it++) {
			final float[] d = denoiser.denoise(z, nchw, sigma);
			for (int i = 0; i < z.length; i++) z[i] = (float) ((w * d[i] + v[i]) / (w + 1));
		}
		System.arraycopy(z, 0, out, 0, z.length);
	}
}
