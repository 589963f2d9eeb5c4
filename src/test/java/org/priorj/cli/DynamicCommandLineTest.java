package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.image.phantom.DynamicPhantom;

/** priorj reconstruct-dynamic: a simulated dynamic CT measurement and a movie, with the shipped ct prior. */
class DynamicCommandLineTest {

	@TempDir
	Path dir;

	private String movie() {
		final int n = 32, t = 8;
		final float[] series = new DynamicPhantom(n, t, 3).series();
		final ImageStack s = new ImageStack(n, n);
		for (int k = 0; k < t; k++) s.addSlice(new FloatProcessor(n, n, java.util.Arrays.copyOfRange(
			series, k * n * n, (k + 1) * n * n)));
		final String path = dir.resolve("movie.tif").toString();
		new FileSaver(new ImagePlus("movie", s)).saveAsTiffStack(path);
		return path;
	}

	@Test
	void aSimulatedDynamicScanAndAMovieAreReconstructedAsMovies() {
		final String m = dir.resolve("m.tif").toString(), r = dir.resolve("r.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--input", movie(), "--operator",
			"dynamic-ct views=2 schedule=bit-reversal", "--noise", "none", "--output", m }));
		assertEquals(0, Main.run(new String[] { "reconstruct-dynamic", "--input", m, "--k", "2", "--d",
			"5", "--iterations", "3", "--output", r }));
		final ImagePlus rec = IJ.openImage(r);
		assertEquals(8, rec.getStackSize());
		assertEquals(32, rec.getWidth());
		assertTrue(((String) rec.getProperty("Info")).contains("RED-PSM"));
		final String r2 = dir.resolve("r2.tif").toString();
		assertEquals(0, Main.run(new String[] { "reconstruct-dynamic", "--input", movie(), "--input_is",
			"movie", "--views", "1", "--k", "2", "--iterations", "2", "--output", r2 }));
		assertEquals(8, IJ.openImage(r2).getStackSize());
		assertEquals(2, Main.run(new String[] { "reconstruct-dynamic", "--input", m, "--k", "8",
			"--output", dir.resolve("bad.tif").toString() }));
		assertEquals(2, Main.run(new String[] { "reconstruct-dynamic", "--input", m, "--sigma", "-1",
			"--output", dir.resolve("bad.tif").toString() }));
	}
}
