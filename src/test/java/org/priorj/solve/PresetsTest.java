package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Task;

/**
 * What the task table and the presets promise: one baseline per task, one preset per task a
 * learned solver handles, presets that are immutable and refuse bad values by the parameter's name.
 */
class PresetsTest {

	@Test
	void everyTaskHasABaselineAndExactlyOneLearnedPreset() {
		for (final Task t : Task.values()) {
			assertEquals(t, Task.ofKind(OperatorSpec.of(t.operatorKind()).kind()));
			assertTrue(TaskDefaults.baseline(t) != null, t.label());
		}
		assertEquals(Set.of(Task.INPAINTING, Task.SUPER_RESOLUTION, Task.DEBLURRING, Task.DENOISING),
			TaskDefaults.redDiffTasks());
		assertEquals(Set.of(Task.CT, Task.MRI), TaskDefaults.ddsTasks());
		final Set<Task> both = EnumSet.copyOf(TaskDefaults.redDiffTasks());
		both.retainAll(TaskDefaults.ddsTasks());
		assertEquals(Set.of(), both);
		assertEquals(ClassicalMethod.FBP, TaskDefaults.baseline(Task.CT));
		assertEquals(ClassicalMethod.ZERO_FILLED, TaskDefaults.baseline(Task.MRI));
		assertEquals(ClassicalMethod.BIHARMONIC_INPAINTING, TaskDefaults.baseline(Task.INPAINTING));
		ConjugateGradientTest.assertNames("operator", () -> Task.ofKind("fourier"));
		ConjugateGradientTest.assertNames("task", () -> TaskDefaults.redDiff(Task.CT));
		ConjugateGradientTest.assertNames("task", () -> TaskDefaults.dds(Task.INPAINTING));
		ConjugateGradientTest.assertNames("task", () -> TaskDefaults.redDiff(null));
		ConjugateGradientTest.assertNames("task", () -> Task.parse("task", "ct", TaskDefaults
			.redDiffTasks()));
	}

	@Test
	void redDiffPresetsBuildTheirSolverAndChangeOnlyACopy() {
		for (final Task task : TaskDefaults.redDiffTasks()) {
			final RedDiffPreset p = TaskDefaults.redDiff(task);
			assertEquals(task, p.task());
			assertTrue(p.toString().startsWith(task + ": lambda=" + p.lambda() + " lr=" + p
				.learningRate()), p.toString());
			final RedDiff solver = p.solver();
			assertEquals(p.lambda() * RedDiff.Weighting.LINEAR.of(solver.schedule().sigma(10)), solver
				.weight(10), 1e-12);
			assertEquals(p.startTime().isPresent(), solver.hasStartTime(), task.label());
			assertEquals(Math.min(p.steps(), p.startTime().orElse(1000)), solver.times().length, task
				.label());
		}
		final RedDiffPreset d = TaskDefaults.redDiff(Task.DENOISING);
		assertTrue(d.toString().contains("start_time=prior end_time=0 weighting=linear init=prior_denoiser"), d.toString());
		final RedDiffPreset changed = d.withLambda(2).withSteps(7).withLearningRate(0.5).withStartTime(
			40).withInit(Optional.of(ClassicalMethod.TV));
		assertNotSame(d, changed);
		assertEquals(TaskDefaults.redDiff(Task.DENOISING), d);
		assertEquals("denoising: lambda=2.0 lr=0.5 steps=7 start_time=40 end_time=0 weighting=linear init=tv",
			changed.toString());
		ConjugateGradientTest.assertNames("steps", () -> d.withSteps(0));
		ConjugateGradientTest.assertNames("steps", () -> d.withSteps(1001));
		ConjugateGradientTest.assertNames("lambda", () -> d.withLambda(-1));
		ConjugateGradientTest.assertNames("lambda", () -> d.withLambda(Double.NaN));
		ConjugateGradientTest.assertNames("learning_rate", () -> d.withLearningRate(0));
		ConjugateGradientTest.assertNames("start_time", () -> d.withStartTime(0));
	}

	@Test
	void ddsPresetsChangeOnlyACopyAndRefuseByName() {
		for (final Task task : TaskDefaults.ddsTasks()) {
			final DdsPreset p = TaskDefaults.dds(task);
			assertEquals(task, p.task());
			assertEquals(p.steps(), p.solver().steps());
			final DdsPreset other = p.withSteps(7).withEta(0.5).withCgIterations(2).withGamma(3)
				.withStartTime(60).withInit(Optional.empty());
			assertEquals(task + ": steps=7 eta=0.5 cg_iterations=2 gamma=3.0 start_time=60 init=noise",
				other.toString());
			assertEquals(TaskDefaults.dds(task), p);
		}
		final DdsPreset ct = TaskDefaults.dds(Task.CT);
		assertEquals("ct: steps=50 eta=1.0 cg_iterations=5 gamma=1000.0 start_time=100 init=fbp", ct
			.toString());
		ConjugateGradientTest.assertNames("steps", () -> ct.withSteps(0));
		ConjugateGradientTest.assertNames("eta", () -> ct.withEta(1.5));
		ConjugateGradientTest.assertNames("eta", () -> ct.withEta(-0.1));
		ConjugateGradientTest.assertNames("cg_iterations", () -> ct.withCgIterations(-1));
		ConjugateGradientTest.assertNames("gamma", () -> ct.withGamma(-1));
		ConjugateGradientTest.assertNames("gamma", () -> ct.withGamma(Double.POSITIVE_INFINITY));
	}

	@Test
	void presetsAcceptTheirLimitsAndRefuseJustBeyond() {
		final DdsPreset ct = TaskDefaults.dds(Task.CT);
		assertEquals(1, ct.withSteps(1).steps());
		assertEquals(1000, ct.withSteps(1000).steps());
		ConjugateGradientTest.assertNames("steps", () -> ct.withSteps(1001));
		assertEquals(0, ct.withEta(0).eta());
		assertEquals(1, ct.withEta(1).eta());
		assertEquals(0, ct.withCgIterations(0).cgIterations());
		assertEquals(1000, ct.withCgIterations(1000).cgIterations());
		ConjugateGradientTest.assertNames("cg_iterations", () -> ct.withCgIterations(1001));
		assertEquals(0, ct.withGamma(0).gamma());
		ConjugateGradientTest.assertNames("gamma", () -> ct.withGamma(Double.NaN));
		assertEquals(1, ct.withStartTime(1).startTime().getAsInt());
		assertEquals(1000, ct.withStartTime(1000).startTime().getAsInt());
		ConjugateGradientTest.assertNames("start_time", () -> ct.withStartTime(0));
		ConjugateGradientTest.assertNames("start_time", () -> ct.withStartTime(1001));
		final RedDiffPreset d = TaskDefaults.redDiff(Task.DENOISING);
		assertEquals(0, d.withLambda(0).lambda());
		assertEquals(1, d.withSteps(1).steps());
		assertEquals(1000, d.withSteps(1000).steps());
		assertEquals(1, d.withStartTime(1).startTime().getAsInt());
		assertEquals(1000, d.withStartTime(1000).startTime().getAsInt());
		ConjugateGradientTest.assertNames("start_time", () -> d.withStartTime(1001));
		ConjugateGradientTest.assertNames("lambda", () -> d.withLambda(Double.POSITIVE_INFINITY));
		ConjugateGradientTest.assertNames("learning_rate", () -> d.withLearningRate(Double.NaN));
		ConjugateGradientTest.assertNames("weighting", () -> new RedDiffPreset(Task.DENOISING, 1, 0.1,
			10, java.util.OptionalInt.empty(), 0, null, Optional.empty()));
	}
}
