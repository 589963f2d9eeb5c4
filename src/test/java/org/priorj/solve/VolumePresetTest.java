package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.priorj.physics.Task;

/** Volume presets: each override changes one setting and is checked where it is made. */
class VolumePresetTest {

	private static final VolumePreset DDS = TaskDefaults.volume(Task.CT, VolumeMethod.DDS_3D);
	private static final VolumePreset MBIR = TaskDefaults.volume(Task.CT, VolumeMethod.DIFFUSION_MBIR);

	private static void refused(final String parameter, final Runnable r) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
		assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
	}

	@Test
	void eachOverrideChangesItsSettingOnly() {
		final VolumePreset p = DDS.withSteps(7).withLambda(0.5).withRho(2).withCgIterations(3)
			.withBatch(4).withEta(0.25).withStartTime(90);
		assertEquals(new VolumePreset(Task.CT, VolumeMethod.DDS_3D, 7, 0.5, 2, 3, 4, 0.25, OptionalInt
			.of(90), Optional.empty()), p);
		assertEquals(Optional.of(ClassicalMethod.SART), p.withInit(Optional.of(ClassicalMethod.SART))
			.init());
		assertEquals(p.steps(), p.withInit(Optional.of(ClassicalMethod.SART)).steps());
		assertEquals(VolumeMethod.DIFFUSION_MBIR, DDS.withMethod(VolumeMethod.DIFFUSION_MBIR).method());
		assertEquals(DDS.steps(), DDS.withMethod(VolumeMethod.DIFFUSION_MBIR).steps());
	}

	@Test
	void thePresetsAndTheirNetworkCalls() {
		assertEquals(50, DDS.steps());
		assertEquals(50, DDS.networkCallsPerSlice());
		assertEquals(100, MBIR.steps());
		assertEquals(200, MBIR.networkCallsPerSlice());
		assertEquals(Optional.empty(), TaskDefaults.volume(Task.MRI, VolumeMethod.DDS_3D).init());
		assertEquals(ClassicalMethod.ZERO_FILLED, TaskDefaults.volumeStart(Task.MRI, 90));
		assertEquals(ClassicalMethod.FBP, TaskDefaults.volumeStart(Task.CT, 6));
		assertEquals(ClassicalMethod.FBP, TaskDefaults.volumeStart(Task.CT, Math.nextDown(
			TaskDefaults.MISSING_WEDGE_DEGREES)));
		assertEquals(ClassicalMethod.SART, TaskDefaults.volumeStart(Task.CT,
			TaskDefaults.MISSING_WEDGE_DEGREES));
		assertEquals(Task.MRI, TaskDefaults.volume(Task.MRI, VolumeMethod.DIFFUSION_MBIR).task());
		assertEquals(MBIR.lambda(), TaskDefaults.volume(Task.MRI, VolumeMethod.DIFFUSION_MBIR).lambda());
		assertEquals("ct dds-3d: steps=50 lambda=0.001 rho=0.003 cg_iterations=5 batch=8 eta=1.0 " +
			"start_time=100 init=auto", DDS.toString());
		assertEquals("ct diffusion-mbir: steps=100 lambda=0.001 rho=0.003 cg_iterations=5 batch=8 " +
			"init=auto", MBIR.toString());
		refused("task", () -> TaskDefaults.volume(Task.DENOISING, VolumeMethod.DDS_3D));
	}

	@Test
	void settingsOutsideTheirRangeAreRefusedByName() {
		refused("steps", () -> DDS.withSteps(0));
		refused("steps", () -> DDS.withSteps(1001));
		assertEquals(1000, DDS.withSteps(1000).steps());
		assertEquals(1, DDS.withSteps(1).steps());
		refused("steps", () -> MBIR.withSteps(1));
		refused("steps", () -> MBIR.withSteps(VolumePreset.MAX_STEPS + 1));
		assertEquals(2, MBIR.withSteps(2).steps());
		assertEquals(VolumePreset.MAX_STEPS, MBIR.withSteps(VolumePreset.MAX_STEPS).steps());
		refused("lambda", () -> DDS.withLambda(-1e-9));
		refused("lambda", () -> DDS.withLambda(Double.POSITIVE_INFINITY));
		assertEquals(0, DDS.withLambda(0).lambda());
		refused("rho", () -> DDS.withRho(0));
		refused("rho", () -> DDS.withRho(Double.POSITIVE_INFINITY));
		refused("cg_iterations", () -> DDS.withCgIterations(0));
		refused("cg_iterations", () -> DDS.withCgIterations(1001));
		assertEquals(1000, DDS.withCgIterations(1000).cgIterations());
		refused("batch", () -> DDS.withBatch(0));
		refused("batch", () -> DDS.withBatch(VolumePreset.MAX_BATCH + 1));
		assertEquals(VolumePreset.MAX_BATCH, DDS.withBatch(VolumePreset.MAX_BATCH).batch());
		refused("eta", () -> DDS.withEta(-0.1));
		refused("eta", () -> DDS.withEta(1.1));
		assertEquals(1, DDS.withEta(1).eta());
		assertEquals(0, DDS.withEta(0).eta());
		refused("start_time", () -> DDS.withStartTime(0));
		refused("method", () -> DDS.withMethod(null));
	}

	@Test
	void methodNamesParseInEitherSpelling() {
		assertEquals(VolumeMethod.DDS_3D, VolumeMethod.parse("method", " DDS_3D "));
		assertEquals(VolumeMethod.DIFFUSION_MBIR, VolumeMethod.parse("method", "diffusion-mbir"));
		assertEquals("diffusion-mbir", VolumeMethod.DIFFUSION_MBIR.label());
		refused("method", () -> VolumeMethod.parse("method", "mbir"));
		refused("method", () -> VolumeMethod.parse("method", null));
	}
}
