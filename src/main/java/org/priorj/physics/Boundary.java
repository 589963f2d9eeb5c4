package org.priorj.physics;

/**
 * How an operator that needs pixels outside the image (a blur, an antialiasing filter) extends it.
 * The extension is part of the linear operator, so its adjoint folds the outside contributions back
 * onto the border pixels that supplied them.
 */
public enum Boundary {
	/** Zero outside the image: a blurred image darkens towards its border. */
	ZERO,
	/**
	 * Mirror about the edge pixel without repeating it ({@code d c b | a b c d | c b a}, numpy's
	 * "reflect"): no dark border and no wrap-around; the usual choice for photographs.
	 */
	REFLECT;

	/**
	 * For a line of {@code n} samples extended by {@code before} and {@code after} samples, the
	 * source index of each extended position, or -1 where the extension is zero.
	 */
	public int[] indexMap(final int n, final int before, final int after) {
		final int[] map = new int[n + before + after];
		for (int i = 0; i < map.length; i++) map[i] = source(i - before, n);
		return map;
	}

	/** Source index of position {@code i} (may lie outside [0, n)), or -1 for zero. */
	public int source(final int i, final int n) {
		if (i >= 0 && i < n) return i;
		if (this == ZERO) return -1;
		if (n == 1) return 0;
		final int period = 2 * (n - 1);
		int j = Math.floorMod(i, period);
		return j < n ? j : period - j;
	}
}
