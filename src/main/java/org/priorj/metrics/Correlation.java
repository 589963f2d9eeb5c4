package org.priorj.metrics;

/** Pearson correlation of two images of the same size (0 where either is constant). */
public final class Correlation {

	private Correlation() {}

	public static double pearson(final float[] a, final float[] b) {
		Inputs.sameSize("a", a, "b", b);
		double ma = 0, mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= a.length;
		mb /= b.length;
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < a.length; i++) {
			sab += (a[i] - ma) * (b[i] - mb);
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
		}
		return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
	}
}
