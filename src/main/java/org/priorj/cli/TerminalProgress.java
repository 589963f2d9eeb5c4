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
	/** Redraw in place (a terminal); else plain lines for logs, one per tenth or every 2 s. */
	private final boolean terminal;
	private boolean drawn;
	private String lastMessage;
	private int lastValue, lastMax, lastTenth = -1;
	private long lastLine = System.nanoTime();
	private static final long LOG_INTERVAL_NANOS = 2_000_000_000L;

	TerminalProgress(final PrintStream err) {
		this(err, System.console() != null);
	}

	TerminalProgress(final PrintStream err, final boolean terminal) {
		this.err = err;
		this.terminal = terminal;
	}

	@EventHandler
	public synchronized void onEvent(final StatusEvent e) {
		final int max = e.getProgressMaximum(), value = e.getProgressValue();
		if (max <= 0) return;
		final String message = e.getStatusMessage() == null ? value + "/" + max : e.getStatusMessage();
		lastMessage = message;
		lastValue = value;
		lastMax = max;
		if (terminal) {
			err.print("\r" + bar(value, max) + message + (value < max ? " (Ctrl-C stops) "
				: "                "));
			err.flush();
			drawn = true;
		}
		else {
			// a line per tenth, and at least one every few seconds so that a log shows the run moves
			final int tenth = (int) Math.min(10, 10L * value / max);
			final long now = System.nanoTime();
			if (tenth != lastTenth || now - lastLine > LOG_INTERVAL_NANOS) {
				err.println(message);
				lastLine = now;
			}
			lastTenth = tenth;
			drawn = true;
		}
		if (value >= max) finish();
	}

	private static String bar(final int value, final int max) {
		final int filled = (int) Math.round(WIDTH * Math.min(1.0, value / (double) max));
		final StringBuilder bar = new StringBuilder("[");
		for (int i = 0; i < WIDTH; i++) bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
		return bar.append("] ").toString();
	}

	/** Ends the bar; a method that stopped before its maximum (converged, or stopped) says so. */
	synchronized void finish() {
		if (drawn && lastValue < lastMax) {
			final String early = lastMessage + ": finished after " + lastValue + " of at most " +
				lastMax;
			err.print(terminal ? "\r" + bar(lastValue, lastMax) + early + "                \n" : early +
				"\n");
		}
		else if (drawn && terminal) err.println();
		err.flush();
		drawn = false;
		lastTenth = -1;
	}
}
