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
}
