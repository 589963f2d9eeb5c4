package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DDS on the command line: priorj solve --method dds routes to reconstruct-ct or reconstruct-mri. */
class DdsCommandLineTest {

	@TempDir
	Path dir;

	@Test
	void solveWithMethodDdsReconstructsCtAndMriMeasurementFiles() {
		final String truth = RedDiffCommandLineTest.crop(dir);
		final String ct = dir.resolve("ct.tif").toString(), mri = dir.resolve("mri.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--input", truth, "--operator",
			"radon angles=0:180:20", "--noise", "none", "--output", ct }));
		assertEquals(0, Main.run(new String[] { "simulate", "--input", truth, "--operator",
			"mri mask=uniform1d acceleration=4", "--noise", "none", "--output", mri }));
		assertEquals("reconstruct-ct", LearnedSolve.command("dds", List.of("--measurement", ct)).cli());
		assertEquals("reconstruct-mri", LearnedSolve.command("dds", List.of("--measurement", mri)).cli());
		final String r = dir.resolve("r.tif").toString(), q = dir.resolve("q.tif").toString();
		assertEquals(0, Main.run(new String[] { "solve", "--measurement", ct, "--method", "dds",
			"--steps", "3", "--output", r }));
		final ImagePlus rec = IJ.openImage(r);
		assertEquals(64, rec.getWidth());
		assertTrue(((String) rec.getProperty("Info")).contains("priorj.method=dds steps=3"));
		assertEquals(0, Main.run(new String[] { "solve", "--measurement", mri, "--method", "dds",
			"--steps", "3", "--output", q }));
		assertEquals(1, IJ.openImage(q).getStackSize(), "the magnitude");
		assertEquals(2, IJ.openImage(dir.resolve("q-complex.tif").toString()).getStackSize());
		assertEquals(2, Main.run(new String[] { "solve", "--measurement", ct, "--method", "dds",
			"--eta", "2", "--output", dir.resolve("bad.tif").toString() }));
	}

	@Test
	void aRefusedParameterIsOneLineWithoutAStackTrace() {
		final String truth = RedDiffCommandLineTest.crop(dir);
		final String ct = dir.resolve("ct.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--input", truth, "--operator",
			"radon angles=0:180:20", "--noise", "none", "--output", ct }));
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final PrintStream saved = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			assertEquals(2, Main.run(new String[] { "reconstruct-ct", "--input", ct, "--input_is",
				"sinogram", "--angles", "0:180:30", "--output", dir.resolve("bad.tif").toString() }));
		}
		finally {
			System.setErr(saved);
		}
		final String text = err.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("Parameter 'angles'"), text);
		assertFalse(text.contains("\tat ") || text.contains("Command errored"), text);
	}
}
