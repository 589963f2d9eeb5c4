package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.base.Shape;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.metrics.Psnr;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.PriorService;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Reconstruct volume (DDS-3D / DiffusionMBIR), headless, with an exact Gaussian prior ("gauss",
 * analytic, no network): stacks of sinograms and k-space, volumes to scan, its outputs and record,
 * and its refusals, each naming the parameter.
 */
class ReconstructVolumeCommandTest {

	@TempDir
	static Path root;

	static Context context;
	static CommandService commands;

	private static final int Z = 4, N = 32;

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

	/** The central Z slices of a 3-D Shepp-Logan phantom of side N. */
	static float[] volume() {
		final float[] cube = EllipsePhantom.sheppLogan3d(N, true);
		final int first = (N - Z) / 2;
		return Arrays.copyOfRange(cube, first * N * N, (first + Z) * N * N);
	}

	static ImagePlus stack(final String title, final float[] v, final int planes, final int h,
		final int w)
	{
		final ImageStack s = new ImageStack(w, h);
		for (int p = 0; p < planes; p++) s.addSlice(new FloatProcessor(w, h, Arrays.copyOfRange(v, p *
			h * w, (p + 1) * h * w)));
		return new ImagePlus(title, s);
	}

	static float[] px(final ImagePlus imp) {
		final float[] out = new float[imp.getStackSize() * imp.getWidth() * imp.getHeight()];
		for (int p = 0; p < imp.getStackSize(); p++) System.arraycopy((float[]) imp.getStack()
			.getProcessor(p + 1).convertToFloat().getPixels(), 0, out, p * imp.getWidth() * imp
				.getHeight(), imp.getWidth() * imp.getHeight());
		return out;
	}

	private static CommandModule volume(final Object... inputs) throws Exception {
		return commands.run(ReconstructVolumeCommand.class, true, inputs).get();
	}

	/** A stack of Z noiseless sinograms of 30 views with the angles on its Info line. */
	private static ImagePlus sinograms() {
		final LinearOperator a = SliceWiseOperator.repeat(Operators.build(OperatorSpec.parse(
			"radon angles=0:180:30"), Shape.of(N, N)), Z);
		final float[] y = a.apply(volume());
		final ImagePlus imp = stack("sinograms", y, Z, 30, y.length / Z / 30);
		imp.setProperty("Info", "priorj.angles=0:180:30");
		return imp;
	}

	@Test
	void aSinogramStackGivesAVolumeWithItsRecordAndTheStackIsUntouched() throws Exception {
		final ImagePlus in = sinograms();
		final float[] before = px(in);
		for (final String method : new String[] { "dds-3d", "diffusion-mbir" }) {
			final CommandModule m = volume("input", in, "method", method, "steps", "8", "prior", "gauss",
				"size", N, "batch", "3");
			final ImagePlus r = (ImagePlus) m.getOutput("reconstruction");
			assertEquals(Z, r.getStackSize(), method);
			assertEquals(N, r.getWidth());
			final String info = (String) r.getProperty("Info");
			assertTrue(info.contains("method=" + method) && info.contains("batch_slices=3") && info
				.contains("prior=gauss"), info);
			assertNull(m.getOutput("complex"));
			assertTrue(Psnr.compute(volume(), px(r), 1) > 12, method + ": the data shape the volume");
		}
		assertEquals(0, Arrays.compare(before, px(in)), "the input was modified");
	}

	@Test
	void aVolumeToScanAndAKspaceStackForMri() throws Exception {
		final ImagePlus vol = stack("vol", volume(), Z, N, N);
		final CommandModule ct = volume("input", vol, "input_is", "volume", "angles", "0:180:20",
			"steps", "4", "prior", "gauss");
		assertEquals(Z, ((ImagePlus) ct.getOutput("reconstruction")).getStackSize());
		assertTrue(((String) ((ImagePlus) ct.getOutput("reconstruction")).getProperty("Info")).contains(
			"radon angles=0:180:20 per slice"));
		final CommandModule mri = volume("input", vol, "task", "mri", "input_is", "volume", "steps", "4",
			"prior", "gauss", "noise_level", 0.0);
		final ImagePlus mag = (ImagePlus) mri.getOutput("reconstruction");
		assertEquals(Z, mag.getStackSize());
		final ImagePlus complex = (ImagePlus) mri.getOutput("complex");
		assertEquals(2 * Z, complex.getStackSize());
		assertEquals(2, complex.getNChannels());
		// k-space itself, 2 planes per slice, sampled as the command's mask and seed sample it
		final LinearOperator a = SliceWiseOperator.repeat(Operators.build(OperatorSpec.parse(
			"mri seed=0 mask=uniform1d acceleration=4"), Shape.of(2, N, N)), Z);
		final float[] x = new float[2 * Z * N * N];
		for (int s = 0; s < Z; s++) System.arraycopy(volume(), s * N * N, x, 2 * s * N * N, N * N);
		final ImagePlus k = stack("k", a.apply(x), 2 * Z, N, N);
		final ImagePlus fromK = (ImagePlus) volume("input", k, "task", "mri", "steps", "8", "prior",
			"gauss").getOutput("reconstruction");
		assertEquals(Z, fromK.getStackSize());
		assertTrue(Psnr.compute(volume(), px(fromK), 1) > 15, "the k-space of the volume's slices");
	}

	@Test
	void theOutputFolderGetsTheStackAndAnUnwritableOneIsRefusedFirst() throws Exception {
		final File out = root.resolve("out").toFile();
		assertTrue(out.mkdirs());
		volume("input", sinograms(), "steps", "2", "prior", "gauss", "size", N, "output_folder", out);
		final ImagePlus saved = IJ.openImage(new File(out, "sinograms-dds-3d.tif").getPath());
		assertEquals(Z, saved.getStackSize());
		refused("output_folder", () -> volume("input", sinograms(), "prior", "gauss",
			"output_folder", new File(out, "missing")));
		final File locked = root.resolve("locked").toFile();
		assertTrue(locked.mkdirs() && locked.setWritable(false));
		try {
			if (!locked.canWrite()) refused("output_folder", () -> volume("input", sinograms(),
				"prior", "gauss", "output_folder", locked));
		}
		finally {
			locked.setWritable(true);
		}
	}

	@Test
	void volumesOnDiskGiveTheHeapsStackAndMissingScratchOrMbirOnDiskAreRefused() throws Exception {
		final File scratch = root.resolve("scratch").toFile();
		assertTrue(scratch.mkdirs());
		final ImagePlus heap = (ImagePlus) volume("input", sinograms(), "steps", "3", "prior", "gauss",
			"size", N, "volumes", "heap").getOutput("reconstruction");
		final ImagePlus disk = (ImagePlus) volume("input", sinograms(), "steps", "3", "prior", "gauss",
			"size", N, "volumes", "disk", "scratch_folder", scratch).getOutput("reconstruction");
		assertArrayEquals(px(heap), px(disk));
		assertTrue(((String) disk.getProperty("Info")).contains("volumes=disk (" + scratch + ")"));
		assertEquals(0, scratch.list().length, "scratch files deleted");
		refused("scratch", () -> volume("input", sinograms(), "prior", "gauss", "size", N, "volumes",
			"disk", "scratch_folder", new File(scratch, "missing")));
		refused("volumes", () -> volume("input", sinograms(), "prior", "gauss", "size", N, "method",
			"diffusion-mbir", "volumes", "disk"));
		refused("volumes", () -> volume("input", sinograms(), "prior", "gauss", "size", N, "volumes",
			"ram"));
	}

	@Test
	void badInputsAreRefusedByName() {
		final ImagePlus one = new ImagePlus("one", new FloatProcessor(N, N, EllipsePhantom.sheppLogan(N,
			true)));
		final Throwable single = refused("input", () -> volume("input", one, "input_is", "volume",
			"prior", "gauss"));
		assertTrue(single.getMessage().contains("Reconstruct CT (DDS)"), single.getMessage());
		refused("angles", () -> volume("input", sinograms(), "angles", "0:180:20", "prior", "gauss"));
		refused("lambda", () -> volume("input", sinograms(), "lambda", "-1", "prior", "gauss"));
		refused("lambda", () -> volume("input", sinograms(), "lambda", "NaN", "prior", "gauss"));
		refused("rho", () -> volume("input", sinograms(), "rho", "0", "prior", "gauss"));
		refused("steps", () -> volume("input", sinograms(), "steps", "0", "prior", "gauss"));
		refused("steps", () -> volume("input", sinograms(), "method", "diffusion-mbir", "steps",
			"100000", "prior", "gauss"));
		refused("batch", () -> volume("input", sinograms(), "batch", "0", "prior", "gauss"));
		refused("method", () -> volume("input", sinograms(), "method", "mbir", "prior", "gauss"));
		final ImagePlus odd = stack("k", new float[3 * N * N], 3, N, N);
		refused("input", () -> volume("input", odd, "task", "mri", "prior", "gauss"));
	}

	/** Asserts that the command is refused with a message naming {@code parameter}; returns it. */
	static Throwable refused(final String parameter, final ThrowingCall call) {
		final Throwable e = assertThrows(Throwable.class, call::run);
		Throwable c = e;
		while (c != null && !(c instanceof IllegalArgumentException)) c = c.getCause();
		assertNotNull(c, "not an IllegalArgumentException: " + e);
		assertTrue(c.getMessage().contains("'" + parameter + "'"), c.getMessage());
		return c;
	}

	interface ThrowingCall {

		void run() throws Exception;
	}
}
