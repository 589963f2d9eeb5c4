package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.metrics.Psnr;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.PriorDescriptor;
import org.priorj.prior.PriorService;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Restore (RED-Diff), headless from a SciJava context: the shipped natural-gray prior for the
 * restorations whose quality is checked, and an exact Gaussian prior ("gauss", analytic, any
 * size, no network) for the mechanics and the refusals.
 */
class RestoreRedDiffCommandTest {

	@TempDir
	static Path root;

	static Context context;
	static CommandService commands;

	@BeforeAll
	static void start() throws Exception {
		analyticPrior("gauss", 1);
		analyticPrior("gauss2", 2);
		System.setProperty("priorj.models", root.toString());
		context = new Context(CommandService.class, StatusService.class, PriorService.class);
		commands = context.service(CommandService.class);
		// pixels independent, mean 0 and std 0.5 on [-1, 1]: D(x, s) = 0.25 x / (0.25 + s^2)
		context.service(PriorService.class).registry().register("analytic", (d, device) ->
			DiagonalGaussianDenoiser.uniform(d.channels(), 0, 0.5, d.low(), d.high()));
	}

	private static void analyticPrior(final String name, final int channels) throws Exception {
		analyticPrior(root, name, channels);
	}

	/** A prior folder in {@code root} whose descriptor asks for the "analytic" loader. */
	static void analyticPrior(final Path root, final String name, final int channels)
		throws Exception
	{
		final Path dir = Files.createDirectories(root.resolve(name));
		Files.writeString(dir.resolve(PriorDescriptor.FILE), "{\"name\": \"" + name + "\", " +
			"\"kind\": \"analytic\", \"range\": [-1, 1], \"channels\": " + channels + "}");
	}

	@AfterAll
	static void stop() {
		context.dispose();
		System.clearProperty("priorj.models");
	}

	/** A 64x64 crop of the camera test image, grey levels 0..255. */
	static ImagePlus camera(final String title, final int x, final int y) {
		final ImageProcessor ip = IJ.openImage("test-images/camera.png").getProcessor();
		ip.setRoi(x, y, 64, 64);
		return new ImagePlus(title, ip.crop().convertToFloat());
	}

	static float[] px(final ImagePlus imp) {
		return org.priorj.image.ImagePlusConverter.pixels(imp);
	}

	private static CommandModule restore(final Object... inputs) throws Exception {
		return commands.run(RestoreRedDiffCommand.class, true, inputs).get();
	}

	private static ImagePlus restored(final Object... inputs) throws Exception {
		return (ImagePlus) restore(inputs).getOutput("restored");
	}

	private static ImagePlus simulate(final ImagePlus truth, final String operator)
		throws Exception
	{
		return (ImagePlus) commands.run(SimulateCommand.class, true, "input", truth, "operator",
			operator, "noise", "none", "noise_level", 0.0, "seed", 1).get().getOutput("measurement");
	}

	@Test
	void restoresAMeasurementWithTheShippedPriorIntoANewImageWithInfo() throws Exception {
		final ImagePlus truth = camera("truth", 200, 100);
		final ImagePlus m = simulate(truth, "mask missing_fraction=0.5");
		final float[] before = px(m);
		final Object infoBefore = m.getProperty("Info");
		final ImagePlus r = restored("input", m, "steps", 10, "seed", 3);
		assertNotSame(m, r);
		assertEquals("truth-measurement-red-diff", r.getTitle());
		assertEquals(64, r.getWidth());
		final String info = (String) r.getProperty("Info");
		for (final String s : new String[] { "priorj.method=red_diff steps=10 ", " seed=3 ",
			"prior=natural-gray", "priorj.task=inpainting", "priorj.operator=mask missing_fraction=0.5",
			"priorj.device=cpu", "priorj.prior=natural-gray", "iterations_run=10" })
			assertTrue(info.contains(s), s + " not in\n" + info);
		// RED-Diff fills the missing half far better than the zeros the measurement has there
		final double zeros = Psnr.compute(px(truth), before, 255), red = Psnr.compute(px(truth), px(
			r), 255);
		assertTrue(red > zeros + 10 && red > 20, "PSNR " + red + " dB vs " + zeros + " dB");
		assertEquals(0, Arrays.compare(before, px(m)), "the input was modified");
		assertEquals(infoBefore, m.getProperty("Info"));
	}

	@Test
	void samplesGiveTheirMeanAndAStandardDeviationImage() throws Exception {
		final ImagePlus m = simulate(camera("t", 0, 0), "mask missing_fraction=0.3");
		final CommandModule one = restore("input", m, "prior", "gauss", "steps", 5);
		assertNull(one.getOutput("std"), "one run has no standard deviation");
		final CommandModule three = restore("input", m, "prior", "gauss", "steps", 5, "samples", 3,
			"seed", 7);
		final ImagePlus std = (ImagePlus) three.getOutput("std");
		assertNotNull(std);
		assertEquals(64, std.getWidth());
		final float[] s = px(std);
		double max = 0;
		for (final float v : s) {
			assertTrue(v >= 0);
			max = Math.max(max, v);
		}
		assertTrue(max > 0, "the seeds gave identical results");
		final String info = (String) ((ImagePlus) three.getOutput("restored")).getProperty("Info");
		assertTrue(info.contains("priorj.samples=3 (mean of the runs with seeds 7 to 9)"), info);
		// the mean of three runs differs from the first run alone
		final float[] first = px(restored("input", m, "prior", "gauss", "steps", 5, "seed", 7));
		assertTrue(Psnr.compute(first, px((ImagePlus) three.getOutput("restored")), 255) < 200);
	}

	@Test
	void aStackIsRestoredSliceBySlice() throws Exception {
		final ImageStack stack = new ImageStack(64, 64);
		final List<float[]> truths = new ArrayList<>();
		for (int z = 0; z < 3; z++) {
			// bright sky and the camera: the zeros of the missing pixels are far from the truth
			final ImagePlus c = camera("c", 64 + 150 * z, 30 + 10 * z);
			truths.add(px(c));
			stack.addSlice(c.getProcessor());
		}
		final ImagePlus m = simulate(new ImagePlus("stack", stack), "mask missing_fraction=0.4");
		assertEquals(3, m.getStackSize());
		final ImagePlus r = restored("input", m, "steps", 8);
		assertEquals(3, r.getStackSize());
		final float[] all = px(r), data = px(m);
		for (int z = 0; z < 3; z++) {
			final float[] slice = Arrays.copyOfRange(all, z * 4096, (z + 1) * 4096);
			final float[] zeros = Arrays.copyOfRange(data, z * 4096, (z + 1) * 4096);
			final double red = Psnr.compute(truths.get(z), slice, 255), zf = Psnr.compute(truths.get(z),
				zeros, 255);
			assertTrue(red > zf + 8, "slice " + z + ": " + red + " dB vs " + zf + " dB");
		}
	}

	@Test
	void plainImagesWithTheirDegradationGiven() throws Exception {
		final ImagePlus small = camera("small", 100, 100);
		final ImagePlus big = restored("input", small, "task", "super_resolution", "factor", 2,
			"prior", "gauss", "steps", 3);
		assertEquals(128, big.getWidth());
		assertEquals(128, big.getHeight());
		assertTrue(((String) big.getProperty("Info")).contains("priorj.operator=downsample factor=2"));
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(3, 3, new float[] { 0, 1, 0, 1,
			4, 1, 0, 1, 0 }));
		final ImagePlus sharp = restored("input", small, "task", "deblurring", "psf_image", psf,
			"prior", "gauss", "steps", 3);
		assertTrue(((String) sharp.getProperty("Info")).contains("priorj.operator=blur psf=image:psf"));
		final float[] mask = new float[64 * 64];
		for (int i = 0; i < mask.length; i++) mask[i] = i % 3 == 0 ? 0 : 1;
		final ImagePlus filled = restored("input", small, "task", "inpainting", "mask",
			new ImagePlus("m", new FloatProcessor(64, 64, mask)), "prior", "gauss", "steps", 3);
		assertTrue(((String) filled.getProperty("Info")).contains("priorj.operator=mask image=m"));
		final ImagePlus boxed = restored("input", small, "task", "inpainting", "boxes",
			"10,10,20,20", "prior", "gauss", "steps", 3);
		assertTrue(((String) boxed.getProperty("Info")).contains("mask boxes=10,10,20,20"));
		final ImagePlus clean = restored("input", small, "task", "denoising", "prior", "gauss",
			"steps", 3, "lambda", 0.0, "learning_rate", 0.1);
		final String info = (String) clean.getProperty("Info");
		assertTrue(info.contains("lambda=0.0 lr=0.1"), info);
	}

	@Test
	void theLossPlotHasOneValuePerStep() throws Exception {
		final ImagePlus m = simulate(camera("t", 0, 0), "blur psf=gaussian:1.5");
		final CommandModule c = restore("input", m, "prior", "gauss", "steps", 6, "show_loss", true);
		final ImagePlus plot = (ImagePlus) c.getOutput("loss");
		assertNotNull(plot);
		final String info = (String) plot.getProperty("Info");
		final String values = info.replaceAll("(?s).*priorj\\.loss\\.seed0=([^\\n]*).*", "$1");
		assertEquals(6, values.split(",").length, info);
		assertNull(restore("input", m, "prior", "gauss", "steps", 2).getOutput("loss"));
	}

	@Test
	void escStopsAndReturnsTheCurrentEstimate() throws Exception {
		final ImagePlus m = simulate(camera("t", 0, 0), "mask missing_fraction=0.5");
		// a status bar (updated at most ten times a second) on which the user presses Esc once a
		// step is done
		final int[] seen = new int[1];
		final StatusService pressesEsc = new org.scijava.app.DefaultStatusService() {

			@Override
			public void showStatus(final int progress, final int maximum, final String message) {
				seen[0]++;
				if (progress >= 1) Cancellation.requestAll();
			}
		};
		final ImagePlus r = (ImagePlus) commands.run(RestoreRedDiffCommand.class, true, "input", m,
			"steps", 100, "status", pressesEsc).get().getOutput("restored");
		assertTrue(seen[0] >= 2, "the status bar was not used");
		final String info = (String) r.getProperty("Info");
		assertTrue(info.contains("(cancelled)") && info.contains("priorj.cancelled=true"), info);
		final int run = Integer.parseInt(info.replaceAll("(?s).*iterations_run=([0-9]+).*", "$1"));
		assertTrue(run >= 1 && run < 100, info);
		assertEquals(64, r.getWidth());
	}

	// --- refusals: each names the parameter

	private static void refuses(final String parameter, final Object... inputs) {
		final ExecutionException e = assertThrows(ExecutionException.class, () -> restore(inputs));
		Throwable cause = e;
		while (cause.getCause() != null && !(cause instanceof IllegalArgumentException))
			cause = cause.getCause();
		assertTrue(cause.getMessage().contains("Parameter '" + parameter + "'"), parameter + ": " +
			cause.getMessage());
	}

	@Test
	void masksWithNothingKnownOrNothingMissingAreRefused() {
		final ImagePlus in = camera("in", 0, 0);
		final ImagePlus zeros = new ImagePlus("zeros", new FloatProcessor(64, 64));
		final float[] one = new float[64 * 64];
		Arrays.fill(one, 1);
		final ImagePlus ones = new ImagePlus("ones", new FloatProcessor(64, 64, one));
		refuses("mask", "input", in, "task", "inpainting", "mask", zeros, "prior", "gauss");
		refuses("mask", "input", in, "task", "inpainting", "mask", ones, "prior", "gauss");
		refuses("mask", "input", in, "task", "inpainting", "prior", "gauss");
		refuses("mask", "input", in, "task", "inpainting", "mask", new ImagePlus("small",
			new FloatProcessor(32, 32)), "prior", "gauss");
		refuses("boxes", "input", in, "task", "inpainting", "boxes", "0,0,64,64", "prior", "gauss");
	}

	@Test
	void aPsfLargerThanTheImageIsRefused() {
		final ImagePlus in = new ImagePlus("in", new FloatProcessor(16, 16));
		refuses("psf", "input", in, "task", "deblurring", "psf", "motion:40:0", "prior", "gauss");
		final float[] ones = new float[400];
		Arrays.fill(ones, 1);
		refuses("psf_image", "input", in, "task", "deblurring", "psf_image", new ImagePlus("big",
			new FloatProcessor(20, 20, ones)), "prior", "gauss");
	}

	@Test
	void aFactorThatDoesNotDivideTheSizeIsRefusedWithTheSizesAllowed() throws Exception {
		final ImagePlus m = simulate(camera("t", 0, 0), "downsample factor=4");
		// a measurement file whose image size was edited to 66x66
		final ImagePlus edited = m.duplicate();
		edited.setProperty("Info", ((String) m.getProperty("Info")).replace("image_shape=64x64",
			"image_shape=66x66"));
		final ExecutionException e = assertThrows(ExecutionException.class, () -> restore("input",
			edited, "prior", "gauss"));
		Throwable cause = e;
		while (!(cause instanceof IllegalArgumentException)) cause = cause.getCause();
		assertTrue(cause.getMessage().contains("Parameter 'factor'") && cause.getMessage().contains(
			"multiples of 4, e.g. 64x64 (crop) or 68x68 (pad)"), cause.getMessage());
		refuses("factor", "input", camera("t", 0, 0), "task", "super_resolution", "factor", 5,
			"prior", "gauss");
	}

	@Test
	void aPriorWithTheWrongChannelCountIsRefused() {
		refuses("prior", "input", camera("t", 0, 0), "task", "denoising", "prior", "gauss2");
		refuses("prior", "input", camera("t", 0, 0), "task", "denoising", "prior", "no-such-prior");
	}

	@Test
	void badImagesAndSettingsAreRefused() throws Exception {
		final float[] nan = new float[64 * 64];
		nan[100] = Float.NaN;
		final ImagePlus in = camera("in", 0, 0);
		refuses("input", "input", new ImagePlus("nan", new FloatProcessor(64, 64, nan)), "task",
			"denoising", "prior", "gauss");
		refuses("steps", "input", in, "task", "denoising", "prior", "gauss", "steps", -1);
		refuses("steps", "input", in, "task", "denoising", "prior", "gauss", "steps", 5000);
		refuses("samples", "input", in, "task", "denoising", "prior", "gauss", "samples", 0);
		refuses("samples", "input", in, "task", "denoising", "prior", "gauss", "samples", -2);
		refuses("lambda", "input", in, "task", "denoising", "prior", "gauss", "lambda", Double.NaN);
		refuses("range_max", "input", in, "task", "denoising", "prior", "gauss", "range_min", 5.0,
			"range_max", 1.0);
		refuses("device", "input", in, "task", "denoising", "prior", "gauss", "device", "tpu");
		refuses("init", "input", in, "task", "denoising", "prior", "gauss", "init", "magic");
		refuses("init", "input", in, "task", "denoising", "prior", "gauss", "init", "preset");
		refuses("steps", "input", in, "task", "denoising", "prior", "gauss", "steps", "many");
		refuses("lambda", "input", in, "task", "denoising", "prior", "gauss", "lambda", "-0.5");
		refuses("range_min", "input", in, "task", "denoising", "prior", "gauss", "range_max", "3");
		refuses("task", "input", in, "prior", "gauss");
		refuses("task", "input", simulate(in, "blur psf=gaussian:1"), "task", "inpainting", "prior",
			"gauss");
		refuses("input", "input", simulate(in, "radon angles=0:180:10"), "prior", "gauss");
	}
}
