package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.image.phantom.DynamicPhantom;
import org.priorj.metrics.Psnr;
import org.priorj.physics.ct.AngleSchedule;
import org.priorj.physics.ct.DynamicProjector;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.PriorService;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Reconstruct dynamic (RED-PSM), headless, with an exact Gaussian prior ("gauss", analytic, no
 * network): a movie to scan, a dynamic sinogram, dynamic MRI, the outputs and their record, and the
 * refusals, each naming the parameter.
 */
class ReconstructDynamicCommandTest {

	@TempDir
	static Path root;

	static Context context;
	static CommandService commands;

	private static final int T = 8, N = 32;

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

	static float[] movie() {
		return new DynamicPhantom(N, T, 5).series();
	}

	private static CommandModule dynamic(final Object... inputs) throws Exception {
		return commands.run(ReconstructDynamicCommand.class, true, inputs).get();
	}

	@Test
	void aMovieToScanGivesTheMovieItsMapsAndTemporalFunctionsAndIsUntouched() throws Exception {
		final ImagePlus in = ReconstructVolumeCommandTest.stack("movie", movie(), T, N, N);
		final float[] before = px(in);
		final CommandModule m = dynamic("input", in, "input_is", "movie", "views", 4, "k", "2", "d", "5",
			"iterations", "15", "prior", "gauss");
		final ImagePlus r = (ImagePlus) m.getOutput("reconstruction");
		assertEquals(T, r.getStackSize());
		final String info = (String) r.getProperty("Info");
		assertTrue(info.contains("RED-PSM") && info.contains("K=2") && info.contains("prior=gauss") &&
			info.contains("splitting_norm=squared"), info);
		final ImagePlus maps = (ImagePlus) m.getOutput("spatial_maps");
		assertEquals(3, maps.getStackSize());
		final ImagePlus plot = (ImagePlus) m.getOutput("temporal_functions");
		final String psi = (String) plot.getProperty("Info");
		assertTrue(psi.contains("priorj.psi.0=") && psi.contains("priorj.psi.2="), psi);
		assertEquals(T, psi.replaceAll("(?s).*priorj.psi.1=([^\n]*).*", "$1").split(",").length);
		assertTrue(Psnr.compute(movie(), px(r), 1) > 15, "the data shape the movie");
		assertEquals(0, Arrays.compare(before, px(in)), "the input was modified");
	}

	@Test
	void aDynamicSinogramWithItsScheduleAndAnglesThatDoNotFitAreRefused() throws Exception {
		final DynamicProjector a = DynamicProjector.of(N, N, AngleSchedule.goldenAngle(T, 2));
		final ImagePlus sino = ReconstructVolumeCommandTest.stack("sino", a.apply(movie()), T, 2, N);
		final ImagePlus r = (ImagePlus) dynamic("input", sino, "schedule", "golden", "views", 2,
			"iterations", "5", "k", "1", "prior", "gauss").getOutput("reconstruction");
		assertEquals(T, r.getStackSize());
		assertEquals(N, r.getWidth());
		refused("views", () -> dynamic("input", sino, "views", 1, "prior", "gauss"));
		refused("angles", () -> dynamic("input", sino, "views", 2, "angles", "0,10,20", "prior",
			"gauss"));
		refused("schedule", () -> dynamic("input", sino, "views", 2, "schedule", "spiral", "prior",
			"gauss"));
	}

	@Test
	void dynamicMriFromAMovieAndMasksOfAnotherSizeAreRefused() throws Exception {
		final ImagePlus in = ReconstructVolumeCommandTest.stack("movie", movie(), T, N, N);
		final CommandModule m = dynamic("input", in, "task", "mri", "input_is", "movie", "k", "2",
			"iterations", "10", "noise_level", 0.0, "prior", "gauss");
		final ImagePlus r = (ImagePlus) m.getOutput("reconstruction");
		assertEquals(T, r.getStackSize());
		assertTrue(((String) r.getProperty("Info")).contains("magnitude"));
		assertEquals(6, ((ImagePlus) m.getOutput("spatial_maps")).getStackSize(), "3 complex maps");
		final ImagePlus k = ReconstructVolumeCommandTest.stack("k", new float[2 * T * N * N], 2 * T, N,
			N);
		final ImagePlus small = ReconstructVolumeCommandTest.stack("mask", new float[T * 16 * 16], T,
			16, 16);
		refused("mask_image", () -> dynamic("input", k, "task", "mri", "mask_image", small, "prior",
			"gauss"));
		final ImagePlus three = ReconstructVolumeCommandTest.stack("mask", new float[3 * N * N], 3, N,
			N);
		refused("mask_image", () -> dynamic("input", k, "task", "mri", "mask_image", three, "prior",
			"gauss"));
		refused("input", () -> dynamic("input", ReconstructVolumeCommandTest.stack("odd", new float[3 *
			N * N], 3, N, N), "task", "mri", "prior", "gauss"));
	}

	@Test
	void badSettingsAreRefusedByName() {
		final ImagePlus in = ReconstructVolumeCommandTest.stack("movie", movie(), T, N, N);
		final ImagePlus one = new ImagePlus("one", new FloatProcessor(N, N, new float[N * N]));
		refused("input", () -> dynamic("input", one, "input_is", "movie", "prior", "gauss"));
		refused("k", () -> dynamic("input", in, "input_is", "movie", "k", "8", "prior", "gauss"));
		refused("d", () -> dynamic("input", in, "input_is", "movie", "d", "3", "prior", "gauss"));
		for (final String bad : new String[] { "-1", "NaN" }) {
			refused("lambda", () -> dynamic("input", in, "input_is", "movie", "lambda", bad, "prior",
				"gauss"));
			refused("beta", () -> dynamic("input", in, "input_is", "movie", "beta", bad, "prior",
				"gauss"));
			refused("sigma", () -> dynamic("input", in, "input_is", "movie", "sigma", bad, "prior",
				"gauss"));
		}
		refused("beta", () -> dynamic("input", in, "input_is", "movie", "beta", "0", "prior", "gauss"));
		refused("iterations", () -> dynamic("input", in, "input_is", "movie", "iterations", "0",
			"prior", "gauss"));
		refused("start", () -> dynamic("input", in, "input_is", "movie", "start", "zero", "prior",
			"gauss"));
		refused("task", () -> dynamic("input", in, "task", "radon", "prior", "gauss"));
		final Throwable kind = ReconstructVolumeCommandTest.refused("input_is", () -> dynamic("input",
			in, "input_is", "image", "prior", "gauss"));
		assertTrue(kind.getMessage().contains("movie"), kind.getMessage());
		refused("noise_level", () -> dynamic("input", in, "input_is", "movie", "noise_level", -0.1,
			"prior", "gauss"));
	}

	private static float[] px(final ImagePlus imp) {
		return ReconstructVolumeCommandTest.px(imp);
	}

	private static void refused(final String parameter, final ReconstructVolumeCommandTest.ThrowingCall call) {
		ReconstructVolumeCommandTest.refused(parameter, call);
	}
}
