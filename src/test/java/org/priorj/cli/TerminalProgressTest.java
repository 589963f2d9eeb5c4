package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.scijava.app.event.StatusEvent;

/** The progress of a command: redrawn on a terminal, plain lines in a log, and an early stop said. */
class TerminalProgressTest {

	private static String run(final boolean terminal, final int steps, final int max) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final TerminalProgress p = new TerminalProgress(new PrintStream(out, true,
			StandardCharsets.UTF_8), terminal);
		for (int i = 0; i <= steps; i++) p.onEvent(new StatusEvent(i, max, "CG " + i + "/" + max));
		p.finish();
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aLogGetsPlainLinesAndAnEarlyStopIsSaid() {
		final String log = run(false, 37, 2000);
		assertTrue(!log.contains("\r"), "no carriage returns in a log");
		assertEquals(2, log.lines().count(), log);
		assertTrue(log.trim().endsWith("CG 37/2000: finished after 37 of at most 2000"), log);
		final String full = run(false, 100, 100);
		assertEquals(11, full.lines().count(), "one line per tenth: " + full);
		assertTrue(!full.contains("finished after"), full);
	}

	@Test
	void aTerminalGetsTheBarRedrawnInPlace() {
		final String tty = run(true, 37, 2000);
		assertTrue(tty.contains("\r[") && tty.contains("finished after 37 of at most 2000"), tty);
		assertTrue(tty.endsWith("\n"), "the bar ends its line");
	}
}
