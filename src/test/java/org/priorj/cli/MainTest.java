package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
		for (final String task : new String[] { "inpainting", "super-resolution", "deblurring",
			"CT", "MRI" })
			assertTrue(report.contains("| " + task), "report lacks " + task + ":\n" + report);
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
		assertEquals(2, Main.run(new String[] { "frobnicate" }));
		assertEquals(2, Main.run(new String[] { "demo", "--ovewrite" }));
		assertEquals(2, Main.run(new String[] { "bench", "everything" }));
		assertEquals(2, Main.run(new String[] { "bench", "operators", "--size", "big" }));
		assertEquals(2, Main.run(new String[] { "demo", "--images", dir.resolve("none")
			.toString() }));
	}
}
