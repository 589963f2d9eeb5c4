package org.priorj.fiji;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The cancellation request of one run of a command, so that starting a command never clears a
 * request made to another one that is still running. Esc inside ImageJ stops runs as well
 * ({@link StatusProgress}); from outside ImageJ, the command line's Ctrl-C calls {@link #shutdown}.
 * A cancelled run returns its current estimate. Runs are held weakly: a finished run needs no
 * clean-up.
 */
public final class Cancellation {

	private static final Set<Cancellation> RUNNING = Collections.synchronizedSet(Collections
		.newSetFromMap(new WeakHashMap<>()));
	private static volatile boolean shuttingDown;

	private volatile boolean requested;

	private Cancellation() {}

	/** The request of a run that starts now. */
	public static Cancellation start() {
		final Cancellation c = new Cancellation();
		RUNNING.add(c);
		return c;
	}

	/** Asks this run to stop at its next step. */
	public void request() {
		requested = true;
	}

	public boolean requested() {
		return requested || shuttingDown;
	}

	/** Asks every run that is going to stop at its next step. */
	public static void requestAll() {
		final List<Cancellation> runs;
		synchronized (RUNNING) {
			runs = new ArrayList<>(RUNNING);
		}
		for (final Cancellation c : runs) c.request();
	}

	/**
	 * The process is stopping (Ctrl-C on the command line): every run, going or about to start,
	 * stops at its next step.
	 */
	public static void shutdown() {
		shuttingDown = true;
		requestAll();
	}
}
