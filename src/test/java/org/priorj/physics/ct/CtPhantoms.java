package org.priorj.physics.ct;

/** Test images for the CT operators, rasterised with 4x4 supersampling per pixel. */
final class CtPhantoms {

	private CtPhantoms() {}

	/**
	 * A head-like phantom of six ellipses inside the inscribed circle, values in [0, 1]: a skull
	 * ring of 1, soft tissue of 0.2, and brighter and darker details. Each ellipse is
	 * {value, x0, y0, a, b, angle deg} in units of the half-width, y downwards.
	 */
	static float[] ellipses(final int n) {
		final double[][] e = {
			{1.0, 0, 0, 0.72, 0.90, 0},
			{-0.8, 0, 0.02, 0.66, 0.84, 0},
			{0.3, 0.22, -0.1, 0.12, 0.30, -18},
			{0.3, -0.22, -0.1, 0.16, 0.38, 18},
			{0.4, 0, 0.45, 0.2, 0.2, 0},
			{-0.1, -0.3, 0.5, 0.08, 0.12, 30}};
		final float[] img = new float[n * n];
		final int sub = 4;
		final double c = (n - 1) / 2.0;
		for (int y = 0; y < n; y++) {
			for (int x = 0; x < n; x++) {
				double sum = 0;
				for (int sy = 0; sy < sub; sy++) {
					for (int sx = 0; sx < sub; sx++) {
						final double px = (x + (sx + 0.5) / sub - 0.5 - c) / (n / 2.0);
						final double py = (y + (sy + 0.5) / sub - 0.5 - c) / (n / 2.0);
						for (final double[] q : e) {
							final double t = Math.toRadians(q[5]);
							final double dx = px - q[1], dy = py - q[2];
							final double u = (dx * Math.cos(t) + dy * Math.sin(t)) / q[3];
							final double v = (-dx * Math.sin(t) + dy * Math.cos(t)) / q[4];
							if (u * u + v * v <= 1) sum += q[0];
						}
					}
				}
				img[y * n + x] = (float) (sum / (sub * sub));
			}
		}
		return img;
	}

	/** A disc of value 1 and radius r pixels about the image centre. */
	static float[] disc(final int n, final double r) {
		final float[] img = new float[n * n];
		final int sub = 4;
		final double c = (n - 1) / 2.0;
		for (int y = 0; y < n; y++) {
			for (int x = 0; x < n; x++) {
				int in = 0;
				for (int sy = 0; sy < sub; sy++) {
					for (int sx = 0; sx < sub; sx++) {
						final double px = x + (sx + 0.5) / sub - 0.5 - c;
						final double py = y + (sy + 0.5) / sub - 0.5 - c;
						if (px * px + py * py <= r * r) in++;
					}
				}
				img[y * n + x] = (float) in / (sub * sub);
			}
		}
		return img;
	}

	/** True inside the circle of radius n/2 - 1 about the centre (where CT scores are taken). */
	static boolean[] inscribed(final int n) {
		final boolean[] m = new boolean[n * n];
		final double c = (n - 1) / 2.0, r = n / 2.0 - 1;
		for (int y = 0; y < n; y++) {
			for (int x = 0; x < n; x++) m[y * n + x] = Math.hypot(x - c, y - c) <= r;
		}
		return m;
	}

	/** PSNR in dB for data range 1 over the masked pixels. */
	static double psnr(final float[] truth, final float[] estimate, final boolean[] mask) {
		double se = 0;
		int count = 0;
		for (int i = 0; i < truth.length; i++) {
			if (!mask[i]) continue;
			final double d = truth[i] - estimate[i];
			se += d * d;
			count++;
		}
		return 10 * Math.log10(count / se);
	}

	static double mean(final float[] a, final boolean[] mask) {
		double s = 0;
		int count = 0;
		for (int i = 0; i < a.length; i++) {
			if (mask[i]) {
				s += a[i];
				count++;
			}
		}
		return s / count;
	}
}
