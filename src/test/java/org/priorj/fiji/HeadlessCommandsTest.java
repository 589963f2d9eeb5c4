package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.physics.MeasurementFile;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The commands from a script's point of view: a SciJava Context, no dialog, outputs returned. */
class HeadlessCommandsTest {

	static Context context;
	static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, StatusService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static ImagePlus phantom(final int n) {
		return new ImagePlus("phantom", new ij.process.FloatProcessor(n, n, EllipsePhantom
			.sheppLogan(n, true)));
	}

	@Test
	void simulateThenReconstructWithNoRepeatedOperator() throws Exception {
		final ImagePlus truth = phantom(64);
		final CommandModule sim = commands.run(SimulateCommand.class, true, "input", truth,
			"operator", "radon angles=0:180:45", "noise", "none", "noise_level", 0.0, "seed", 1).get();
		final ImagePlus sino = (ImagePlus) sim.getOutput("measurement");
		assertEquals(64, sino.getWidth());
		assertEquals(45, sino.getHeight());
		assertEquals("radon", MeasurementFile.fromImagePlus(sino).operatorSpec().kind());
		final CommandModule rec = commands.run(ReconstructClassicalCommand.class, true,
			"measurement", sino).get();
		final ImagePlus rec45 = (ImagePlus) rec.getOutput("reconstruction");
		assertNotSame(truth, rec45);
		final String info = (String) rec45.getProperty("Info");
		// auto: 45 views leave 4° between directions, sparse enough for SART
		assertTrue(info.contains("priorj.method=sart angles_per_subset=1 relaxation=1.0"), info);
		assertTrue(info.contains("priorj.operator=radon angles=0:180:45"), info);
		final CommandModule score = commands.run(MetricsCommand.class, true, "reference", truth,
			"estimate", rec45, "data_range", 1.0).get();
		final double psnr = (Double) score.getOutput("psnr");
		assertTrue(psnr > 20, "SART PSNR " + psnr);
	}

	@Test
	void complexMriFromARealImageGivesAMagnitudeReconstruction() throws Exception {
		final ImagePlus truth = phantom(32);
		final ImagePlus k = (ImagePlus) commands.run(SimulateCommand.class, true, "input", truth,
			"operator", "mri mask=uniform1d acceleration=2", "noise", "none").get().getOutput(
				"measurement");
		assertEquals(2, k.getStackSize());
		final ImagePlus zf = (ImagePlus) commands.run(ReconstructClassicalCommand.class, true,
			"measurement", k).get().getOutput("reconstruction");
		assertEquals(1, zf.getStackSize());
		assertEquals(32, zf.getWidth());
	}

	/** The message of the refusal behind a command's failure. */
	private static String refusal(final org.junit.jupiter.api.function.Executable run) {
		Throwable cause = assertThrows(ExecutionException.class, run);
		while (cause.getCause() != null && !(cause instanceof IllegalArgumentException))
			cause = cause.getCause();
		return cause.getMessage();
	}

	@Test
	void refusalsReachTheCallerWithTheParameterName() {
		final ImagePlus rgb = IJ.createImage("rgb", "RGB white", 16, 16, 1);
		final String message = refusal(() -> commands.run(SimulateCommand.class, true, "input", rgb,
			"operator", "identity").get());
		assertTrue(message.contains("Parameter 'input'"), message);
	}

	@Test
	void iterationsAreTheMethodsOwnUnlessAsked() throws Exception {
		// a mask with a large hole: harmonic inpainting needs many steps, and runs only those asked
		final ImagePlus m = (ImagePlus) commands.run(SimulateCommand.class, true, "input", phantom(48),
			"operator", "mask boxes=8,8,30,30", "noise", "none", "noise_level", 0.0).get().getOutput(
				"measurement");
		final java.util.function.Function<Object, String> run = it -> {
			try {
				return (String) ((ImagePlus) commands.run(ReconstructClassicalCommand.class, true,
					"measurement", m, "method", "harmonic_inpainting", "iterations", it).get().getOutput(
						"reconstruction")).getProperty("Info");
			}
			catch (final Exception e) {
				throw new IllegalStateException(e);
			}
		};
		final int auto = Integer.parseInt(run.apply("auto").replaceAll(
			"(?s).*iterations_run=([0-9]+).*", "$1"));
		assertTrue(auto > 3, "auto ran " + auto);
		assertTrue(run.apply(3).contains("iterations_run=3"), "an explicit count is honoured");
		final String message = refusal(() -> commands.run(ReconstructClassicalCommand.class, true,
			"measurement", m, "iterations", "many").get());
		assertTrue(message.contains("Parameter 'iterations'"), message);
	}

	@Test
	void aPlainImageIsReconstructedWithTheOperatorGiven() throws Exception {
		final ImagePlus truth = phantom(64);
		final ImagePlus sino = (ImagePlus) commands.run(SimulateCommand.class, true, "input", truth,
			"operator", "radon angles=0:180:45", "noise", "none", "noise_level", 0.0).get().getOutput(
				"measurement");
		final ImagePlus plain = new ImagePlus("plain-sinogram", sino.getProcessor().duplicate());
		final ImagePlus fbp = (ImagePlus) commands.run(ReconstructClassicalCommand.class, true,
			"measurement", plain, "operator", "radon angles=0:180:45").get().getOutput(
				"reconstruction");
		assertEquals(64, fbp.getWidth());
		final double psnr = (Double) commands.run(MetricsCommand.class, true, "reference", truth,
			"estimate", fbp, "data_range", 1.0).get().getOutput("psnr");
		assertTrue(psnr > 20, "FBP PSNR " + psnr);
		final ImagePlus small = new ImagePlus("small", new ij.process.FloatProcessor(16, 16));
		final ImagePlus up = (ImagePlus) commands.run(ReconstructClassicalCommand.class, true,
			"measurement", small, "operator", "downsample factor=2").get().getOutput("reconstruction");
		assertEquals(32, up.getWidth());
	}

	@Test
	void aPlainImageWithoutOrWithAWrongOperatorIsRefusedNamingTheParameter() {
		final ImagePlus plain = phantom(32);
		assertTrue(refusal(() -> commands.run(ReconstructClassicalCommand.class, true, "measurement",
			plain).get()).contains("a plain image with its 'operator'"));
		assertTrue(refusal(() -> commands.run(ReconstructClassicalCommand.class, true, "measurement",
			plain, "operator", "radon angles=0:180:10").get()).contains("Parameter 'operator'"));
		assertTrue(refusal(() -> commands.run(ReconstructClassicalCommand.class, true, "measurement",
			plain, "operator", "blur", "image_size", "40x40").get()).contains(
				"Parameter 'image_size'"));
		assertTrue(refusal(() -> commands.run(ReconstructClassicalCommand.class, true, "measurement",
			plain, "operator", "blur", "image_size", "forty").get()).contains(
				"Parameter 'image_size'"));
		assertTrue(refusal(() -> commands.run(ReconstructClassicalCommand.class, true, "measurement",
			plain, "operator", "warp").get()).contains("Parameter 'operator'"));
	}
}
