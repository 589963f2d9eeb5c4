package org.priorj.solve;

/**
 * Estimated time left from the steps done so far, measured from the first report of a task (so that
 * set-up before the first step does not count), as every progress display shows it.
 */
public final class Eta {

	private String task;
	private long start;
	private int first, last, total = -1;

	/**
	 * Seconds left, or NaN while nothing can be estimated yet. A report whose count goes on from the
	 * last one (same total, no fewer done) continues the task even when its text changes, as a
	 * volume's "step 3/50, slices 9–16" does with every batch.
	 */
	public synchronized double secondsLeft(final String task, final int done, final int total) {
		final long now = System.nanoTime();
		final boolean continues = this.task != null && total == this.total && done >= last && (task
			.equals(this.task) || done > first);
		last = done;
		if (!continues) {
			this.task = task;
			this.total = total;
			this.start = now;
			this.first = done;
			return Double.NaN;
		}
		this.task = task;
		final int steps = done - first;
		if (steps <= 0) return Double.NaN;
		return (now - start) / 1e9 / steps * (total - done);
	}

	/** "12 s", "3 min 05 s", or "" when unknown. */
	public static String format(final double seconds) {
		if (Double.isNaN(seconds)) return "";
		final long s = Math.round(seconds);
		return s < 60 ? s + " s" : String.format("%d min %02d s", s / 60, s % 60);
	}
}
