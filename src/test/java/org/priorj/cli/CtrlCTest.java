package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on the command line stops a long run and still writes its current estimate. */
class CtrlCTest {

	@TempDir
	Path dir;

	@Test
	@Timeout(150)
	void interruptWritesTheCurrentEstimateAndExits130() throws Exception {
		// a process started in the background by a non-interactive shell inherits SIGINT as
		// ignored, and so does every JVM it starts: Ctrl-C cannot reach the child there
		org.junit.jupiter.api.Assumptions.assumeFalse(sigintIgnored(),
			"SIGINT is ignored in this environment (started as a background job)");
		final String m = dir.resolve("m.tif").toString(), r = dir.resolve("r.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--input", new File(
			"test-images/camera.png").getAbsolutePath(), "--operator", "radon angles=0:180:30",
			"--output", m }));
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty(
			"java.class.path"), "org.priorj.cli.Main", "solve", "--measurement", m, "--method",
			"sirt", "--iterations", "1000000", "--output", r)).redirectErrorStream(true).start();
		// wait until the progress bar shows iterations running, then press Ctrl-C
		final BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
			StandardCharsets.UTF_8));
		final StringBuilder seen = new StringBuilder();
		for (int c; (c = out.read()) >= 0;) {
			seen.append((char) c);
			if (seen.toString().matches("(?s).*SIRT [1-9][0-9]*/1000000.*")) break;
		}
		assertTrue(seen.length() > 0 && p.isAlive(), "no progress seen: " + seen);
		// the shell's own kill: no separate binary needed
		new ProcessBuilder("sh", "-c", "kill -INT " + p.pid()).start().waitFor();
		final Thread drain = new Thread(() -> {
			try {
				for (int c; (c = out.read()) >= 0;) seen.append((char) c);
			}
			catch (final java.io.IOException e) {
				// the process ended
			}
		});
		drain.start();
		final boolean stopped = p.waitFor(90, TimeUnit.SECONDS);
		if (!stopped) p.destroyForcibly();
		drain.join(5000);
		assertTrue(stopped, "the run did not stop; its output: " + seen);
		assertEquals(130, p.exitValue(), seen.toString());
		// a stopped run's estimate never sits at the final path, where it would pass for a result
		assertTrue(!new File(r).exists(), "the final path holds a stopped run's estimate");
		final ImagePlus result = IJ.openImage(dir.resolve("r-cancelled.tif").toString());
		final String info = (String) result.getProperty("Info");
		assertTrue(info.contains("(cancelled)"), info);
	}

	/** Whether this process ignores SIGINT (Linux: bit 1 of SigIgn in /proc/self/status). */
	private static boolean sigintIgnored() throws java.io.IOException {
		final Path status = Path.of("/proc/self/status");
		if (!java.nio.file.Files.exists(status)) return false;
		for (final String line : java.nio.file.Files.readAllLines(status))
			if (line.startsWith("SigIgn:")) return (Long.parseLong(line.substring(7).trim(), 16) &
				2) != 0;
		return false;
	}
}
