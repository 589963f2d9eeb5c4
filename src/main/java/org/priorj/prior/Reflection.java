package org.priorj.prior;

import org.priorj.physics.Boundary;

/**
 * Mirror-reflection padding (edge pixel not repeated: ... 2 1 | 0 1 2 ... n-1 | n-2 ...), periodic
 * with period 2(n - 1), so it works for any pad size; a side of one pixel is repeated.
 */
public final class Reflection {

	private Reflection() {}

	/** Index into [0, n) of position i under mirror reflection. */
	static int index(final int i, final int n) {
		return Boundary.REFLECT.source(i, n);
	}

	/** Copies an h x w image into the top-left of a ph x pw image, reflecting into the rest. */
	public static void pad(final float[] src, final int srcOffset, final int h, final int w,
		final float[] dst, final int dstOffset, final int ph, final int pw)
	{
		for (int y = 0; y < ph; y++) {
			final int row = srcOffset + index(y, h) * w;
			final int out = dstOffset + y * pw;
			for (int x = 0; x < pw; x++)
				dst[out + x] = src[row + index(x, w)];
		}
	}

	/** The transpose of {@link #pad}: each padded value is added back onto the pixel it came from. */
	static void foldBack(final float[] src, final int srcOffset, final int ph, final int pw,
		final float[] dst, final int dstOffset, final int h, final int w)
	{
		java.util.Arrays.fill(dst, dstOffset, dstOffset + h * w, 0f);
		for (int y = 0; y < ph; y++) {
			final int row = dstOffset + index(y, h) * w;
			final int in = srcOffset + y * pw;
			for (int x = 0; x < pw; x++)
				dst[row + index(x, w)] += src[in + x];
		}
	}
}
