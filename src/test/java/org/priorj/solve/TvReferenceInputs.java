package org.priorj.solve;

import org.priorj.base.Progress;

/**
 * The deterministic test inputs of scripts/tv_reference.py, built from the same formulas: a
 * piecewise-constant image or volume (disc or ball, box, gentle ramp) plus pseudo-noise from a sine
 * hash, computed in double and stored as float.
 */
final class TvReferenceInputs {

	private TvReferenceInputs() {}

	/** 0.3 * (frac(sin(12.9898 i + 78.233) * 43758.5453) - 0.5), in [-0.15, 0.15). */
	static double noise(final int i) {
		final double t = Math.sin(i * 12.9898 + 78.233) * 43758.5453;
		return 0.3 * ((t - Math.floor(t)) - 0.5);
	}

	static float[] image(final int h, final int w) {
		final float[] f = new float[h * w];
		for (int y = 0; y < h; y++) {
			final double v = y / (double) (h - 1);
			for (int x = 0; x < w; x++) {
				final double u = x / (double) (w - 1);
				final int i = y * w + x;
				final double base = 0.2 + 0.5 * ((u - 0.4) * (u - 0.4) + (v - 0.55) * (v - 0.55) <
					0.09 ? 1 : 0) + 0.25 * (u > 0.6 && v < 0.35 ? 1 : 0) + 0.15 * (u * v);
				f[i] = (float) (base + noise(i));
			}
		}
		return f;
	}

	/** A piecewise-constant image: the disc and box of {@link #image} without ramp and noise. */
	static float[] shapes(final int h, final int w) {
		final float[] f = new float[h * w];
		for (int y = 0; y < h; y++) {
			final double v = y / (double) (h - 1);
			for (int x = 0; x < w; x++) {
				final double u = x / (double) (w - 1);
				f[y * w + x] = (float) (0.2 + 0.5 * ((u - 0.4) * (u - 0.4) + (v - 0.55) * (v -
					0.55) < 0.09 ? 1 : 0) + 0.25 * (u > 0.6 && v < 0.35 ? 1 : 0));
			}
		}
		return f;
	}

	static double maxAbsDifference(final float[] a, final float[] b) {
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
		return m;
	}

	/** Cancels once {@code after} steps were reported. */
	static Progress cancelAfter(final int after) {
		return new Progress() {

			int done;

			@Override
			public void report(final String task, final int d, final int total) {
				done = d;
			}

			@Override
			public boolean isCancelled() {
				return done >= after;
			}
		};
	}

	static float[] volume(final int d, final int h, final int w) {
		final float[] f = new float[d * h * w];
		for (int z = 0; z < d; z++) {
			final double s = z / (double) (d - 1);
			for (int y = 0; y < h; y++) {
				final double v = y / (double) (h - 1);
				for (int x = 0; x < w; x++) {
					final double u = x / (double) (w - 1);
					final int i = (z * h + y) * w + x;
					final double base = 0.2 + 0.5 * ((u - 0.4) * (u - 0.4) + (v - 0.55) * (v -
						0.55) + (s - 0.5) * (s - 0.5) < 0.12 ? 1 : 0) + 0.25 * (u > 0.6 && v <
							0.35 && s > 0.3 ? 1 : 0) + 0.15 * (u * v);
					f[i] = (float) (base + noise(i));
				}
			}
		}
		return f;
	}
}
