package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorSpec;
import org.priorj.prior.DiffusionSchedule;

/** What RED-Diff's and DDS's presets promise: one per task, found from the operator's kind. */
class PresetsTest {

	@Test
	void everyRedDiffTaskHasAPresetFoundFromItsOperatorKind() {
		for (final String task : RedDiffPreset.TASKS) {
			final RedDiffPreset p = RedDiffPreset.of(task.toUpperCase(java.util.Locale.ROOT));
			assertEquals(task, p.task);
			assertEquals(task, RedDiffPreset.taskOf(OperatorSpec.of(RedDiffPreset.kindOf(task))));
			assertTrue(p.toString().startsWith(task + ": lambda=" + p.lambda + " lr=" + p.lr), p
				.toString());
			final RedDiff solver = p.applyTo(new RedDiff(DiffusionSchedule.linear()));
			assertEquals(p.lambda * RedDiff.Weighting.LINEAR.of(DiffusionSchedule.linear().sigma(10)),
				solver.weight(10), 1e-12);
			assertEquals(p.startTime > 0, solver.hasStartTime(), task);
			assertEquals(Math.min(p.steps, p.startTime > 0 ? p.startTime : 1000), solver.times().length,
				task);
		}
		assertTrue(RedDiffPreset.of("denoising").toString().contains("start_time=prior"));
		ConjugateGradientTest.assertNames("task", () -> RedDiffPreset.of("ct"));
		ConjugateGradientTest.assertNames("task", () -> RedDiffPreset.of(null));
		ConjugateGradientTest.assertNames("operator", () -> RedDiffPreset.taskOf(OperatorSpec.of(
			"radon")));
	}

	@Test
	void everyDdsTaskHasAPresetFoundFromItsOperatorKind() {
		assertEquals("ct", DdsPreset.taskOf(OperatorSpec.of("radon")));
		assertEquals("mri", DdsPreset.taskOf(OperatorSpec.of("mri")));
		for (final String task : DdsPreset.TASKS) {
			final DdsPreset p = DdsPreset.of(task);
			assertEquals(task, p.task);
			final Dds solver = p.applyTo(new Dds(DiffusionSchedule.linear()));
			assertEquals(p.steps, solver.steps());
			final DdsPreset same = p.with(-1, Double.NaN, -1, Double.NaN, -1, null);
			assertEquals(p.toString(), same.toString());
			final DdsPreset other = p.with(7, 0.5, 2, 3, 60, "noise");
			assertEquals(task + ": steps=7 eta=0.5 cg_iterations=2 gamma=3.0 start_time=60 init=noise",
				other.toString());
		}
		ConjugateGradientTest.assertNames("task", () -> DdsPreset.of("inpainting"));
		ConjugateGradientTest.assertNames("operator", () -> DdsPreset.taskOf(OperatorSpec.of("mask")));
	}
}
