package org.priorj.base;

/**
 * Where an iterative method reports how far it is and learns whether the user asked it to stop.
 * Every solver, classical or learned, reports through this one interface: a Fiji status bar (Esc
 * cancels), a terminal progress bar (Ctrl-C cancels), or nothing. A cancelled solver stops after the
 * step it is in and returns its current estimate.
 */
public interface Progress {

	/** {@code done} of {@code total} steps of {@code task} are complete. */
	void report(String task, int done, int total);

	/** True once the user asked to stop. */
	boolean isCancelled();

	/** Reports nowhere, never cancels. */
	Progress NONE = new Progress() {

		@Override
		public void report(final String task, final int done, final int total) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};
}
