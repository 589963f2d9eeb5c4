package org.priorj.physics;

import java.util.stream.IntStream;

/**
 * One axis of a separable {@link Blur}: convolution of every line of a 2-D array with a 1-D kernel,
 * the array first extended by the kernel's reach with a {@link Boundary}, the output of the same
 * size ("extend, convolve linearly, crop"), and its exact transpose.
 * <p>
 * For a line of n samples and taps {@code w[0..m-1]} centred on tap {@code centre}:
 * {@code out[c] = sum_j w[j] E(c - (j - centre))}, where {@code E(i)} is the input at
 * {@code boundary.source(i, n)} (0 where that is -1). The image is held as an array of rows. Along
 * the rows each line is copied once into an extended buffer and the sum runs tap by tap over the
 * whole line; across the rows each output row is a weighted sum of whole input rows. Both inner
 * loops run over whole lines, which the JIT vectorises. Lines run in parallel for arrays of at least {@value #PARALLEL_MIN} values;
 * each output value is computed in the same order whatever the threads, so results are
 * deterministic.
 */
final class LineConvolution {

	/** Below this many values one thread is faster than a fork-join split. */
	static final int PARALLEL_MIN = 1 << 15;

	private final float[] w;
	private final int n;
	/** Samples added before the line: m - 1 - centre. */
	private final int before;
	/** Source index of each extended position {@code i - before}, -1 for zero. */
	private final int[] extension;
	/** For the first axis: per output row, the input rows and weights (zero rows left out). */
	private final int[][] rowIndex;
	private final float[][] rowWeight;
	/** The same per input row, for the transpose as a gather. */
	private final int[][] rowIndexT;
	private final float[][] rowWeightT;

	LineConvolution(final float[] taps, final int centre, final int n, final Boundary boundary) {
		this.w = taps.clone();
		this.n = n;
		final int m = taps.length;
		before = m - 1 - centre;
		extension = boundary.indexMap(n, before, centre);
		final int[] count = new int[n], countT = new int[n];
		for (int c = 0; c < n; c++)
			for (int j = 0; j < m; j++) {
				final int s = boundary.source(c - (j - centre), n);
				if (s >= 0) {
					count[c]++;
					countT[s]++;
				}
			}
		rowIndex = new int[n][];
		rowWeight = new float[n][];
		rowIndexT = new int[n][];
		rowWeightT = new float[n][];
		for (int c = 0; c < n; c++) {
			rowIndex[c] = new int[count[c]];
			rowWeight[c] = new float[count[c]];
			rowIndexT[c] = new int[countT[c]];
			rowWeightT[c] = new float[countT[c]];
		}
		final int[] fill = new int[n], fillT = new int[n];
		for (int c = 0; c < n; c++)
			for (int j = 0; j < m; j++) {
				final int s = boundary.source(c - (j - centre), n);
				if (s < 0) continue;
				rowIndex[c][fill[c]] = s;
				rowWeight[c][fill[c]++] = taps[j];
				rowIndexT[s][fillT[s]] = c;
				rowWeightT[s][fillT[s]++] = taps[j];
			}
	}

	/**
	 * Along the lines themselves: {@code out[r]} from {@code in[r]} for every r, each line holding
	 * n values (the last axis of an image stored as rows).
	 */
	void alongRows(final float[][] in, final float[][] out, final boolean transpose) {
		chunks(in.length, n, (from, to) -> {
			final int len = extension.length, last = w.length - 1;
			// forward: the extended line; transpose: the line between m - 1 zeros on each side
			final float[] line = new float[transpose ? len + last : len];
			final float[] shifted = new float[len];
			final float[] acc = transpose ? new float[len] : null;
			for (int r = from; r < to; r++) {
				if (transpose) rowTransposed(in[r], out[r], line, shifted, acc);
				else row(in[r], out[r], line, shifted);
			}
		});
	}

	/*
	 * Both row loops copy the taps' shifted views into one scratch line first: the JIT (Java 17)
	 * vectorises a loop only when its arrays are indexed alike, and the copy is an intrinsic.
	 */

	private void row(final float[] in, final float[] out, final float[] ext,
		final float[] shifted)
	{
		for (int i = 0; i < ext.length; i++) {
			final int s = extension[i];
			ext[i] = s >= 0 ? in[s] : 0f;
		}
		java.util.Arrays.fill(out, 0f);
		final int last = w.length - 1;
		for (int j = 0; j <= last; j++) {
			final float wj = w[j];
			System.arraycopy(ext, last - j, shifted, 0, n);
			for (int c = 0; c < n; c++) out[c] += wj * shifted[c];
		}
	}

	/** acc = the extended line's correlation with the taps, then folded back onto the n samples. */
	private void rowTransposed(final float[] in, final float[] out, final float[] padded,
		final float[] shifted, final float[] acc)
	{
		final int last = w.length - 1, len = extension.length;
		System.arraycopy(in, 0, padded, last, n);
		java.util.Arrays.fill(acc, 0f);
		for (int j = 0; j <= last; j++) {
			final float wj = w[j];
			System.arraycopy(padded, j, shifted, 0, len);
			for (int i = 0; i < len; i++) acc[i] += wj * shifted[i];
		}
		// the inside of the extension first, then the folded margins, in a fixed order
		System.arraycopy(acc, before, out, 0, n);
		for (int i = 0; i < len; i++) {
			if (i >= before && i < before + n) continue;
			final int s = extension[i];
			if (s >= 0) out[s] += acc[i];
		}
	}

	/** Across the lines: {@code out[o]} is a weighted sum of lines {@code in[s]} (the first axis). */
	void alongColumns(final float[][] in, final float[][] out, final boolean transpose) {
		final int[][] index = transpose ? rowIndexT : rowIndex;
		final float[][] weight = transpose ? rowWeightT : rowWeight;
		chunks(n, in[0].length, (from, to) -> {
			for (int o = from; o < to; o++) {
				final float[] dst = out[o];
				java.util.Arrays.fill(dst, 0f);
				final int[] ix = index[o];
				final float[] wt = weight[o];
				for (int k = 0; k < ix.length; k++) {
					final float[] src = in[ix[k]];
					final float wk = wt[k];
					for (int c = 0; c < dst.length; c++) dst[c] += wk * src[c];
				}
			}
		});
	}

	private interface Range {

		void run(int from, int to);
	}

	/** Lines [0, lines) in a few contiguous chunks, in parallel when the array is large. */
	private static void chunks(final int lines, final int length, final Range body) {
		final int threads = Runtime.getRuntime().availableProcessors();
		if ((long) lines * length < PARALLEL_MIN || threads < 2 || lines < 2) {
			body.run(0, lines);
			return;
		}
		final int parts = Math.min(lines, 4 * threads);
		IntStream.range(0, parts).parallel().forEach(p -> body.run((int) ((long) lines * p /
			parts), (int) ((long) lines * (p + 1) / parts)));
	}
}
