package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.priorj.base.Progress;
import org.priorj.physics.Identity;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.SliceWiseOperator;

/**
 * DiffusionMBIR's loop against shared ALGORITHMS §7.3.5–7.3.6, with the exact score of an i.i.d.
 * Gaussian prior N(m, s^2) per pixel and a masked volume, noiseless: one CG step of the data
 * consistency replaces the observed pixels exactly, so they end equal to y (without the final
 * Kaczmarz step, which would hide a broken one) and the missing ones are drawn from the prior
 * alone, N(m, s^2 + sigma_min^2), whatever the observed values.
 */
class DiffusionMbirTest {

	private static final double M = 0.3, S = 0.1;
	private static final int Z = 8, H = 16, W = 16;

	private static final VePredictorCorrector.Score ORACLE = (x, nchw, sigma) -> {
		final float[] s = new float[x.length];
		for (int i = 0; i < s.length; i++) s[i] = (float) (-(x[i] - M) / (S * S + sigma * sigma));
		return s;
	};

	private static LinearOperator maskedVolume(final float[][] masks) {
		final List<LinearOperator> slices = new ArrayList<>();
		final SplittableRandom r = new SplittableRandom(5);
		for (int z = 0; z < Z; z++) {
			masks[z] = new float[H * W];
			for (int i = 0; i < H * W; i++) masks[z][i] = r.nextDouble() < 0.5 ? 1 : 0;
			slices.add(new MaskOperator(H, W, masks[z]));
		}
		return SliceWiseOperator.of(slices);
	}

	@Test
	void observedPixelsEndAtTheDataAndMissingOnesFollowThePriorAlone() {
		final float[][] masks = new float[Z][];
		final LinearOperator a = maskedVolume(masks);
		final float[] y = new float[a.range().size()];
		java.util.Arrays.fill(y, 0.9f); // far from the prior's mean: any leak would show
		final float[] y0 = y.clone();
		final Result r = new DiffusionMbir(new VePredictorCorrector(VeSchedule.diffusionMbir(),
			VePredictorCorrector.SNR), 0, 0, 1, 3, false, 11).solve(a, y, ORACLE, Progress.NONE);
		final float[] seen = a.apply(r.estimate());
		final float[] x = r.estimate();
		double mean = 0, m2 = 0;
		int missing = 0;
		for (int z = 0; z < Z; z++)
			for (int i = 0; i < H * W; i++) if (masks[z][i] == 0) {
				mean += x[z * H * W + i];
				missing++;
			}
		mean /= missing;
		for (int z = 0; z < Z; z++)
			for (int i = 0; i < H * W; i++) if (masks[z][i] == 0) m2 += Math.pow(x[z * H * W + i] - mean,
				2) / (missing - 1);
		final float[] want = a.apply(a.adjoint(y));
		for (int i = 0; i < seen.length; i++) assertEquals(want[i], seen[i], 1e-6, "observed " + i);
		assertEquals(M, mean, 4 * S / Math.sqrt(missing), missing + " missing pixels");
		final double variance = S * S + 1e-4;
		assertEquals(variance, m2, 0.2 * variance);
		assertEquals(0, java.util.Arrays.compare(y0, y), "the data are not modified");
		assertEquals("2000", r.parameters().get("steps"));
	}

	@Test
	void theKaczmarzStepPutsTheObservedPixelsOnTheDataAndLeavesTheRest() {
		final float[][] masks = new float[Z][];
		final LinearOperator a = maskedVolume(masks);
		final float[] x = new float[a.domain().size()], y = new float[a.range().size()];
		for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i);
		for (int i = 0; i < y.length; i++) y[i] = (float) Math.cos(i);
		final float[] before = x.clone();
		DiffusionMbir.kaczmarz(a, y, x);
		final float[] seen = a.apply(x), want = a.apply(a.adjoint(y));
		for (int i = 0; i < y.length; i++) assertEquals(want[i], seen[i], 1e-6);
		for (int z = 0; z < Z; z++)
			for (int i = 0; i < H * W; i++) if (masks[z][i] == 0) assertEquals(before[z * H * W + i], x[z *
				H * W + i], "unseen pixel " + z + "," + i);
		// a run with it ends on the data even after a few steps, whose data step cannot have converged
		final Result r = new DiffusionMbir(new VePredictorCorrector(new VeSchedule(0.01, 10, 4), 0.16),
			0.1, 1, 1, 4, true, 2).solve(a, y, ORACLE, Progress.NONE);
		final float[] end = a.apply(r.estimate());
		for (int i = 0; i < y.length; i++) assertEquals(want[i], end[i], 1e-5, "observed " + i);
	}

	@Test
	void refusesAnImageWhereAVolumeIsNeededAndBadWeights() {
		final VePredictorCorrector pc = new VePredictorCorrector(new VeSchedule(0.01, 10, 5), 0.16);
		final LinearOperator image = new Identity(org.priorj.base.Shape.of(8, 8));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiffusionMbir(pc, 0, 1, 1, 2,
			true, 1).solve(image, new float[64], ORACLE, Progress.NONE)).getMessage().contains(
				"2-D solvers"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiffusionMbir(pc, -1, 1, 1, 2,
			true, 1)).getMessage().contains("'lambda'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiffusionMbir(pc, 0, Double.NaN,
			1, 2, true, 1)).getMessage().contains("'rho'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiffusionMbir(pc, 0, 1, 1, 0,
			true, 1)).getMessage().contains("'batch'"));
	}

	@Test
	void theChainStartsFromTheInitAndTheKaczmarzStepRunsWhenAsked() {
		final float[] mask = new float[H * W];
		for (int i = 0; i < mask.length; i += 2) mask[i] = 1;
		final LinearOperator a = SliceWiseOperator.repeat(new MaskOperator(H, W, mask), 2);
		final org.priorj.base.Shape nchw = org.priorj.base.Shape.of(2, 1, H, W);
		final float[] y = new float[a.range().size()], init = new float[2 * H * W];
		java.util.Arrays.fill(y, 0.2f);
		java.util.Arrays.fill(init, 0.7f);
		final VePredictorCorrector still = new VePredictorCorrector(new VeSchedule(1e-5, 2e-5, 2),
			VePredictorCorrector.SNR);
		final VePredictorCorrector.Score none = (x, shape, sigma) -> new float[x.length];
		for (final boolean kaczmarz : new boolean[] { false, true }) {
			final float[] x = new DiffusionMbir(still, 0, 0, 1, 2, kaczmarz, 3).solve(a, y, init, nchw,
				true, none, Progress.NONE).estimate();
			for (int i = 1; i < x.length; i += 2) assertEquals(0.7, x[i], 1e-3, "unobserved: the init");
			for (int i = 0; i < x.length; i += 2) assertEquals(0.2, x[i], 1e-3, "observed: the data");
		}
		final DiffusionMbir d = new DiffusionMbir(still, 0, 0, 1, 2, false, 3);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> d.solve(a, y, new float[3], nchw,
			true, none, Progress.NONE)).getMessage().contains("'init'"));
		final float[] nan = init.clone();
		nan[5] = Float.NaN;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> d.solve(a, y, nan, nchw, true,
			none, Progress.NONE)).getMessage().contains("'init'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> d.solve(a, y, init, null, true,
			none, Progress.NONE)).getMessage().contains("'shape'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> d.solve(a, y, init, org.priorj
			.base.Shape.of(1, 1, H, W), true, none, Progress.NONE)).getMessage().contains("'shape'"));
		final LinearOperator image = new MaskOperator(H, W, mask);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> d.solve(image, new float[H * W],
			null, org.priorj.base.Shape.of(1, 1, H, W), true, none, Progress.NONE)).getMessage().contains(
				"'operator'"));
	}
}
