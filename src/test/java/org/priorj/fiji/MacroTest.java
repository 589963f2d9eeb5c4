package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import ij.IJ;
import ij.ImagePlus;
import ij.macro.Interpreter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example macros in macros/ and the macro keys, run through ImageJ 1.x's interpreter. */
class MacroTest {

	@BeforeAll
	static void registerCommands() {
		HeadlessMenus.install();
	}

	/** Headless ImageJ prints its Log window (IJ.log, a macro's print) to standard output. */
	private static String run(final Runnable macro) {
		final java.io.PrintStream saved = System.out;
		final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
		System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
		try {
			macro.run();
		}
		finally {
			System.setOut(saved);
		}
		final String log = buf.toString(StandardCharsets.UTF_8);
		saved.print(log);
		return log;
	}

	private static String macro(final String name) throws Exception {
		return Files.readString(new File("macros", name).toPath(), StandardCharsets.UTF_8);
	}

	@Test
	void ctExampleMacroSimulatesReconstructsAndScores() throws Exception {
		final String code = macro("ct_sparse_view.ijm");
		final String log = run(() -> new Interpreter().run(code, new File(
			"test-images/CT_small_hu.tif").getAbsolutePath()));
		assertTrue(log.contains("FBP: PSNR"), log);
		final double psnr = Double.parseDouble(log.replaceAll("(?s).*FBP: PSNR ([0-9.]+) dB.*", "$1"));
		assertTrue(psnr > 15 && psnr < 60, "PSNR " + psnr);
	}

	@Test
	void deblurExampleComparesThreeMethods() throws Exception {
		final String code = macro("deblur_compare.ijm");
		final String log = run(() -> new Interpreter().run(code, new File("test-images/coins.png")
			.getAbsolutePath()));
		for (final String m : new String[] { "richardson_lucy", "tikhonov", "tv" })
			assertTrue(log.matches("(?s).*" + m + ": PSNR [0-9.]+ dB.*"), log);
	}

	@Test
	void denoiseExampleUsesTheShippedPriorAndGainsOverTheNoisyImage() throws Exception {
		final String code = macro("denoise_with_prior.ijm");
		final String log = run(() -> new Interpreter().run(code, new File("test-images/coins.png")
			.getAbsolutePath()));
		final double noisy = Double.parseDouble(log.replaceAll("(?s).*noisy: PSNR ([0-9.]+) dB.*",
			"$1"));
		final double denoised = Double.parseDouble(log.replaceAll(
			"(?s).*natural-gray: PSNR ([0-9.]+) dB.*", "$1"));
		assertTrue(denoised > noisy + 5, log);
	}

	@Test
	void redDiffExampleFillsMissingPixelsWithTheShippedPrior() throws Exception {
		final String code = macro("restore_red_diff.ijm");
		final String log = run(() -> new Interpreter().run(code, new File("test-images/camera.png")
			.getAbsolutePath()));
		final double measured = Double.parseDouble(log.replaceAll(
			"(?s).*measurement: PSNR ([0-9.]+) dB.*", "$1"));
		final double red = Double.parseDouble(log.replaceAll("(?s).*red-diff: PSNR ([0-9.]+) dB.*",
			"$1"));
		final double biharmonic = Double.parseDouble(log.replaceAll(
			"(?s).*biharmonic: PSNR ([0-9.]+) dB.*", "$1"));
		assertTrue(red > measured + 8, log);
		// the example must show what it is for: RED-Diff beating the classical method beside it
		assertTrue(red > biharmonic + 0.5, log);
	}

	@Test
	void vbleExampleDeblursWithTheShippedAutoencoderAndGivesAStdMap() throws Exception {
		final String code = macro("restore_vble.ijm");
		final String log = run(() -> new Interpreter().run(code, new File("test-images/camera.png")
			.getAbsolutePath()));
		final java.util.function.Function<String, Double> psnr = name -> Double.parseDouble(log
			.replaceAll("(?s).*" + name + ": PSNR ([0-9.]+) dB.*", "$1"));
		assertTrue(psnr.apply("vble") > psnr.apply("measurement") + 1, log);
		final double std = Double.parseDouble(log.replaceAll("(?s).*vble std: mean ([0-9.]+) grey.*",
			"$1"));
		assertTrue(std > 0 && std < 50, log);
	}

	@Test
	void ddsExampleBeatsFbpAndZeroFillingWithTheShippedPriors() throws Exception {
		final String code = macro("reconstruct_dds.ijm");
		final String log = run(() -> new Interpreter().run(code, new File(
			"test-images/shepp_logan_skimage.png").getAbsolutePath()));
		final java.util.function.Function<String, Double> psnr = name -> Double.parseDouble(log
			.replaceAll("(?s).*" + name + ": PSNR ([0-9.]+) dB.*", "$1"));
		assertTrue(psnr.apply("ct-dds") > psnr.apply("ct-fbp") + 3, log);
		assertTrue(psnr.apply("mri-dds") > psnr.apply("mri-zero-filled") + 2, log);
	}

	@Test
	void volumeExampleBeatsFbpWithTheShippedCtPrior() throws Exception {
		final String code = macro("reconstruct_volume.ijm");
		final String log = run(() -> new Interpreter().run(code, new File("test-images/stent.tif")
			.getAbsolutePath()));
		final java.util.function.Function<String, Double> psnr = name -> Double.parseDouble(log
			.replaceAll("(?s).*" + name + ": PSNR ([0-9.]+) dB.*", "$1"));
		assertTrue(psnr.apply("dds-3d") > psnr.apply("fbp") + 3, log);
	}

	@Test
	void dynamicExampleGainsOverTheModelAloneWithTheShippedCtPrior() throws Exception {
		final String code = macro("reconstruct_dynamic.ijm");
		final String log = run(() -> new Interpreter().run(code, new File(
			"test-images/CT_small_hu.tif").getAbsolutePath()));
		final java.util.function.Function<String, Double> psnr = name -> Double.parseDouble(log
			.replaceAll("(?s).*" + name + ": PSNR ([0-9.]+) dB.*", "$1"));
		assertTrue(psnr.apply("red-psm") > psnr.apply("model-alone") + 1, log);
	}

	@Test
	void everyExampleMacroIsRunByATest() {
		final String[] names = new File("macros").list((d, n) -> n.endsWith(".ijm"));
		assertEquals(8, names.length, "a new example macro needs a test here: " + String.join(", ",
			names));
	}

	@Test
	void macroKeysAreTheParameterNamesAndTheInputIsUntouched() {
		final ImagePlus truth = IJ.createImage("truth", "32-bit ramp", 64, 64, 1);
		final float[] before = ((float[]) truth.getProcessor().getPixels()).clone();
		final String log = run(() -> new Interpreter().runBatchMacro(
			"selectImage('truth'); run('Simulate measurement...', " +
				"'input=truth operator=[blur psf=gaussian:1.5] noise=gaussian noise_level=0.01 seed=3');" +
				"print(getTitle() + ' ' + getWidth() + 'x' + getHeight());" +
				"print(getMetadata('Info'));", truth));
		assertTrue(log.contains("truth-measurement 64x64"), log);
		assertTrue(log.contains("priorj.operator=blur psf=gaussian:1.5"), log);
		assertTrue(log.contains("priorj.noise=gaussian sigma=0.01"), log);
		assertEquals(0, java.util.Arrays.compare(before, (float[]) truth.getProcessor().getPixels()),
			"the input image was modified");
	}

	@Test
	void badValuesAreRefusedNamingTheParameter() {
		final ImagePlus truth = IJ.createImage("t2", "32-bit ramp", 32, 32, 1);
		final String[][] cases = {
			{ "run('Simulate measurement...', 'input=t2 operator=[downsample factor=5]');", "'factor'" },
			{ "run('Simulate measurement...', 'input=t2 operator=identity noise=loud');", "'noise'" },
			{ "run('Simulate measurement...', 'input=t2 operator=identity noise_level=-1');",
				"'noise_level'" },
			{ "run('Simulate measurement...', 'input=t2 operator=identity seed=two');", "'seed'" },
			{ "run('Reconstruct (classical)...', 'measurement=t2');", "'measurement'" },
			// an optional image is never taken from the current image
			{ "run('Restore (RED-Diff)...', 'input=t2 task=inpainting');", "'mask'" },
			{ "run('Restore (RED-Diff)...', 'input=t2 task=inpainting mask=*None* boxes=[]');", "'mask'" },
			{ "run('Restore (RED-Diff)...', 'input=t2 task=denoising steps=-1');", "'steps'" },
			{ "run('Simulate measurement...', 'input=nosuch');", "'input'" },
			// a misspelt key is refused, not ignored for the default
			{ "run('Simulate measurement...', 'input=t2 operator=identity noise_levle=25');",
				"'noise_levle'" },
			{ "run('Restore (RED-Diff)...', 'input=t2 task=denoising stpes=5');", "'stpes'" } };
		for (final String[] c : cases) {
			final String log = run(() -> new Interpreter().runBatchMacro(c[0] + " print('went on');",
				truth));
			assertTrue(log.contains("Parameter " + c[1]), c[0] + " -> " + log);
			assertTrue(!log.contains("went on"), "the macro must stop at a refusal: " + c[0]);
		}
	}
}
