package org.priorj.solve;

import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Runs the row loops of the TV methods, in parallel over rows when the array is large enough for
 * the split to pay. Sums are taken per row and then added in row order, so that every result is
 * the same whatever the number of threads.
 */
final class TvRows {

	/** Below this many elements a single thread is faster than a fork-join split. */
	static final int PARALLEL_MIN = 1 << 16;

	private TvRows() {}

	static void forEach(final int rows, final int rowLength, final IntConsumer row) {
		if ((long) rows * rowLength < PARALLEL_MIN || rows < 2) {
			for (int r = 0; r < rows; r++) row.accept(r);
		}
		else IntStream.range(0, rows).parallel().forEach(row);
	}

	/** The sum over rows of {@code row.applyAsDouble(r)}, added in row order. */
	static double sum(final int rows, final int rowLength, final IntToDoubleFunction row) {
		final double[] partial = new double[rows];
		forEach(rows, rowLength, r -> partial[r] = row.applyAsDouble(r));
		double s = 0;
		for (final double v : partial) s += v;
		return s;
	}

	/** a[from] + ... + a[to - 1] in double, in four interleaved partial sums (so the loop pipelines). */
	static double sum(final float[] a, final int from, final int to) {
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		int i = from;
		for (; i + 3 < to; i += 4) {
			s0 += a[i];
			s1 += a[i + 1];
			s2 += a[i + 2];
			s3 += a[i + 3];
		}
		for (; i < to; i++) s0 += a[i];
		return (s0 + s1) + (s2 + s3);
	}

	/** a[from]^2 + ... + a[to - 1]^2 in double, as {@link #sum(float[], int, int)}. */
	static double sumOfSquares(final float[] a, final int from, final int to) {
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		int i = from;
		for (; i + 3 < to; i += 4) {
			s0 += (double) a[i] * a[i];
			s1 += (double) a[i + 1] * a[i + 1];
			s2 += (double) a[i + 2] * a[i + 2];
			s3 += (double) a[i + 3] * a[i + 3];
		}
		for (; i < to; i++) s0 += (double) a[i] * a[i];
		return (s0 + s1) + (s2 + s3);
	}
}
