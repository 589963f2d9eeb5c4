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
import org.priorj.image.phantom.EllipsePhantom;

/** priorj reconstruct-volume: a simulated scan of a stack, reconstructed slice by slice with TV along z. */
class VolumeCommandLineTest {

	@TempDir
	Path dir;

	private String volume() {
		final int n = 32, z = 4;
		final float[] cube = EllipsePhantom.sheppLogan3d(n, true);
		final ImageStack s = new ImageStack(n, n);
		for (int k = 0; k < z; k++) s.addSlice(new FloatProcessor(n, n, java.util.Arrays.copyOfRange(
			cube, (n / 2 - z / 2 + k) * n * n, (n / 2 - z / 2 + k + 1) * n * n)));
		final String path = dir.resolve("volume.tif").toString();
		new FileSaver(new ImagePlus("volume", s)).saveAsTiffStack(path);
		return path;
	}

	@Test
	void aSimulatedVolumeMeasurementIsReconstructedAsAStack() {
		final String m = dir.resolve("m.tif").toString(), r = dir.resolve("r.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--input", volume(), "--operator",
			"radon angles=0:180:20", "--noise", "none", "--output", m }));
		assertEquals(0, Main.run(new String[] { "reconstruct-volume", "--input", m, "--method",
			"diffusion-mbir", "--steps", "3", "--output", r }));
		final ImagePlus rec = IJ.openImage(r);
		assertEquals(4, rec.getStackSize());
		assertEquals(32, rec.getWidth());
		assertTrue(((String) rec.getProperty("Info")).contains("method=diffusion-mbir"));
		assertEquals(2, Main.run(new String[] { "reconstruct-volume", "--input", m, "--rho", "-1",
			"--output", dir.resolve("bad.tif").toString() }));
		assertEquals(2, Main.run(new String[] { "reconstruct-volume", "--input", m,
			"--output_folder", dir.resolve("missing").toString(), "--output", dir.resolve("bad.tif")
				.toString() }));
	}
}
