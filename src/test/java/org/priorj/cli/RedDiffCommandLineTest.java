package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RED-Diff on the command line: priorj solve --method red-diff and priorj restore. */
class RedDiffCommandLineTest {

	@TempDir
	Path dir;

	private static String stdout(final Runnable r) {
		final PrintStream saved = System.out;
		final ByteArrayOutputStream buf = new ByteArrayOutputStream();
		System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
		try {
			r.run();
		}
		finally {
			System.setOut(saved);
		}
		return buf.toString(StandardCharsets.UTF_8);
	}

	private String crop() {
		return crop(dir);
	}

	/** A 64x64 crop of the camera test image, as a file in {@code dir}. */
	static String crop(final Path dir) {
		final ImageProcessor ip = IJ.openImage("test-images/camera.png").getProcessor();
		ip.setRoi(200, 100, 64, 64);
		final String path = dir.resolve("truth.tif").toString();
		new FileSaver(new ImagePlus("truth", ip.crop())).saveAsTiff(path);
		return path;
	}

	@Test
	void solveWithMethodRedDiffRestoresAMeasurementFile() {
		final String truth = crop(), m = dir.resolve("m.tif").toString();
		final String r = dir.resolve("r.tif").toString();
		assertEquals(0, Main.run(new String[] { "simulate", "--input", truth, "--operator",
			"mask missing_fraction=0.5", "--noise", "none", "--output", m }));
		final String out = stdout(() -> assertEquals(0, Main.run(new String[] { "solve",
			"--measurement", m, "--method", "red-diff", "--steps", "10", "--samples", "2",
			"--show_loss", "--output", r })));
		assertTrue(out.contains("wrote " + r), out);
		for (final String extra : new String[] { "r-std.tif", "r-loss.tif" })
			assertTrue(dir.resolve(extra).toFile().isFile(), extra + " not written: " + out);
		final ImagePlus restored = IJ.openImage(r);
		final String info = (String) restored.getProperty("Info");
		assertTrue(info.contains("priorj.method=red_diff steps=10") && info.contains(
			"priorj.samples=2"), info);
		final String score = stdout(() -> Main.run(new String[] { "metrics", "--reference", truth,
			"--estimate", r, "--data_range", "255" }));
		final double psnr = Double.parseDouble(score.replaceAll("(?s).*psnr=([-0-9.]+).*", "$1"));
		assertTrue(psnr > 20, score);
		// the extra outputs are not replaced either without --overwrite
		new File(r).delete();
		assertEquals(2, Main.run(new String[] { "restore", "--input", m, "--steps", "2", "--output",
			r }));
		assertTrue(!new File(r).exists());
	}

	@Test
	void restoreTakesAPlainImageWithItsDegradation() {
		final String truth = crop(), r = dir.resolve("big.tif").toString();
		assertEquals(0, Main.run(new String[] { "restore", "--input", truth, "--task",
			"super_resolution", "--factor", "2", "--steps", "3", "--output", r }));
		assertEquals(128, IJ.openImage(r).getWidth());
		assertTrue(!dir.resolve("big-std.tif").toFile().exists(), "no std image for one run");
		assertEquals(2, Main.run(new String[] { "restore", "--input", truth, "--task",
			"inpainting", "--output", dir.resolve("x.tif").toString() }), "no mask given");
		assertEquals(2, Main.run(new String[] { "restore", "--input", truth, "--task", "deblurring",
			"--psf_image", "/no/such.tif", "--output", dir.resolve("x.tif").toString() }));
	}

	@Test
	void helpShowsRedDiffUnderSolveAndRestore() {
		final String main = stdout(() -> assertEquals(0, Main.run(new String[] { "--help" })));
		assertTrue(main.contains("restore") && main.contains("--method red-diff"), main);
		final String solve = stdout(() -> assertEquals(0, Main.run(new String[] { "solve",
			"--help" })));
		assertTrue(solve.contains("with --method red-diff") && solve.contains("--samples") && solve
			.contains("--mask FILE"), solve);
		assertTrue(solve.contains("with --method dds (the same as priorj reconstruct-ct") && solve
			.contains("with --method dds (the same as priorj reconstruct-mri") && solve.contains(
				"--eta"), solve);
		final String viaMethod = stdout(() -> assertEquals(0, Main.run(new String[] { "solve",
			"--method", "red-diff", "--help" })));
		assertTrue(viaMethod.contains("with --method red-diff") && !viaMethod.contains("--eta"),
			viaMethod);
	}

	@Test
	void theMethodIsTakenOutAndTheMeasurementBecomesTheInput() {
		assertEquals(List.of("--input", "m.tif", "--steps", "5"), LearnedSolve.arguments(List.of(
			"--measurement", "m.tif", "--method", "red-diff", "--steps", "5")));
		assertEquals("red-diff", LearnedSolve.requested(List.of("--method", "red_diff")));
		assertEquals(null, LearnedSolve.requested(List.of("--method", "tv")));
		assertEquals(null, LearnedSolve.requested(List.of("--method")));
		// solve's file is --measurement for every method, learned ones too
		assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> LearnedSolve.arguments(List.of("--method", "dds", "--input", "m.tif"))).getMessage()
			.startsWith("Parameter 'input'"));
	}
}
