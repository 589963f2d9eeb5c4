package org.priorj.prior;

/**
 * Mirror-reflection padding (edge pixel not repeated: ... 2 1 | 0 1 2 ... n-1 | n-2 ...), periodic
 * with period 2(n - 1), so it works for any pad size; a side of one pixel is repeated.
 */
final class Reflection {

	private Reflection() {}

	/** Index into [0, n) of position i under mirror reflection. */
	static int index(final int i, final int n) {
		if (n == 1) return 0;
		final int period = 2 * (n - 1);
		int k = Math.floorMod(i, period);
		return k < n ? k : period - k;
	}

	/** Copies an h x w image into the top-left of a ph x pw image, reflecting into the rest. */
	static void pad(final float[] src, final int srcOffset, final int h, final int w,
		final float[] dst, final int dstOffset, final int ph, final int pw)
	{
		for (int y = 0; y < ph; y++) {
			final int row = srcOffset + index(y, h) * w;
			final int out = dstOffset + y * pw;
			for (int x = 0; x < pw; x++)
				dst[out + x] = src[row + index(x, w)];
		}
	}
}
