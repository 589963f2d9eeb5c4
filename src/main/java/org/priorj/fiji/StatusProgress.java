package org.priorj.fiji;

import ij.IJ;

import org.priorj.solve.Eta;
import org.priorj.base.Progress;
import org.scijava.app.StatusService;

/**
 * Progress on Fiji's status bar (SciJava's StatusService, and ImageJ 1.x's status bar and progress
 * bar when ImageJ runs) with the time left; Esc in ImageJ, or a request to this run's
 * {@link Cancellation}, cancels. The status bar is updated at most ten times a second.
 */
final class StatusProgress implements Progress {

	private final StatusService status;
	private final Eta eta = new Eta();
	private final Cancellation cancellation = Cancellation.start();
	private long last;

	StatusProgress(final StatusService status) {
		this.status = status;
		IJ.resetEscape();
	}

	@Override
	public void report(final String task, final int done, final int total) {
		final String left = Eta.format(eta.secondsLeft(task, done, total));
		final long now = System.nanoTime();
		if (done < total && now - last < 100_000_000L) return;
		last = now;
		final String message = task + " " + done + "/" + total + (left.isEmpty() ? "" : ", " +
			left + " left");
		if (status != null) status.showStatus(done, total, message);
		if (IJ.getInstance() != null) {
			IJ.showStatus(message + " (Esc stops)");
			IJ.showProgress(done, total);
		}
	}

	/** This run's request. */
	Cancellation cancellation() {
		return cancellation;
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed() || cancellation.requested();
	}
}
