package org.priorj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DynamicBenchTest {

	private static String run(final int iterations, final boolean trace) throws Exception {
		final DynamicBench.Settings s = new DynamicBench.Settings();
		s.training = true;
		s.size = 32;
		s.frames = List.of(8);
		s.objects = List.of("shepp-logan");
		s.methods = List.of("red-psm");
		s.order = 2;
		s.nodes = 4;
		s.iterations = iterations;
		s.innerSteps = 5;
		s.trace = trace;
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new DynamicBench(s, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void traceGivesThePsnrOfEachIterateAsAShorterRunEndsThere() throws Exception {
		final String traced = run(3, true);
		for (int k = 1; k <= 2; k++) {
			final Matcher row = Pattern.compile("(?m)^" + k + " \\| ([0-9.]+) \\|").matcher(traced);
			assertTrue(row.find(), traced);
			final Matcher last = Pattern.compile("(?m)^\\| red-psm \\| ([0-9.]+) \\|").matcher(run(k,
				false));
			assertTrue(last.find());
			assertEquals(Double.parseDouble(last.group(1)), Double.parseDouble(row.group(1)), 0.011, traced);
		}
	}
}
