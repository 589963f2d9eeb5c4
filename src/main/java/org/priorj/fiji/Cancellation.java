package org.priorj.fiji;

/**
 * A request to stop the running command from outside ImageJ (the command line's Ctrl-C); Esc does
 * the same inside ImageJ. Commands return their current estimate when asked.
 */
public final class Cancellation {

	private static volatile boolean requested;

	private Cancellation() {}

	public static void request() {
		requested = true;
	}

	public static boolean requested() {
		return requested;
	}

	/** Called when a command starts. */
	public static void reset() {
		requested = false;
	}
}
