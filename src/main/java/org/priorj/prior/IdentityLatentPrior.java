package org.priorj.prior;

import org.apache.commons.math3.special.Erf;
import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The simplest {@link LatentPrior}: the latent is the image itself (encoder and decoder are the
 * identity) and the rate model is an independent zero-mean Gaussian of standard deviation
 * {@code scale} per value, integrated over unit-width bins as compressive autoencoders'
 * Gaussian entropy models do:
 * <pre>
 *   P(z) = Phi((1/2 - |z|) / scale) - Phi((-1/2 - |z|) / scale),   rate = -sum log2 max(P(z), 1e-9)
 * </pre>
 * (the 1e-9 floor is the usual likelihood bound). It fixes the conventions of the interface in a
 * test and stands for "no learned prior"; it compresses nothing. Immutable.
 */
public final class IdentityLatentPrior implements LatentPrior {

	/** Smallest bin probability counted, as compressive-autoencoder libraries bound it. */
	public static final double LIKELIHOOD_BOUND = 1e-9;

	private final int channels;
	private final double scale, low, high;

	/** Images of {@code channels} channels in [low, high]; rate model of standard deviation {@code scale} > 0. */
	public IdentityLatentPrior(final int channels, final double scale, final double low,
		final double high)
	{
		this.channels = Checks.positive("channels", channels);
		this.scale = Checks.positive("scale", scale);
		Denoisers.checkRange(low, high);
		this.low = low;
		this.high = high;
	}

	@Override
	public String name() {
		return "identity";
	}

	@Override
	public int channels() {
		return channels;
	}

	@Override
	public double low() {
		return low;
	}

	@Override
	public double high() {
		return high;
	}

	@Override
	public int multiple() {
		return 1;
	}

	@Override
	public Latents encode(final float[] x, final Shape nchw) {
		Denoisers.checkBatch(x, nchw, channels);
		return Latents.of(new Latent(x.clone(), nchw));
	}

	@Override
	public float[] decode(final Latent z) {
		Denoisers.checkBatch("latent", z.values(), z.shape(), channels);
		return z.values().clone();
	}

	@Override
	public double rate(final Latents latents) {
		double bits = 0;
		for (final float v : latents.z().values())
			bits -= Math.log(mass(v)) / LN2;
		return bits;
	}

	@Override
	public Evaluation evaluate(final Latents latents, final ImageLoss imageLoss,
		final double rateWeight)
	{
		final float[] x = decode(latents.z());
		final float[] grad = new float[x.length];
		final double loss = imageLoss.apply(x, grad);
		double bits = 0;
		for (int i = 0; i < x.length; i++) {
			final double v = x[i], p = mass(v);
			bits -= Math.log(p) / LN2;
			grad[i] += (float) (rateWeight * bitsSlope(v, p));
		}
		return new Evaluation(x, loss, bits, Latents.of(new Latent(grad, latents.z().shape())));
	}

	/** The mass of the unit bin around v, at least {@link #LIKELIHOOD_BOUND}. */
	private double mass(final double v) {
		final double a = Math.abs(v), s = scale * Math.sqrt(2);
		// Phi(u) - Phi(w) = (erf(u / sqrt 2) - erf(w / sqrt 2)) / 2, both arguments <= 1/2
		return Math.max(0.5 * Erf.erf((-0.5 - a) / s, (0.5 - a) / s), LIKELIHOOD_BOUND);
	}

	/** d/dv of -log2 mass(v); zero where the bound holds the mass. */
	private double bitsSlope(final double v, final double mass) {
		if (mass <= LIKELIHOOD_BOUND) return 0;
		final double a = Math.abs(v);
		final double dMass = (pdf((-0.5 - a) / scale) - pdf((0.5 - a) / scale)) / scale;
		return -Math.signum(v) * dMass / (mass * LN2);
	}

	private static double pdf(final double u) {
		return Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
	}

	private static final double LN2 = Math.log(2);
}
