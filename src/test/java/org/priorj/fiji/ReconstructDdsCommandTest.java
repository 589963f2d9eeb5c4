package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.metrics.Psnr;
import org.priorj.physics.mri.CoilMaps;
import org.priorj.physics.mri.MultiCoilMri;
import org.priorj.physics.mri.SamplingMask;
import org.priorj.physics.mri.SamplingMasks;
import org.priorj.physics.mri.SingleCoilMri;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.PriorService;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Reconstruct CT (DDS) and Reconstruct MRI (DDS), headless: the shipped priors where the quality is
 * checked, an exact Gaussian prior ("gauss", analytic, no network) for the mechanics and refusals.
 */
class ReconstructDdsCommandTest {

	@TempDir
	static Path root;

	static Context context;
	static CommandService commands;

	@BeforeAll
	static void start() throws Exception {
		RestoreRedDiffCommandTest.analyticPrior(root, "gauss", 1);
		System.setProperty("priorj.models", root.toString());
		context = new Context(CommandService.class, StatusService.class, PriorService.class);
		commands = context.service(CommandService.class);
		context.service(PriorService.class).registry().register("analytic", (d, device) ->
			DiagonalGaussianDenoiser.uniform(d.channels(), 0, 0.5, d.low(), d.high()));
	}

	@AfterAll
	static void stop() {
		context.dispose();
		System.clearProperty("priorj.models");
	}

	private static ImagePlus phantom() {
		return new ImagePlus("phantom", new FloatProcessor(64, 64, EllipsePhantom.sheppLogan(64,
			true)));
	}

	private static float[] px(final ImagePlus imp) {
		return RestoreRedDiffCommandTest.px(imp);
	}

	private static ImagePlus simulate(final ImagePlus truth, final String operator,
		final double relativeNoise) throws Exception
	{
		return (ImagePlus) commands.run(SimulateCommand.class, true, "input", truth, "operator",
			operator, "noise", relativeNoise > 0 ? "gaussian_relative" : "none", "noise_level",
			relativeNoise, "seed", 1).get().getOutput("measurement");
	}

	private static CommandModule ct(final Object... inputs) throws Exception {
		return commands.run(ReconstructCtDdsCommand.class, true, inputs).get();
	}

	private static CommandModule mri(final Object... inputs) throws Exception {
		return commands.run(ReconstructMriDdsCommand.class, true, inputs).get();
	}

	private static ImagePlus fbp(final ImagePlus m) throws Exception {
		return (ImagePlus) commands.run(ReconstructClassicalCommand.class, true, "measurement", m,
			"method", "fbp").get().getOutput("reconstruction");
	}

	/** Asserts that the command is refused with a message naming {@code parameter}. */
	private static void refused(final String parameter, final ThrowingCall call) {
		final Throwable e = assertThrows(Throwable.class, call::run);
		Throwable c = e;
		while (c != null && !(c instanceof IllegalArgumentException)) c = c.getCause();
		assertNotNull(c, "not an IllegalArgumentException: " + e);
		assertTrue(c.getMessage().contains("'" + parameter + "'"), c.getMessage());
	}

	interface ThrowingCall {

		void run() throws Exception;
	}

	@Test
	void ctMeasurementWithTheShippedPriorBeatsFbpInANewImage() throws Exception {
		final ImagePlus truth = phantom();
		final ImagePlus m = simulate(truth, "radon angles=0:180:20", 0.005);
		final float[] before = px(m);
		final ImagePlus r = (ImagePlus) ct("input", m, "steps", 10, "seed", 2).getOutput(
			"reconstruction");
		assertNotSame(m, r);
		assertEquals("phantom-measurement-dds", r.getTitle());
		assertEquals(64, r.getWidth());
		final String info = (String) r.getProperty("Info");
		for (final String s : new String[] { "priorj.method=dds steps=10 ", " seed=2 ", "prior=ct",
			"priorj.operator=radon angles=0:180:20", "priorj.device=cpu", "network_calls=10" })
			assertTrue(info.contains(s), s + " not in\n" + info);
		final double dds = Psnr.compute(px(truth), px(r), 1), f = Psnr.compute(px(truth), px(fbp(m)),
			1);
		assertTrue(dds > f + 3, "DDS " + dds + " dB vs FBP " + f + " dB");
		assertEquals(0, Arrays.compare(before, px(m)), "the input was modified");
	}

	@Test
	void aPlainSinogramTakesItsAnglesFromItsInfoOrTheParameter() throws Exception {
		final ImagePlus m = simulate(phantom(), "radon angles=0:180:16", 0);
		final ImagePlus sino = new ImagePlus("sino", m.getProcessor().duplicate());
		assertEquals(16, sino.getHeight());
		final ImagePlus given = (ImagePlus) ct("input", sino, "angles", "0:180:16", "prior", "gauss",
			"steps", 3).getOutput("reconstruction");
		assertEquals(sino.getWidth(), given.getWidth(), "size 0: as many pixels as detector bins");
		sino.setProperty("Info", "priorj.angles=0:180:16\n");
		final ImagePlus fromInfo = (ImagePlus) ct("input", sino, "prior", "gauss", "steps", 3, "size",
			64).getOutput("reconstruction");
		assertEquals(64, fromInfo.getWidth());
		assertTrue(((String) fromInfo.getProperty("Info")).contains("angles=0:180:16"));
		refused("angles", () -> ct("input", sino, "angles", "0:180:15", "prior", "gauss", "steps", 3));
		refused("detectors", () -> ct("input", sino, "detectors", sino.getWidth() + 1, "prior",
			"gauss", "steps", 3));
		refused("input", () -> ct("input", simulate(phantom(), "mask missing_fraction=0.5", 0),
			"input_is", "measurement", "prior", "gauss"));
	}

	@Test
	void anImageIsScannedThenReconstructedAndSamplesGiveAStandardDeviation() throws Exception {
		final CommandModule one = ct("input", phantom(), "input_is", "image", "angles", "0:120:30",
			"prior", "gauss", "steps", 4);
		assertNull(one.getOutput("std"));
		assertTrue(((String) ((ImagePlus) one.getOutput("reconstruction")).getProperty("Info"))
			.contains("radon angles=0:120:30 (simulated, noise 0.005"));
		final CommandModule two = ct("input", phantom(), "input_is", "image", "prior", "gauss",
			"steps", 4, "samples", 2, "seed", 5);
		final ImagePlus std = (ImagePlus) two.getOutput("std");
		assertNotNull(std);
		assertTrue(Arrays.stream(toDoubles(px(std))).max().getAsDouble() > 0);
		assertTrue(((String) ((ImagePlus) two.getOutput("reconstruction")).getProperty("Info"))
			.contains("priorj.samples=2 (mean of the runs with seeds 5 to 6)"));
	}

	private static double[] toDoubles(final float[] f) {
		final double[] d = new double[f.length];
		for (int i = 0; i < f.length; i++) d[i] = f[i];
		return d;
	}

	@Test
	void badSolverSettingsAreRefusedByName() {
		refused("eta", () -> ct("input", phantom(), "input_is", "image", "prior", "gauss", "eta", 1.5));
		refused("steps", () -> ct("input", phantom(), "input_is", "image", "prior", "gauss", "steps",
			5000));
		refused("samples", () -> ct("input", phantom(), "input_is", "image", "prior", "gauss",
			"samples", 0));
		refused("samples", () -> ct("input", phantom(), "input_is", "image", "prior", "gauss",
			"samples", 100000));
		refused("prior", () -> ct("input", phantom(), "input_is", "image", "prior", "no-such-prior"));
	}

	@Test
	void mriFromAnImageWithTheShippedPriorBeatsZeroFilling() throws Exception {
		final ImagePlus truth = RestoreRedDiffCommandTest.camera("camera", 200, 100);
		final CommandModule c = mri("input", truth, "input_is", "image", "mask",
			"uniform1d acceleration=4", "seed", 1);
		final ImagePlus mag = (ImagePlus) c.getOutput("magnitude");
		final ImagePlus cx = (ImagePlus) c.getOutput("complex");
		assertEquals(1, mag.getStackSize());
		assertEquals(2, cx.getStackSize());
		assertEquals(2, cx.getNChannels(), "real and imaginary as two channels");
		final String info = (String) mag.getProperty("Info");
		assertTrue(info.contains("prior=natural-gray") && info.contains("priorj.method=dds"), info);
		final ImagePlus zf = (ImagePlus) commands.run(ReconstructClassicalCommand.class, true,
			"measurement", simulate(truth, "mri mask=uniform1d acceleration=4 seed=1", 0), "method",
			"zero_filled").get().getOutput("reconstruction");
		final double dds = Psnr.compute(px(truth), px(mag), 255), z = Psnr.compute(px(truth), px(zf),
			255);
		assertTrue(dds > z + 2, "DDS " + dds + " dB vs zero filling " + z + " dB");
	}

	@Test
	void kspaceWithAMaskImageAndItsRefusals() throws Exception {
		final ImagePlus truth = RestoreRedDiffCommandTest.camera("camera", 0, 0);
		final ImagePlus m = simulate(truth, "mri mask=uniform1d acceleration=4 seed=3", 0);
		final ImagePlus kspace = new ImagePlus("k", m.getStack().duplicate());
		final float[] mask = new float[64 * 64];
		final float[] k = px(kspace);
		for (int i = 0; i < mask.length; i++) mask[i] = k[i] != 0 || k[i + mask.length] != 0 ? 1 : 0;
		final ImagePlus maskImage = new ImagePlus("mask", new FloatProcessor(64, 64, mask));
		final CommandModule c = mri("input", kspace, "mask_image", maskImage, "prior", "gauss",
			"steps", 3);
		assertEquals(64, ((ImagePlus) c.getOutput("magnitude")).getWidth());
		refused("input", () -> mri("input", new ImagePlus("one", kspace.getStack().getProcessor(1)),
			"mask_image", maskImage, "prior", "gauss"));
		refused("mask_image", () -> mri("input", kspace, "mask_image", new ImagePlus("small",
			new FloatProcessor(32, 32)), "prior", "gauss"));
		refused("mask", () -> mri("input", kspace, "mask_image", new ImagePlus("empty",
			new FloatProcessor(64, 64)), "prior", "gauss"));
		final ImageStack four = new ImageStack(64, 64);
		for (int s = 0; s < 4; s++) four.addSlice(kspace.getStack().getProcessor(s % 2 + 1));
		refused("coil_maps", () -> mri("input", new ImagePlus("k4", four), "mask_image", maskImage,
			"prior", "gauss"));
		final ImageStack maps = new ImageStack(32, 32);
		for (int s = 0; s < 4; s++) maps.addSlice(new FloatProcessor(32, 32));
		refused("coil_maps", () -> mri("input", new ImagePlus("k4", four), "mask_image", maskImage,
			"coil_maps", new ImagePlus("maps", maps), "prior", "gauss"));
		refused("input", () -> mri("input", simulate(truth, "radon angles=0:180:8", 0), "input_is",
			"measurement", "prior", "gauss"));
	}

	@Test
	void multiCoilKspaceWithTheUsersCoilMaps() throws Exception {
		final float[] truth = SingleCoilMri.complexFromReal(px(RestoreRedDiffCommandTest.camera("c",
			100, 100)));
		final CoilMaps maps = CoilMaps.synthetic(3, 64, 64);
		final SamplingMask mask = SamplingMasks.uniformLines(64, 64, 4, 0.08, 2);
		final float[] k = new MultiCoilMri(64, 64, mask, maps).apply(truth);
		final ImagePlus kspace = Images.image("k", k, org.priorj.base.Shape.of(6, 64, 64), null);
		final ImagePlus mapImage = Images.image("maps", maps.values(), org.priorj.base.Shape.of(6, 64, 64), null);
		final ImagePlus maskImage = new ImagePlus("mask", new FloatProcessor(64, 64, mask.values()));
		final CommandModule c = mri("input", kspace, "mask_image", maskImage, "coil_maps", mapImage,
			"prior", "gauss", "steps", 3);
		final String info = (String) ((ImagePlus) c.getOutput("magnitude")).getProperty("Info");
		assertTrue(info.contains("MultiCoilMri 2x64x64 -> 3x2x64x64") && info.contains(
			"priorj.input=k-space k"), info);
	}

	@Test
	void aCtStackIsReconstructedSliceBySliceInOneBatch() throws Exception {
		final ImageStack stack = new ImageStack(32, 32);
		stack.addSlice(new FloatProcessor(32, 32, EllipsePhantom.sheppLogan(32, true)));
		stack.addSlice(new FloatProcessor(32, 32, org.priorj.image.phantom.RandomEllipses.image(32, 4)));
		final ImagePlus m = simulate(new ImagePlus("stack", stack), "radon angles=0:180:12", 0);
		final ImagePlus r = (ImagePlus) ct("input", m, "prior", "gauss", "steps", 3).getOutput(
			"reconstruction");
		assertEquals(2, r.getStackSize());
		assertEquals(32, r.getWidth());
	}

	@Test
	void magnitudeIsTheModulusOfTheComplexResult() throws Exception {
		final CommandModule c = mri("input", RestoreRedDiffCommandTest.camera("c", 64, 64),
			"input_is", "image", "mask", "radial spokes=20", "coils", 3, "prior", "gauss", "steps", 3);
		final float[] mag = px((ImagePlus) c.getOutput("magnitude"));
		final float[] cx = px((ImagePlus) c.getOutput("complex"));
		final float[] expected = SingleCoilMri.magnitude(cx);
		for (int i = 0; i < mag.length; i++) assertEquals(expected[i], mag[i], 1e-4);
		final String info = (String) ((ImagePlus) c.getOutput("complex")).getProperty("Info");
		assertTrue(info.contains("MultiCoilMri 2x64x64 -> 3x2x64x64"), info);
	}
}
