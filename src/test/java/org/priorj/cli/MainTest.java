package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.base.Shape;
import org.priorj.physics.Measurement;
import org.priorj.physics.MeasurementFile;

class MainTest {

	@TempDir
	Path dir;

	@Test
	void demoWritesAReportAMontageAndSelfDescribingMeasurements() throws Exception {
		final File out = dir.resolve("demo").toFile();
		assertEquals(0, Main.run(new String[] { "demo", "--out", out.getPath() }));
		final String report = Files.readString(new File(out, "report.md").toPath(),
			StandardCharsets.UTF_8);
		for (final String task : new String[] { "denoising", "inpainting", "super-resolution",
			"deblurring", "CT", "MRI" })
			assertTrue(report.contains("| " + task), "report lacks " + task + ":\n" + report);
		assertTrue(report.contains("prior natural-gray"), report);
		assertTrue(report.contains("| 3-D CT") && report.contains("dds-3d ct") && report.contains(
			"diffusion-mbir ct"), report);
		assertEquals(Shape.of(16, 64, 64), MeasurementFile.read(new File(out,
			"ct-volume-30-views.tif")).operator().domain());
		assertTrue(new File(out, "montage.png").length() > 10_000);
		final Measurement ct = MeasurementFile.read(new File(out, "ct-30-views.tif"));
		assertEquals("radon", ct.operatorSpec().kind());
		assertEquals(ct.dataShape(), ct.operator().range());
		// a second run does not replace the report unless asked
		assertEquals(2, Main.run(new String[] { "demo", "--out", out.getPath() }));
		assertEquals(0, Main.run(new String[] { "demo", "--out", out.getPath(), "--overwrite" }));
	}

	@Test
	void badUsageExitsWithCodeTwo() {
		assertEquals(2, Main.run(new String[0]));
		assertEquals(0, Main.run(new String[] { "--help" }));
		assertEquals(0, Main.run(new String[] { "--version" }));
		assertTrue(Main.version().matches("\\d+\\.\\d+\\.\\d+.*"), Main.version());
		assertEquals(2, Main.run(new String[] { "frobnicate" }));
		assertEquals(2, Main.run(new String[] { "demo", "--ovewrite" }));
		assertEquals(2, Main.run(new String[] { "bench", "everything" }));
		assertEquals(2, Main.run(new String[] { "bench", "operators", "--size", "big" }));
		assertEquals(2, Main.run(new String[] { "bench", "classical" }));
		assertEquals(2, Main.run(new String[] { "bench", "classical", "--data", dir.resolve("none")
			.toString() }));
		assertEquals(2, Main.run(new String[] { "demo", "--images", dir.resolve("none")
			.toString() }));
	}

	@Test
	void simulateSolveAndScoreFromTheCommandLine() throws Exception {
		final String truth = new File("test-images/CT_small_hu.tif").getAbsolutePath();
		final String m = dir.resolve("sino.tif").toString(), r = dir.resolve("fbp.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--input", truth, "--operator",
			"radon angles=0:180:90", "--noise", "gaussian_relative", "--noise_level", "0.001",
			"--output", m }));
		assertEquals(2, Main.run(new String[] { "simulate", "--input", truth, "--output", m }),
			"an existing file must not be replaced without --overwrite");
		assertEquals(0, Main.run(new String[] { "solve", "--measurement", m, "--method", "fbp",
			"--output", r }));
		final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
		final java.io.PrintStream saved = System.out;
		System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
		try {
			assertEquals(0, Main.run(new String[] { "metrics", "--reference", truth, "--estimate",
				r }));
		}
		finally {
			System.setOut(saved);
		}
		final String out = buf.toString(StandardCharsets.UTF_8);
		final double psnr = Double.parseDouble(out.replaceAll("(?s).*psnr=([-0-9.]+).*", "$1"));
		assertTrue(psnr > 20, out);
	}

	@Test
	void commandOptionsAreCheckedAndDocumented() {
		final String truth = new File("test-images/camera.png").getAbsolutePath();
		final String out = dir.resolve("x.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--help" }));
		assertEquals(2, Main.run(new String[] { "simulate", "--input", truth, "--bogus", "1",
			"--output", out }));
		assertEquals(2, Main.run(new String[] { "simulate", "--input", truth, "--seed", "x",
			"--output", out }));
		assertEquals(2, Main.run(new String[] { "simulate", "--input", "/no/such.tif", "--output",
			out }));
		assertEquals(2, Main.run(new String[] { "simulate", "--input", truth }));
		assertEquals(2, Main.run(new String[] { "simulate", "--input", truth, "--operator",
			"blur psf=gaussian:-1", "--output", out }));
		assertEquals(2, Main.run(new String[] { "solve", "--measurement", truth, "--output", out }));
		assertTrue(!new File(out).exists(), "nothing is written when the input is refused");
	}

	@Test
	void benchmarksAreFoundByNameAndTheirRefusalsAreBadUsage() {
		assertEquals("org.priorj.bench.Benchmarks", Main.BENCHMARKS);
		assertEquals(2, Main.run(new String[] { "bench", "denoiser", "--sizes", "x" }));
		assertEquals(2, Main.run(new String[] { "bench", "nothing-such" }));
	}

	@Test
	void theOutputIsCheckedBeforeTheWorkAndWrittenWholeOrNotAtAll() throws Exception {
		final String truth = new File("test-images/camera.png").getAbsolutePath();
		final String png = dir.resolve("m.png").toString();
		assertEquals(2, Main.run(new String[] { "simulate", "--input", truth, "--operator", "identity",
			"--output", png }));
		assertTrue(!new File(png).exists(), "a .png name was given TIFF bytes");
		final String missing = dir.resolve("no/such/folder/m.tif").toString();
		assertEquals(2, Main.run(new String[] { "simulate", "--input", truth, "--operator", "identity",
			"--output", missing }));
		final String m = dir.resolve("m.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--input", truth, "--operator", "identity",
			"--output", m }));
		try (var files = Files.list(dir)) {
			assertEquals(java.util.List.of("m.tif"), files.map(f -> f.getFileName().toString())
				.toList(), "only the finished file, no temporary one");
		}
		// commands that write no image take no --output
		assertEquals(2, Main.run(new String[] { "metrics", "--reference", truth, "--estimate", truth,
			"--output", dir.resolve("x.tif").toString() }));
		assertTrue(!CommandLineCommandHelp.of("metrics").contains("--output"));
		assertTrue(CommandLineCommandHelp.of("simulate").contains("--output"));
	}

	@Test
	void aCommandWritesNoLoggerNoticesAndOneLinePerMessage() throws Exception {
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
			"org.priorj.cli.Main", "denoise", "--input", new File("test-images/coins.png")
				.getAbsolutePath(), "--prior", "natural-gray", "--noise_sigma", "10", "--output", dir
					.resolve("d.tif").toString()).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), out);
		assertTrue(!out.contains("SLF4J"), out);
		assertTrue(out.contains("INFO: Loading prior 'natural-gray'"), out);
		assertTrue(out.lines().noneMatch(l -> l.matches("^[A-Z][a-z]{2} \\d{2}, \\d{4} .*")),
			"no date-stamped log lines: " + out);
	}

	@Test
	void anotherPriorJProcessIsSeenAsARun() throws Exception {
		final long before = Main.otherRuns();
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// a PriorJ process that waits: a macro that sleeps
		final Path macro = dir.resolve("wait.ijm");
		Files.writeString(macro, "wait(20000);\n");
		final Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
			"org.priorj.cli.Main", "macro", macro.toString()).start();
		try {
			long seen = before;
			for (int i = 0; i < 100 && seen <= before; i++) {
				Thread.sleep(100);
				seen = Main.otherRuns();
			}
			assertTrue(seen > before, "seen " + seen + ", before " + before);
		}
		finally {
			p.destroyForcibly().waitFor();
		}
	}

	@Test
	void threadsDefaultToTheProcessorsTheLoadLeavesFree() {
		assertEquals(2, Main.defaultThreads(2, 0.1, 0));
		assertEquals(1, Main.defaultThreads(2, 1.0, 0), "one busy process beside us on two cores");
		assertEquals(1, Main.defaultThreads(2, 7.5, 0));
		assertEquals(5, Main.defaultThreads(8, 3.2, 0));
		assertEquals(4, Main.defaultThreads(4, -1, 0), "no load average on this system");
		// runs started together: the load average has not seen them yet
		assertEquals(1, Main.defaultThreads(2, 0.0, 1), "two runs on two cores");
		assertEquals(1, Main.defaultThreads(2, 0.0, 3), "four runs on two cores: never 0");
		assertEquals(4, Main.defaultThreads(8, 0.0, 1));
		assertEquals(2, Main.defaultThreads(8, 5.6, 1), "the stricter of load and share");
		assertEquals(2, Main.run(new String[] { "--threads", "0", "engine" }));
		assertEquals(2, Main.run(new String[] { "--threads", "many", "engine" }));
		assertEquals(2, Main.run(new String[] { "--threads" }));
	}
}
