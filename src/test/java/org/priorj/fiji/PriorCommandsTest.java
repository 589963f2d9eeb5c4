package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.prior.PriorDescriptor;
import org.priorj.prior.PriorService;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;

/** Plugins › PriorJ › Priors commands, headless, with a TorchScript Gaussian prior installed. */
class PriorCommandsTest {

	@TempDir
	static Path root;

	static Context context;
	static CommandService commands;

	@BeforeAll
	static void start() throws Exception {
		final Path dir = Files.createDirectories(root.resolve("gauss01"));
		Files.copy(Path.of("src/test/resources/torchscript/gauss_denoiser01.pt"), dir.resolve(
			"w.pt"));
		Files.writeString(dir.resolve(PriorDescriptor.FILE), "{\"name\": \"gauss01\", \"kind\": " +
			"\"torchscript\", \"weights\": \"w.pt\", \"sha256\": \"" + PriorDescriptor.sha256(dir
				.resolve("w.pt")) + "\", \"range\": [0, 1], \"sigma_min\": 0, \"sigma_max\": 1}");
		System.setProperty("priorj.models", root.toString());
		context = new Context(CommandService.class, StatusService.class, PriorService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
		System.clearProperty("priorj.models");
	}

	@Test
	void listsTheInstalledPriorAndTheEngine() throws Exception {
		final String list = (String) commands.run(PriorsListCommand.class, true).get().getOutput(
			"priors");
		assertTrue(list.contains("gauss01 (torchscript, denoiser, range [0.0, 1.0]"), list);
		final String engine = (String) commands.run(EngineInfoCommand.class, true).get().getOutput(
			"engine");
		assertTrue(engine.contains("PyTorch 2.7.1") && engine.contains("device: cpu"), engine);
	}

	@Test
	void denoisesInTheImagesOwnUnitsWithTiles() throws Exception {
		// an 8-bit-like image: values 50..250, prior mean 0.5 maps to 150
		final int w = 40, h = 36;
		final float[] px = new float[w * h];
		for (int i = 0; i < px.length; i++) px[i] = 50 + 200 * ((i * 7919) % 101) / 100f;
		final ImagePlus in = new ImagePlus("noisy", new FloatProcessor(w, h, px.clone()));
		final ImagePlus out = (ImagePlus) commands.run(DenoiseCommand.class, true, "input", in,
			"prior", "gauss01", "noise_sigma", 40.0, "range_min", 50.0, "range_max", 250.0, "n_tiles", 2,
			"overlap", 4, "batch_size", 2).get().getOutput("denoised");
		final float[] y = (float[]) out.getProcessor().getPixels();
		// closed form in the prior's units: sigma 40/200 = 0.2, gain 0.04 / (0.04 + 0.04) = 0.5
		for (int i = 0; i < px.length; i++) assertEquals(150 + 0.5 * (px[i] - 150), y[i], 1e-2);
		assertTrue(((String) out.getProperty("Info")).contains("prior=gauss01"));
		assertEquals(0, java.util.Arrays.compare(px, (float[]) in.getProcessor().getPixels()));
	}

	@Test
	void estimatesTheNoiseLevelWhenNoneIsGiven() throws Exception {
		// flat grey 150 plus noise of deviation 20: the estimate is about 20, 0.1 in the prior's
		// units (range 50..250), where the Gaussian prior keeps 0.04 / (0.04 + 0.01) = 0.8 of it
		final int w = 64, h = 64;
		final java.util.SplittableRandom r = new java.util.SplittableRandom(4);
		final float[] px = new float[w * h];
		for (int i = 0; i < px.length; i++) px[i] = (float) (150 + 20 * org.priorj.physics.GaussianNoise
			.gaussian(r));
		final ImagePlus in = new ImagePlus("noisy", new FloatProcessor(w, h, px));
		final ImagePlus out = (ImagePlus) commands.run(DenoiseCommand.class, true, "input", in,
			"prior", "gauss01", "range_min", 50.0, "range_max", 250.0).get().getOutput("denoised");
		final String info = (String) out.getProperty("Info");
		final double sigma = Double.parseDouble(info.replaceAll("(?s).*noise_sigma=([0-9.]+) .*",
			"$1"));
		assertEquals(20, sigma, 1.5, info);
		assertTrue(info.contains("(estimated)"), info);
		final double gain = 0.04 / (0.04 + Math.pow(sigma / 200, 2));
		final float[] y = (float[]) out.getProcessor().getPixels();
		for (int i = 0; i < px.length; i++) assertEquals(150 + gain * (px[i] - 150), y[i], 1e-2);
	}

	@Test
	void refusesUnknownPriorsAndBadImports() {
		final ImagePlus in = new ImagePlus("x", new FloatProcessor(8, 8));
		assertTrue(cause(assertThrows(ExecutionException.class, () -> commands.run(
			DenoiseCommand.class, true, "input", in, "prior", "nope").get())).contains(
				"Parameter 'prior'"));
		assertTrue(cause(assertThrows(ExecutionException.class, () -> commands.run(
			ImportTorchScriptCommand.class, true, "file", "/no/such.pt", "name", "x").get())).contains(
				"Parameter 'file'"));
		// 1000 tiles a side of a 64x64 image would be tiles of no pixels: refused before any work
		final ImagePlus small = new ImagePlus("s", new FloatProcessor(64, 64));
		final String tiles = cause(assertThrows(ExecutionException.class, () -> commands.run(
			DenoiseCommand.class, true, "input", small, "prior", "gauss01", "n_tiles", 1000).get()));
		assertTrue(tiles.contains("Parameter 'n_tiles'") && tiles.contains("1 to 4"), tiles);
		// denoise runs on the device asked for, as every prior command does
		assertTrue(cause(assertThrows(ExecutionException.class, () -> commands.run(
			DenoiseCommand.class, true, "input", small, "prior", "gauss01", "device", "tpu").get()))
				.contains("Parameter 'device'"));
	}

	private static String cause(Throwable e) {
		while (e.getCause() != null && !(e instanceof IllegalArgumentException)) e = e.getCause();
		return e.getMessage();
	}
}
