package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.priorj.base.HeapSlices;
import org.priorj.base.MappedSlices;
import org.priorj.base.SliceStore;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.SliceWiseOperator;

/**
 * The slice-by-slice ADMM-TV_z is the same iteration as {@link Admm} with the difference along z
 * on whole arrays: same x and residual after several steps (the split variable and dual carried
 * between them), for both z boundaries, a conjugate gradient past its residual refresh, and with its
 * volumes on the heap or in scratch files.
 */
class SliceAdmmTvZTest {

	private static final int Z = 5, H = 6, W = 7;

	@TempDir
	Path folder;

	private static SliceWiseOperator masks(final SplittableRandom r) {
		final List<LinearOperator> ops = new ArrayList<>();
		for (int z = 0; z < Z; z++) {
			final float[] mask = new float[H * W];
			for (int i = 0; i < mask.length; i++) mask[i] = r.nextDouble() < 0.6 ? 1 : 0;
			ops.add(new MaskOperator(H, W, mask));
		}
		return SliceWiseOperator.of(ops);
	}

	private static float[] random(final SplittableRandom r, final int n) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
		return v;
	}

	private void sameAsAdmm(final boolean periodic, final int cg, final SliceStore.Factory stores) {
		final SplittableRandom r = new SplittableRandom(periodic ? 3 : 4);
		final SliceWiseOperator a = masks(r);
		final float[] y = random(r, a.range().size()), x0 = random(r, a.domain().size());
		final double lambda = 0.3, rho = 0.8;
		final Admm whole = new Admm(a, y, new AxisDifference(a.domain(), periodic), Prox.l1(lambda),
			rho, cg);
		final float[] x = x0.clone();
		try (SliceAdmmTvZ sliced = new SliceAdmmTvZ(a, y, lambda, rho, cg, periodic, stores);
			SliceStore xs = stores.create(Z, H * W))
		{
			for (int z = 0; z < Z; z++) xs.write(z, x0, z * H * W);
			for (int step = 0; step < 3; step++) {
				final double expected = whole.step(x), got = sliced.step(xs);
				assertEquals(expected, got, 1e-4 * (1 + expected), "residual of step " + step);
				final float[] xv = xs.toArray();
				for (int i = 0; i < x.length; i++)
					assertEquals(x[i], xv[i], 2e-4 * (1 + Math.abs(x[i])), "voxel " + i + " of step " + step);
			}
		}
	}

	@Test
	void periodicIsAdmmWithTheWrappedDifference() {
		sameAsAdmm(true, 5, SliceStore.Factory.HEAP);
	}

	@Test
	void neumannIsAdmmWithNoDifferencePastTheLastSlice() {
		sameAsAdmm(false, 5, SliceStore.Factory.HEAP);
	}

	@Test
	void aLongConjugateGradientRefreshesItsResidualAsTheWholeOneDoes() {
		sameAsAdmm(true, ConjugateGradient.REFRESH + 3, SliceStore.Factory.HEAP);
	}

	@Test
	void scratchFilesGiveTheHeapsAnswer() {
		sameAsAdmm(true, 4, MappedSlices.in(folder));
	}

	@Test
	void anExactStartStopsTheConjugateGradientAndKeepsX() {
		// A = I, y = x, z = u = 0 and lambda large: x already solves the x update only if D x = 0
		final SliceWiseOperator a = SliceWiseOperator.repeat(new org.priorj.physics.Identity(
			org.priorj.base.Shape.of(2, 2)), 3);
		final float[] x = new float[12];
		java.util.Arrays.fill(x, 0.5f);
		try (SliceAdmmTvZ admm = new SliceAdmmTvZ(a, x.clone(), 10, 1, 5, true,
			SliceStore.Factory.HEAP))
		{
			final HeapSlices xs = new HeapSlices(x, 3);
			assertEquals(0, admm.step(xs), 1e-12);
			for (final float v : x) assertEquals(0.5f, v);
		}
	}

	@Test
	void refusesANegativeWeightAndAVolumeOfAnotherSize() {
		final SliceWiseOperator a = masks(new SplittableRandom(1));
		final float[] y = new float[a.range().size()];
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new SliceAdmmTvZ(a, y, -1, 1, 2,
			true, SliceStore.Factory.HEAP)).getMessage().contains("'lambda'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new SliceAdmmTvZ(a, y, 1, 0, 2,
			true, SliceStore.Factory.HEAP)).getMessage().contains("'rho'"));
		try (SliceAdmmTvZ admm = new SliceAdmmTvZ(a, y, 1, 1, 2, true, SliceStore.Factory.HEAP)) {
			assertTrue(assertThrows(IllegalArgumentException.class, () -> admm.step(new HeapSlices(Z - 1,
				H * W))).getMessage().contains("'x'"));
		}
	}
}
