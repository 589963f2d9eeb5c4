package org.priorj.cli;

import java.io.PrintStream;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

/**
 * Draws the status of a running command as a one-line progress bar on a terminal
 * ({@code [=======>      ] 45/100 TV 45/100, 3 s left}), redrawn in place.
 */
final class TerminalProgress {

	private static final int WIDTH = 30;
	private final PrintStream err;
	private boolean drawn;

	TerminalProgress(final PrintStream err) {
		this.err = err;
	}

	@EventHandler
	public synchronized void onEvent(final StatusEvent e) {
		final int max = e.getProgressMaximum(), value = e.getProgressValue();
		if (max <= 0) return;
		final int filled = (int) Math.round(WIDTH * Math.min(1.0, value / (double) max));
		final StringBuilder bar = new StringBuilder("\r[");
		for (int i = 0; i < WIDTH; i++) bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
		bar.append("] ").append(e.getStatusMessage() == null ? value + "/" + max : e
			.getStatusMessage()).append(value < max ? " (Ctrl-C stops) " : "                ");
		err.print(bar);
		err.flush();
		drawn = true;
		if (value >= max) finish();
	}

	synchronized void finish() {
		if (drawn) err.println();
		drawn = false;
	}
}
