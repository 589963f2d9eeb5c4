package org.priorj.physics;

import java.util.SplittableRandom;

import org.priorj.base.Checks;

/**
 * Photon-counting noise of a transmission CT scan. A clean line integral p (sinogram value) gives
 * counts N ~ Poisson(I0 exp(-mu p)) with I0 incident photons per detector bin and mu the
 * attenuation per unit of the sinogram; the measurement is the log-transformed -ln(N / I0) / mu. A
 * bin that counts no photon would give an infinite value, so N is clamped to at least 1 (what
 * scanners do in their log step): the largest representable line integral is ln(I0) / mu.
 */
public final class PoissonCtNoise implements NoiseModel {

	private final double photons;
	private final double mu;

	public PoissonCtNoise(final double photons, final double mu) {
		this.photons = Checks.positive("photons", photons);
		this.mu = Checks.positive("mu", mu);
	}

	@Override
	public float[] corrupt(final float[] clean, final long seed) {
		final SplittableRandom rnd = new SplittableRandom(seed);
		final float[] y = new float[clean.length];
		for (int i = 0; i < y.length; i++) {
			final double mean = photons * Math.exp(-mu * clean[i]);
			final long n = Math.max(1, poisson(mean, rnd));
			y[i] = (float) (-Math.log(n / photons) / mu);
		}
		return y;
	}

	/**
	 * Poisson sample: inversion for small means, and for large means Hormann's transformed rejection
	 * (PTRS, 1993), which is exact and O(1).
	 */
	static long poisson(final double lambda, final SplittableRandom rnd) {
		if (lambda <= 0) return 0;
		if (lambda < 10) {
			final double l = Math.exp(-lambda);
			long k = 0;
			double p = rnd.nextDouble();
			while (p > l) {
				k++;
				p *= rnd.nextDouble();
			}
			return k;
		}
		final double slam = Math.sqrt(lambda), loglam = Math.log(lambda);
		final double b = 0.931 + 2.53 * slam;
		final double a = -0.059 + 0.02483 * b;
		final double invalpha = 1.1239 + 1.1328 / (b - 3.4);
		final double vr = 0.9277 - 3.6224 / (b - 2);
		while (true) {
			final double u = rnd.nextDouble() - 0.5;
			final double v = rnd.nextDouble();
			final double us = 0.5 - Math.abs(u);
			final long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
			if (us >= 0.07 && v <= vr) return k;
			if (k < 0 || (us < 0.013 && v > us)) continue;
			if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k *
				loglam - logFactorial(k)) return k;
		}
	}

	private static double logFactorial(final long k) {
		if (k < 2) return 0;
		// Stirling series; exact enough for k >= 2 in the acceptance test above
		final double x = k + 1.0;
		return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 *
			x * x * x);
	}

	@Override
	public String describe() {
		return "poisson photons=" + photons + " mu=" + mu;
	}
}
