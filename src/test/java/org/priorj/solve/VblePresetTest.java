package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import org.priorj.physics.Task;

/** VBLE's presets: each override changes its own setting only, is checked, and reaches the solver. */
class VblePresetTest {

	private static final VblePreset P = TaskDefaults.vble(Task.DEBLURRING);

	@Test
	void eachOverrideChangesOnlyItsOwnSetting() {
		assertEquals(new VblePreset(P.task(), 2.5, P.learningRate(), P.iterations(), P.samples(), P
			.init(), P.noiseSigma(), P.keptSamples(), P.model(), P.rateScale()), P.withLambda(2.5));
		assertEquals(new VblePreset(P.task(), P.lambda(), 0.05, P.iterations(), P.samples(), P.init(),
			P.noiseSigma(), P.keptSamples(), P.model(), P.rateScale()), P.withLearningRate(0.05));
		assertEquals(new VblePreset(P.task(), P.lambda(), P.learningRate(), 17, P.samples(), P.init(),
			P.noiseSigma(), P.keptSamples(), P.model(), P.rateScale()), P.withIterations(17));
		assertEquals(new VblePreset(P.task(), P.lambda(), P.learningRate(), P.iterations(), 9, P
			.init(), P.noiseSigma(), P.keptSamples(), P.model(), P.rateScale()), P.withSamples(9));
		assertEquals(new VblePreset(P.task(), P.lambda(), P.learningRate(), P.iterations(), P
			.samples(), Optional.empty(), P.noiseSigma(), P.keptSamples(), P.model(), P.rateScale()), P
				.withInit(Optional.empty()));
		assertEquals(new VblePreset(P.task(), P.lambda(), P.learningRate(), P.iterations(), P
			.samples(), P.init(), OptionalDouble.of(3), P.keptSamples(), P.model(), P.rateScale()), P
				.withNoiseSigma(OptionalDouble.of(3)));
		assertEquals(new VblePreset(P.task(), P.lambda(), P.learningRate(), P.iterations(), P
			.samples(), P.init(), P.noiseSigma(), !P.keptSamples(), P.model(), P.rateScale()), P
				.withKeptSamples(!P.keptSamples()));
		assertEquals(new VblePreset(P.task(), P.lambda(), P.learningRate(), P.iterations(), P
			.samples(), P.init(), P.noiseSigma(), P.keptSamples(), VblePreset.Model.Z, P.rateScale()), P
				.withModel(VblePreset.Model.Z));
		assertEquals(new VblePreset(P.task(), P.lambda(), P.learningRate(), P.iterations(), P
			.samples(), P.init(), P.noiseSigma(), P.keptSamples(), P.model(), 0.6), P.withRateScale(
				0.6));
	}

	@Test
	void theSolverGetsThePresetsSettingsAndAutoPicksVbleXzOnlyWithAVarianceDecoder() {
		final VblePreset p = P.withLambda(2.5).withLearningRate(0.05).withIterations(17).withSamples(9)
			.withRateScale(0.6).withKeptSamples(true);
		final Vble with = p.solver(true), without = p.solver(false);
		assertTrue(with.imageNoise());
		assertFalse(without.imageNoise());
		assertTrue(p.withModel(VblePreset.Model.XZ).solver(false).imageNoise());
		assertFalse(p.withModel(VblePreset.Model.Z).solver(true).imageNoise());
		assertEquals("lambda=2.5 lr=0.05 iterations=17 samples=9 rate_scale=0.6 keep=true", with
			.settings());
	}

	@Test
	void calibrationScalesAreKeptPerMethodTaskAndPrior() {
		for (final Task t : TaskDefaults.vbleTasks()) {
			final double c = TaskDefaults.stdScale("vble-xz", t, "cae-natural-gray").orElseThrow();
			assertTrue(c > 0.3 && c < 5, t + ": " + c);
			assertTrue(TaskDefaults.stdScale("vble-z", t, "cae-natural-gray").isEmpty());
			assertTrue(TaskDefaults.stdScale("vble-xz", t, "my-cae").isEmpty());
		}
		// RED-Diff's spread over seeds is far too narrow where it was measured
		for (final Task t : new Task[] { Task.INPAINTING, Task.DEBLURRING })
			assertTrue(TaskDefaults.stdScale("red-diff", t, "natural-gray").orElseThrow() > 2);
		assertTrue(TaskDefaults.stdScale("red-diff", Task.SUPER_RESOLUTION, "natural-gray").isEmpty());
	}

	@Test
	void modelsParseFromTheirLabelsAndBadOnesAreRefusedByName() {
		for (final VblePreset.Model m : VblePreset.Model.values())
			assertEquals(m, VblePreset.Model.parse(" " + m.label() + " "));
		final String msg = assertThrows(IllegalArgumentException.class, () -> VblePreset.Model.parse(
			"vble")).getMessage();
		assertTrue(msg.contains("'model'"), msg);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> P.withRateScale(0)).getMessage()
			.contains("'rate_scale'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> P.withNoiseSigma(OptionalDouble
			.of(-1))).getMessage().contains("'noise_sigma'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> P.withModel(null)).getMessage()
			.contains("'preset'"));
		assertTrue(P.toString().contains("model=auto rate_scale=1.0"), P.toString());
	}
}
