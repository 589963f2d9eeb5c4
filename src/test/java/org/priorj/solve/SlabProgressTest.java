package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.Identity;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;

/**
 * Both volume loops report each batch of slices as it goes to the network, and Esc stops them after
 * the step they are in, with the current volume.
 */
class SlabProgressTest {

	private static final int Z = 5, H = 4, W = 4;

	/** Records what a user would see; asks to stop once {@code stopAfter} reports came. */
	private static final class Recording implements Progress {

		final List<String> tasks = new ArrayList<>();
		final List<int[]> counts = new ArrayList<>();
		final int stopAfter;

		Recording(final int stopAfter) {
			this.stopAfter = stopAfter;
		}

		@Override
		public void report(final String task, final int done, final int total) {
			tasks.add(task);
			counts.add(new int[] { done, total });
		}

		@Override
		public boolean isCancelled() {
			return tasks.size() >= stopAfter;
		}
	}

	private static final EpsilonModel ZERO = new EpsilonModel() {

		@Override
		public int channels() {
			return 1;
		}

		@Override
		public float[] eps(final float[] xt, final Shape nchw, final double abar) {
			return new float[xt.length];
		}
	};

	private static final SliceWiseOperator A = SliceWiseOperator.repeat(new Identity(Shape.of(H,
		W)), Z);

	@Test
	void ddsThreeDReportsEachSlabOfEachStep() {
		final Recording r = new Recording(Integer.MAX_VALUE);
		final Result res = new Dds(DiffusionSchedule.linear()).withSteps(4).solveVolume(A, new float[A
			.range().size()], null, ZERO, 0.1, 1, 2, r);
		assertEquals(12, r.tasks.size(), r.tasks.toString());
		assertEquals("DDS-3D step 1/4, slices 1–2 of 5", r.tasks.get(0));
		assertEquals("DDS-3D step 1/4, slices 5–5 of 5", r.tasks.get(2));
		assertEquals("DDS-3D step 4/4, slices 3–4 of 5", r.tasks.get(10));
		for (int i = 0; i < 12; i++) {
			assertEquals(i + 1, r.counts.get(i)[0]);
			assertEquals(12, r.counts.get(i)[1]);
		}
		assertEquals(4, res.iterations());
	}

	@Test
	void diffusionMbirReportsEachSlabAndStopsAfterTheStepItIsIn() {
		final VePredictorCorrector sampler = new VePredictorCorrector(new VeSchedule(0.01, 1, 6), 0.16);
		final VePredictorCorrector.Score score = (x, nchw, sigma) -> {
			final float[] s = new float[x.length];
			for (int i = 0; i < s.length; i++) s[i] = (float) (-x[i] / (1 + sigma * sigma));
			return s;
		};
		final Recording all = new Recording(Integer.MAX_VALUE);
		new DiffusionMbir(sampler, 0.1, 1, 2, 3, false, 1).solve(A, new float[A.range().size()], null,
			Shape.of(Z, 1, H, W), true, score, all);
		assertEquals(12, all.tasks.size(), all.tasks.toString());
		assertEquals("DiffusionMBIR step 1/6, slices 1–3 of 5", all.tasks.get(0));
		assertEquals("DiffusionMBIR step 6/6, slices 4–5 of 5", all.tasks.get(11));
		assertEquals(12, all.counts.get(11)[0]);
		assertEquals(12, all.counts.get(11)[1]);
		final Recording stop = new Recording(3);
		final Result r = new DiffusionMbir(sampler, 0.1, 1, 2, 3, false, 1).solve(A, new float[A
			.range().size()], null, Shape.of(Z, 1, H, W), true, score, stop);
		assertTrue(r.cancelled());
		assertEquals(2, r.iterations(), "the step in progress ends, the next does not start");
		assertEquals(Z * H * W, r.estimate().length);
	}

	@Test
	void complexSlicesCountAsOneSliceOfTwoPlanes() {
		final Recording r = new Recording(Integer.MAX_VALUE);
		final SlabProgress p = new SlabProgress(r, "X", 1, 6, 2, 4);
		p.slab(0, 4);
		p.slab(4, 2);
		assertEquals(List.of("X step 1/1, slices 1–2 of 3", "X step 1/1, slices 3–3 of 3"), r.tasks);
		p.report("ignored", 1, 1);
		assertEquals(2, r.tasks.size());
	}
}
