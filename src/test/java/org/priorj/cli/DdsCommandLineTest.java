package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
		assertEquals("reconstruct-ct", LearnedSolve.command("dds", List.of("--measurement", ct)));
		assertEquals("reconstruct-mri", LearnedSolve.command("dds", List.of("--measurement", mri)));
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
}
