package org.priorj.physics.ct;

/**
 * The 1-D filters of filtered backprojection, as real frequency responses on a zero-padded
 * detector axis of even length P (frequency index k = 0 .. P/2, k / P cycles per detector bin).
 * <p>
 * The ramp is not sampled as |f| but computed as the Fourier transform of the band-limited ramp's
 * spatial kernel (h(0) = 1/4, h(n) = -1 / (π n)^2 for odd n, 0 for even n; Kak and Slaney,
 * "Principles of Computerized Tomographic Imaging", ch. 3, eq. 61), times 2, as scikit-image's
 * {@code iradon} does: this avoids the DC bias of a sampled ramp. The windows multiply that ramp.
 */
public enum FbpFilter {

	/** The plain ramp: sharpest, most noise. */
	RAMP,
	/** Ramp times sinc(f) = sin(π f) / (π f): slightly smoother. */
	SHEPP_LOGAN,
	/**
	 * Ramp times the Hann window 0.5 (1 + cos(2π f)), zero at the Nyquist frequency: smoothest.
	 * (scikit-image's "hann" uses {@code numpy.hanning(P)}, which differs by O(1/P).)
	 */
	HANN;

	/** The response at k = 0 .. P/2 for an even padded length P. */
	public double[] response(final int paddedLength) {
		final int p = paddedLength;
		final double[] h = new double[p / 2 + 1];
		for (int k = 0; k <= p / 2; k++) {
			double sum = 0.25;
			for (int n = 1; n < p; n += 2) {
				final int m = Math.min(n, p - n);
				sum -= Math.cos(2 * Math.PI * k * n / p) / (Math.PI * m * Math.PI * m);
			}
			h[k] = 2 * sum * window((double) k / p);
		}
		return h;
	}

	private double window(final double f) {
		switch (this) {
			case SHEPP_LOGAN:
				return f == 0 ? 1 : Math.sin(Math.PI * f) / (Math.PI * f);
			case HANN:
				return 0.5 * (1 + Math.cos(2 * Math.PI * f));
			default:
				return 1;
		}
	}
}
