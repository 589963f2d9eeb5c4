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
	public Latent encode(final float[] x, final Shape nchw) {
		Denoisers.checkBatch(x, nchw, channels);
		return new Latent(x.clone(), nchw);
	}

	@Override
	public float[] decode(final Latent z) {
		Denoisers.checkBatch("latent", z.values(), z.shape(), channels);
		return z.values().clone();
	}

	@Override
	public Shape imageShape(final Shape latentShape) {
		return latentShape;
	}

	@Override
	public double rate(final Latent z) {
		double bits = 0;
		final double s = scale * Math.sqrt(2);
		for (final float v : z.values()) {
			final double a = Math.abs(v);
			// Phi(u) - Phi(w) = (erf(u / sqrt 2) - erf(w / sqrt 2)) / 2, both arguments <= 1/2
			final double p = 0.5 * Erf.erf((-0.5 - a) / s, (0.5 - a) / s);
			bits -= Math.log(Math.max(p, LIKELIHOOD_BOUND)) / Math.log(2);
		}
		return bits;
	}
}
