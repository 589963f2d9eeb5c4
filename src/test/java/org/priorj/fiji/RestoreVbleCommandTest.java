package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.prior.PriorService;
import org.priorj.train.TinyAutoencoder;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Restore with uncertainty (VBLE), headless from a SciJava context, with a tiny autoencoder
 * trained for the test (the mechanics: outputs, Info, padding, samples, refusals).
 */
class RestoreVbleCommandTest {

	@TempDir
	static Path root;

	static Context context;
	static CommandService commands;

	@BeforeAll
	static void start() throws Exception {
		TinyAutoencoder.trainVariance(TinyAutoencoder.train(root.resolve("tiny-cae"), "tiny-cae", 2),
			root.resolve("tiny-cae-xz"), "tiny-cae-xz", 2);
		System.setProperty("priorj.models", root.toString());
		context = new Context(CommandService.class, StatusService.class, PriorService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
		System.clearProperty("priorj.models");
	}

	private static CommandModule vble(final Object... inputs) throws Exception {
		return commands.run(RestoreVbleCommand.class, true, inputs).get();
	}

	@Test
	void returnsTheEstimateItsStdMapAndTheSamplesAsNewImages() throws Exception {
		final ImagePlus in = RestoreRedDiffCommandTest.camera("cam", 10, 20);
		final float[] before = RestoreRedDiffCommandTest.px(in);
		final CommandModule m = vble("input", in, "task", "inpainting", "boxes", "10,10,20,20",
			"prior", "tiny-cae", "iterations", "3", "posterior_samples", "5", "show_samples", true);
		final ImagePlus r = (ImagePlus) m.getOutput("restored");
		final ImagePlus std = (ImagePlus) m.getOutput("std");
		final ImagePlus samples = (ImagePlus) m.getOutput("posterior");
		assertEquals("cam-vble", r.getTitle());
		assertEquals(64, r.getWidth());
		assertEquals(64, std.getWidth());
		assertEquals(5, samples.getStackSize());
		final String info = (String) r.getProperty("Info");
		for (final String s : new String[] { "priorj.method=vble model=vble-z iterations=3 ", "samples=5",
			"priorj.task=inpainting", "priorj.prior=tiny-cae", "autoencoder", "noise_sigma=" })
			assertTrue(info.contains(s), s + " not in\n" + info);
		assertTrue(((String) std.getProperty("Info")).startsWith("priorj.output=per-pixel standard " +
			"deviation of the 5 posterior samples (vble-z)"));
		final float[] s = RestoreRedDiffCommandTest.px(std);
		assertTrue(Arrays.stream(new double[] { s[0], s[2000] }).allMatch(v -> v > 0), "a spread");
		assertEquals(0, Arrays.compare(before, RestoreRedDiffCommandTest.px(in)), "input modified");
		assertNull(vble("input", in, "task", "denoising", "prior", "tiny-cae", "iterations", "2",
			"posterior_samples", "2").getOutput("posterior"));
	}

	@Test
	void vbleXzRunsWithAVarianceDecoderAndIsAutosChoiceThere() throws Exception {
		final ImagePlus in = RestoreRedDiffCommandTest.camera("cam", 10, 20);
		for (final String model : new String[] { "auto", "vble-xz" }) {
			final CommandModule m = vble("input", in, "task", "deblurring", "prior", "tiny-cae-xz",
				"model", model, "rate_scale", "0.8", "iterations", "3", "posterior_samples", "4");
			final String info = (String) ((ImagePlus) m.getOutput("restored")).getProperty("Info");
			for (final String s : new String[] { "model=vble-xz", "rate_scale=0.8" })
				assertTrue(info.contains(s), s + " not in\n" + info);
			assertTrue(((String) ((ImagePlus) m.getOutput("std")).getProperty("Info")).contains(
				"(vble-xz)"));
		}
		final String z = (String) ((ImagePlus) vble("input", in, "task", "deblurring", "prior",
			"tiny-cae-xz", "model", "vble-z", "iterations", "2", "posterior_samples", "2").getOutput(
				"restored")).getProperty("Info");
		assertTrue(z.contains("model=vble-z"), z);
	}

	private static void assertRefused(final String parameter, final Object... inputs) {
		final ExecutionException e = assertThrows(ExecutionException.class, () -> vble(inputs));
		Throwable cause = e;
		while (cause.getCause() != null && !(cause instanceof IllegalArgumentException))
			cause = cause.getCause();
		assertTrue(cause.getMessage().contains("Parameter '" + parameter + "'"), parameter + ": " +
			cause.getMessage());
	}

	@Test
	void refusesBadInputNamingTheParameter() {
		final ImagePlus in = RestoreRedDiffCommandTest.camera("cam", 0, 0);
		final Object[] base = { "input", in, "task", "denoising", "prior", "tiny-cae", "iterations",
			"2", "posterior_samples", "2" };
		assertRefused("lambda", with(base, "lambda", "0"));
		assertRefused("lambda", with(base, "lambda", "NaN"));
		assertRefused("posterior_samples", with(base, "posterior_samples", "0"));
		assertRefused("posterior_samples", with(base, "posterior_samples", "100000000"));
		assertRefused("noise_sigma", with(base, "noise_sigma", "-1"));
		assertRefused("samples", with(base, "samples", 3));
		assertRefused("init", with(base, "init", "magic"));
		assertRefused("prior", with(base, "prior", "natural-gray"));
		assertRefused("task", "input", in, "task", "ct", "prior", "tiny-cae");
		assertRefused("variance_decoder", with(base, "model", "vble-xz"));
		assertRefused("model", with(base, "model", "vble-x"));
		assertRefused("rate_scale", with(base, "rate_scale", "0"));
		assertRefused("rate_scale", with(base, "rate_scale", "1.5"));
	}

	private static Object[] with(final Object[] base, final Object... more) {
		final Object[] all = Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}
}
