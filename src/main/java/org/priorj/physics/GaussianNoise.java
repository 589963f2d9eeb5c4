package org.priorj.physics;

import java.util.SplittableRandom;

import org.priorj.base.Checks;

/** Additive white Gaussian noise with standard deviation sigma, in the units of the data. */
public final class GaussianNoise implements NoiseModel {

	private final double sigma;

	public GaussianNoise(final double sigma) {
		this.sigma = Checks.nonNegative("noise_sigma", sigma);
	}

	/** sigma = relative * max |clean|, the convention used for sinograms (e.g. 0.5 % of the max). */
	public static GaussianNoise relativeToMax(final float[] clean, final double relative) {
		Checks.nonNegative("relative_noise", relative);
		double m = 0;
		for (final float v : clean) m = Math.max(m, Math.abs(v));
		return new GaussianNoise(relative * m);
	}

	public double sigma() {
		return sigma;
	}

	@Override
	public float[] corrupt(final float[] clean, final long seed) {
		final SplittableRandom rnd = new SplittableRandom(seed);
		final float[] y = new float[clean.length];
		for (int i = 0; i < y.length; i++) y[i] = (float) (clean[i] + sigma * gaussian(rnd));
		return y;
	}

	/** Standard normal by the polar method (SplittableRandom has no nextGaussian on Java 17). */
	public static double gaussian(final SplittableRandom rnd) {
		double u, v, s;
		do {
			u = 2 * rnd.nextDouble() - 1;
			v = 2 * rnd.nextDouble() - 1;
			s = u * u + v * v;
		}
		while (s >= 1 || s == 0);
		return u * Math.sqrt(-2 * Math.log(s) / s);
	}

	@Override
	public String describe() {
		return "gaussian sigma=" + sigma;
	}
}
