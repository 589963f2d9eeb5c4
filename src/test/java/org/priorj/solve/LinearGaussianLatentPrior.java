package org.priorj.solve;

import org.apache.commons.math3.linear.RealMatrix;

import org.priorj.base.Shape;
import org.priorj.prior.Latent;
import org.priorj.prior.LatentPrior;
import org.priorj.prior.Latents;

/**
 * The linear–Gaussian oracle of VBLE's closed-form tests: decoder D(z) = W z + c, latent prior
 * N(0, I) (its code length the density's, z^2 / (2 ln 2) bits per entry, constants dropped), no
 * hyper-latent. Images (1, 1, 1, n), latents (1, m, 1, 1).
 */
final class LinearGaussianLatentPrior implements LatentPrior {

	final RealMatrix w;
	final double[] c;
	/** The latents of every evaluation, in order (for tests that replay a draw). */
	final java.util.List<float[]> evaluated = new java.util.ArrayList<>();

	/** The hyper-latent's offset from z (null: no hyper-latent). */
	private final double[] hyperOffset;

	LinearGaussianLatentPrior(final RealMatrix w, final double[] c) {
		this(w, c, null);
	}

	/**
	 * With a hyper-latent h = z + offset at encoding (its rate N(0, I) too, independent of z), so
	 * that a test can see where a solver starts h.
	 */
	LinearGaussianLatentPrior(final RealMatrix w, final double[] c, final double[] hyperOffset) {
		this.w = w;
		this.c = c.clone();
		this.hyperOffset = hyperOffset == null ? null : hyperOffset.clone();
	}

	/** VBLE-xz's decoder standard deviation per pixel (null: the prior has no variance decoder). */
	private double[] decoderStd;

	/** This oracle with a variance decoder of constant per-pixel standard deviations {@code std}. */
	LinearGaussianLatentPrior withDecoderStd(final double... std) {
		decoderStd = std.clone();
		return this;
	}

	@Override
	public boolean decodesStd() {
		return decoderStd != null;
	}

	@Override
	public java.util.Optional<float[]> decodeStd(final Latent z) {
		if (decoderStd == null) return java.util.Optional.empty();
		final int n = z.shape().dim(0), p = w.getRowDimension();
		final float[] s = new float[n * p];
		for (int i = 0; i < s.length; i++) s[i] = (float) decoderStd[i % p];
		return java.util.Optional.of(s);
	}

	/** The hyper-latents of every evaluation, in order. */
	final java.util.List<float[]> evaluatedHyper = new java.util.ArrayList<>();

	@Override
	public String name() {
		return "linear-gaussian";
	}

	@Override
	public int channels() {
		return 1;
	}

	@Override
	public double low() {
		return 0;
	}

	@Override
	public double high() {
		return 1;
	}

	@Override
	public int multiple() {
		return 1;
	}

	@Override
	public Latents encode(final float[] x, final Shape nchw) {
		final double[] d = new double[x.length];
		for (int i = 0; i < x.length; i++) d[i] = x[i] - c[i];
		final double[] z = w.preMultiply(d);
		final float[] f = new float[z.length];
		for (int i = 0; i < z.length; i++) f[i] = (float) z[i];
		final Latent zl = new Latent(f, Shape.of(1, z.length, 1, 1));
		if (hyperOffset == null) return Latents.of(zl);
		final float[] h = new float[f.length];
		for (int i = 0; i < h.length; i++) h[i] = (float) (f[i] + hyperOffset[i]);
		return Latents.of(zl, new Latent(h, zl.shape()));
	}

	@Override
	public float[] decode(final Latent z) {
		final int n = (int) z.shape().dim(0), m = w.getColumnDimension(), p = w.getRowDimension();
		final float[] x = new float[n * p];
		for (int b = 0; b < n; b++) {
			final double[] zb = new double[m];
			for (int j = 0; j < m; j++) zb[j] = z.values()[b * m + j];
			final double[] xb = w.operate(zb);
			for (int i = 0; i < p; i++) x[b * p + i] = (float) (xb[i] + c[i]);
		}
		return x;
	}

	@Override
	public double rate(final Latents latents) {
		double s = 0;
		for (final float v : latents.z().values()) s += (double) v * v;
		if (latents.hyper().isPresent()) for (final float v : latents.hyper().get().values())
			s += (double) v * v;
		return s / (2 * Math.log(2));
	}

	@Override
	public Evaluation evaluate(final Latents latents, final ImageLoss imageLoss,
		final double rateWeight)
	{
		evaluated.add(latents.z().values().clone());
		latents.hyper().ifPresent(h -> evaluatedHyper.add(h.values().clone()));
		final float[] x = decode(latents.z());
		final float[] gx = new float[x.length];
		final double loss = imageLoss.apply(x, gx);
		final double[] gxd = new double[gx.length];
		for (int i = 0; i < gx.length; i++) gxd[i] = gx[i];
		final double[] gz = w.preMultiply(gxd);
		final float[] z = latents.z().values(), g = new float[z.length];
		for (int j = 0; j < z.length; j++) g[j] = (float) (gz[j] + rateWeight * z[j] / Math.log(2));
		final Latent gl = new Latent(g, latents.z().shape());
		if (latents.hyper().isEmpty()) return new Evaluation(x, loss, rate(latents), Latents.of(gl));
		final float[] h = latents.hyper().get().values(), gh = new float[h.length];
		for (int j = 0; j < h.length; j++) gh[j] = (float) (rateWeight * h[j] / Math.log(2));
		return new Evaluation(x, loss, rate(latents), Latents.of(gl, new Latent(gh, latents.hyper()
			.get().shape())));
	}
}
