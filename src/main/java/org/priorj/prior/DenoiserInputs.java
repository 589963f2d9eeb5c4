package org.priorj.prior;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/** The checks every {@link Denoiser} makes on its arguments, with the same messages. */
public final class DenoiserInputs {

	private DenoiserInputs() {}

	public static void check(final Denoiser d, final float[] x, final Shape nchw,
		final double sigma)
	{
		Checks.require(nchw != null && nchw.rank() == 4, "x", "shape " + nchw,
			"a batch of shape (N, C, H, W)");
		Checks.require(nchw.dim(1) == d.channels(), "x", nchw.dim(1) + " channels", "the " + d
			.channels() + " channel" + (d.channels() == 1 ? "" : "s") + " prior '" + d.name() +
			"' was trained on");
		nchw.check("x", x, "N x C x H x W");
		Checks.require(sigma >= 0 && Double.isFinite(sigma), "sigma", "got " + sigma,
			"a noise level >= 0");
	}
}
