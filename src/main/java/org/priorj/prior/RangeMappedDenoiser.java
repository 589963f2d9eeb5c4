package org.priorj.prior;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * A denoiser trained on [lo, hi] presented on another value range [lo', hi'] by the affine map
 * {@code u = lo + a (x - lo')}, {@code a = (hi - lo) / (hi' - lo')}: noise levels scale by the same
 * factor, and
 * <pre>
 *   D'(x, sigma) = lo' + (D(u, a sigma) - lo) / a.
 * </pre>
 * The MMSE denoiser is equivariant under affine maps, so this is exact, not an approximation:
 * for example a [0, 1] denoiser used as a diffusion prior on [-1, 1] data sees
 * {@code (x + 1) / 2} at half the noise level, and its result is mapped back by {@code 2 d - 1}.
 * The trained noise range moves with it ({@code minSigma / a}, {@code maxSigma / a}); name and
 * channels are those of the wrapped denoiser. Thread-safe if the wrapped denoiser is.
 */
public final class RangeMappedDenoiser implements Denoiser {

	private final Denoiser inner;
	private final double low, high, scale;

	/** {@code inner} presented on [low, high]. */
	public RangeMappedDenoiser(final Denoiser inner, final double low, final double high) {
		if (inner == null) throw Checks.bad("denoiser", "got null", "a denoiser");
		Denoisers.checkRange(low, high);
		this.inner = inner;
		this.low = low;
		this.high = high;
		this.scale = (inner.high() - inner.low()) / (high - low);
	}

	public Denoiser inner() {
		return inner;
	}

	@Override
	public String name() {
		return inner.name();
	}

	@Override
	public int channels() {
		return inner.channels();
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
	public double minSigma() {
		return inner.minSigma() / scale;
	}

	@Override
	public double maxSigma() {
		return inner.maxSigma() / scale;
	}

	@Override
	public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
		Denoisers.checkSigma(sigma);
		Denoisers.checkBatch(x, nchw, channels());
		final double lo = inner.low();
		final float[] u = new float[x.length];
		for (int i = 0; i < u.length; i++) u[i] = (float) (lo + scale * (x[i] - low));
		final float[] d = inner.denoise(u, nchw, scale * sigma);
		for (int i = 0; i < d.length; i++) d[i] = (float) (low + (d[i] - lo) / scale);
		return d;
	}

	@Override
	public long hostBytes(final Shape nchw) {
		return inner.hostBytes(nchw);
	}
}
