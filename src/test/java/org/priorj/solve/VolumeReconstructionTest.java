package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.image.Pixels;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.physics.Identity;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.SideInputs;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.physics.Task;
import org.priorj.prior.DiagonalGaussianDenoiser;

/**
 * VolumeReconstruction in the user's units: the result scales with the data (the value map and the
 * relative TV_z weight and penalty follow them), its record, complex MRI slices, and what is not a
 * volume.
 */
class VolumeReconstructionTest {

	private static final int Z = 4, N = 24;
	private static final DiagonalGaussianDenoiser PRIOR = DiagonalGaussianDenoiser.uniform(1, 0, 0.5,
		-1, 1);

	private static float[] volume(final float scale) {
		final float[] cube = EllipsePhantom.sheppLogan3d(N, true);
		final float[] v = Arrays.copyOfRange(cube, (N - Z) / 2 * N * N, ((N - Z) / 2 + Z) * N * N);
		for (int i = 0; i < v.length; i++) v[i] *= scale;
		return v;
	}

	private static Problem ct(final float scale) {
		final LinearOperator a = SliceWiseOperator.repeat(Operators.build(OperatorSpec.parse(
			"radon angles=0:180:12"), Shape.of(N, N)), Z);
		return Problems.of(Task.CT, a, a.apply(volume(scale)), "test");
	}

	@Test
	void scalingTheDataScalesTheVolumeForBothMethods() {
		for (final VolumeMethod m : VolumeMethod.values()) {
			final VolumePreset p = TaskDefaults.volume(Task.CT, m).withSteps(6).withBatch(3);
			final Result one = VolumeReconstruction.reconstruct(ct(1), PRIOR, p, 3, Progress.NONE);
			final Result ten = VolumeReconstruction.reconstruct(ct(10), PRIOR, p, 3, Progress.NONE);
			double err = 0, norm = 0;
			for (int i = 0; i < one.estimate().length; i++) {
				err += Math.pow(ten.estimate()[i] - 10 * one.estimate()[i], 2);
				norm += Math.pow(10 * one.estimate()[i], 2);
			}
			assertTrue(Math.sqrt(err / norm) < 1e-3, m + ": relative difference " + Math.sqrt(err / norm));
			assertEquals(m.label(), one.parameters().get("method"));
			assertEquals(Integer.toString(p.networkCallsPerSlice()), one.parameters().get(
				"network_calls_per_slice"));
			assertEquals("0.001", one.parameters().get("lambda_relative"));
			assertEquals("0.003", one.parameters().get("rho_relative"));
			assertEquals("3", one.parameters().get("batch_slices"));
			assertEquals("3", one.parameters().get("batch"), "one item per grey slice");
			// the data are mapped onto [-1, 1] first: ||A||^2 is the operator's, the weights follow it
			final double n = ct(1).operator().norm(Dds.NORM_ITERATIONS, Dds.NORM_TOLERANCE, 1);
			assertEquals(0.001 * n * n, Double.parseDouble(one.parameters().get("lambda")), 1e-3 * 0.001 *
				n * n);
			assertEquals(0.003 * n * n, Double.parseDouble(one.parameters().get("rho")), 1e-3 * 0.003 *
				n * n);
			assertEquals("fbp (auto)", one.parameters().get("init"), "12 views: a 15° gap");
			assertEquals(m == VolumeMethod.DDS_3D, one.parameters().containsKey("eta"), "DDS's own settings");
			assertEquals(m == VolumeMethod.DIFFUSION_MBIR, one.parameters().containsKey("sigma_max"));
		}
	}

	@Test
	void ddsThreeDFromScratchFilesGivesTheHeapsVolumeAndLeavesNoFileBehind(@TempDir final Path scratch)
		throws java.io.IOException
	{
		final VolumePreset p = TaskDefaults.volume(Task.CT, VolumeMethod.DDS_3D).withSteps(4)
			.withBatch(3);
		final Result heap = VolumeReconstruction.reconstruct(ct(1), PRIOR, p, VolumeStorage.parse(
			"heap", ""), 5, Progress.NONE);
		final Result disk = VolumeReconstruction.reconstruct(ct(1), PRIOR, p, VolumeStorage.parse(
			" Disk", scratch.toString()), 5, Progress.NONE);
		assertArrayEquals(heap.estimate(), disk.estimate());
		assertEquals("heap", heap.parameters().get("volumes"));
		assertEquals("disk (" + scratch + ")", disk.parameters().get("volumes"));
		try (java.util.stream.Stream<Path> left = Files.list(scratch)) {
			assertEquals(0, left.count(), "scratch files are deleted when the run ends");
		}
		assertEquals("heap", VolumeReconstruction.reconstruct(ct(1), PRIOR, p, 5, Progress.NONE)
			.parameters().get("volumes"), "auto: the heap holds a small volume");
	}

	@Test
	void onlyDdsThreeDRunsFromDiskAndTheStorageIsOneOfThree() {
		final VolumePreset mbir = TaskDefaults.volume(Task.CT, VolumeMethod.DIFFUSION_MBIR).withSteps(
			2);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeReconstruction.reconstruct(
			ct(1), PRIOR, mbir, VolumeStorage.parse("disk", ""), 0, Progress.NONE)).getMessage().contains(
				"'volumes'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeStorage.parse("ram", ""))
			.getMessage().contains("auto, heap, disk"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeStorage.parse("disk",
			"/no/such/folder").stores(true, true, "dds-3d")).getMessage().contains("'scratch'"));
		final Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		assertEquals(tmp, VolumeStorage.AUTO.scratch());
		assertEquals(tmp, VolumeStorage.parse("disk", " ").scratch());
		assertEquals(tmp, VolumeStorage.parse("heap", null).scratch());
		assertEquals(Path.of("/x"), VolumeStorage.parse("disk", "/x").scratch());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeStorage.parse(null, ""))
			.getMessage().contains("'volumes'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new VolumeStorage(null, tmp))
			.getMessage().contains("'volumes'"));
		assertTrue(VolumeStorage.AUTO.stores(false, true, "dds-3d") != org.priorj.base.SliceStore.Factory.HEAP,
			"auto goes to disk when the heap cannot hold the run");
		assertTrue(VolumeStorage.AUTO.stores(false, false, "diffusion-mbir") == org.priorj.base.SliceStore.Factory.HEAP,
			"and stays on the heap (to be refused by the heap check) for a method that cannot");
	}

	@Test
	void limitedAngleDataStartFromSartUnlessThePresetSaysOtherwise() {
		final LinearOperator a = SliceWiseOperator.repeat(Operators.build(OperatorSpec.parse(
			"radon angles=0:120:40"), Shape.of(N, N)), Z);
		final Problem limited = Problems.of(Task.CT, a, a.apply(volume(1)), "test");
		final VolumePreset p = TaskDefaults.volume(Task.CT, VolumeMethod.DDS_3D).withSteps(2);
		assertEquals("sart (auto)", VolumeReconstruction.reconstruct(limited, PRIOR, p, 0, Progress.NONE)
			.parameters().get("init"));
		assertEquals("fbp", VolumeReconstruction.reconstruct(limited, PRIOR, p.withInit(Optional.of(
			ClassicalMethod.FBP)), 0, Progress.NONE).parameters().get("init"));
	}

	@Test
	void complexMriSlicesAreGreyPlanesForAGreyPrior() {
		final Problem p = Problems.simulateVolume(Task.MRI, new Pixels("volume", "v", Shape.of(Z, N, N),
			volume(1)), new SideInputs.Kspace("uniform1d acceleration=2", null, null, 1, 1), 0, 1);
		assertEquals(Shape.of(Z, 2, N, N), p.imageShape());
		assertEquals(Shape.of(2 * Z, 1, N, N), PriorBatch.of(p.imageShape(), PRIOR, true));
		final Result r = VolumeReconstruction.reconstruct(p, PRIOR, TaskDefaults.volume(Task.MRI,
			VolumeMethod.DDS_3D).withSteps(4), 0, Progress.NONE);
		assertEquals(2 * Z * N * N, r.estimate().length);
		assertEquals("zero_filled (auto)", r.parameters().get("init"));
		assertEquals(Integer.toString(2 * 8), r.parameters().get("batch"), "two planes per slice");
		final double sigmaMax = Double.parseDouble(VolumeReconstruction.reconstruct(p, PRIOR,
			TaskDefaults.volume(Task.MRI, VolumeMethod.DIFFUSION_MBIR).withSteps(3), 0, Progress.NONE)
			.parameters().get("sigma_max"));
		assertEquals(VolumeReconstruction.SIGMA_MAX, sigmaMax, "a prior of every level starts at the cap");
	}

	@Test
	void anImageOrAnotherTaskIsRefusedWithAPointerToTheTwoDimensionalCommands() {
		final VolumePreset p = TaskDefaults.volume(Task.CT, VolumeMethod.DDS_3D);
		final Problem image = Problems.of(Task.CT, Operators.build(OperatorSpec.parse(
			"radon angles=0:180:12"), Shape.of(N, N)), new float[12 * N], "test");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> VolumeReconstruction.reconstruct(image, PRIOR, p, 0, Progress.NONE));
		assertTrue(e.getMessage().startsWith("Parameter 'input'") && e.getMessage().contains(
			"Reconstruct CT (DDS)"), e.getMessage());
		final Problem denoise = Problems.of(Task.DENOISING, new Identity(Shape.of(Z, N, N)), new float[Z *
			N * N], "test");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeReconstruction.reconstruct(
			denoise, PRIOR, p, 0, Progress.NONE)).getMessage().contains("'task'"));
		final Problem oneSlice = Problems.of(Task.CT, SliceWiseOperator.repeat(Operators.build(
			OperatorSpec.parse("radon angles=0:180:12"), Shape.of(N, N)), 1), new float[12 * N], "test");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeReconstruction.reconstruct(
			oneSlice, PRIOR, p, 0, Progress.NONE)).getMessage().contains("at least 2"));
		final Problem complexImage = Problems.simulate(Task.MRI, new Pixels("image", "i", Shape.of(N, N),
			new float[N * N]), new SideInputs.Kspace("uniform1d acceleration=2", null, null, 1, 1), 0, 1);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeReconstruction.reconstruct(
			complexImage, PRIOR, TaskDefaults.volume(Task.MRI, VolumeMethod.DDS_3D), 0, Progress.NONE))
			.getMessage().contains("Reconstruct MRI (DDS)"));
		for (final Object[] nulls : new Object[][] { { null, PRIOR, p }, { image, null, p }, { image,
			PRIOR, null } })
			assertThrows(IllegalArgumentException.class, () -> VolumeReconstruction.reconstruct(
				(Problem) nulls[0], (DiagonalGaussianDenoiser) nulls[1], (VolumePreset) nulls[2], 0,
				Progress.NONE));
		// a prior trained only below DiffusionMBIR's lowest level leaves it nothing to sample
		final org.priorj.prior.Denoiser narrow = new org.priorj.prior.ForwardingDenoiser(PRIOR) {

			@Override
			public double maxSigma() {
				return 0.005;
			}
		};
		assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeReconstruction.reconstruct(
			ct(1), narrow, TaskDefaults.volume(Task.CT, VolumeMethod.DIFFUSION_MBIR), 0, Progress.NONE))
			.getMessage().contains("'prior'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> TaskDefaults.volume(Task.CT,
			null)).getMessage().contains("'method'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> p.withRho(Double.NaN))
			.getMessage().contains("'rho'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new VolumePreset(Task.CT,
			VolumeMethod.DDS_3D, 5, 0, 1, 5, 1, 0.5, java.util.OptionalInt.empty(), null)).getMessage()
			.contains("'init'"));
		assertEquals(Optional.empty(), p.init(), "the scan's own start");
	}
}
