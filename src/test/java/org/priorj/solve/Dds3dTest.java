package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.Identity;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;

/**
 * DDS in 3-D (shared ALGORITHMS §2.2) with the exact noise predictor of an i.i.d. Gaussian prior:
 * a volume of identical slices, each seen through its own half mask. Without TV along z a missing
 * voxel is a draw from the prior; with it, its neighbours along z, which see that pixel, pull it
 * towards the truth, so the error and the z-variation fall.
 */
class Dds3dTest {

	private static final int Z = 6, H = 8, W = 8;
	private static final double M = 0.5, S = 0.2;

	/** The exact noise predictor of N(M, S^2) per voxel. */
	private static final EpsilonModel ORACLE = new EpsilonModel() {

		@Override
		public int channels() {
			return 1;
		}

		@Override
		public float[] eps(final float[] xt, final Shape nchw, final double abar) {
			final double c = abar * S * S + 1 - abar;
			final float[] e = new float[xt.length];
			for (int i = 0; i < xt.length; i++)
				e[i] = (float) (Math.sqrt(1 - abar) * (xt[i] - Math.sqrt(abar) * M) / c);
			return e;
		}
	};

	private static double[] errorAndZVariation(final double lambda) {
		final SplittableRandom r = new SplittableRandom(8);
		final float[] slice = new float[H * W];
		for (int i = 0; i < slice.length; i++) slice[i] = (float) (M + S * r.nextGaussian());
		final float[] truth = new float[Z * H * W];
		final List<LinearOperator> ops = new ArrayList<>();
		for (int z = 0; z < Z; z++) {
			System.arraycopy(slice, 0, truth, z * H * W, H * W);
			final float[] mask = new float[H * W];
			for (int i = 0; i < mask.length; i++) mask[i] = r.nextDouble() < 0.5 ? 1 : 0;
			ops.add(new MaskOperator(H, W, mask));
		}
		final SliceWiseOperator a = SliceWiseOperator.of(ops);
		final float[] y = a.apply(truth);
		final Result res = new Dds(DiffusionSchedule.linear()).withSteps(30).withSeed(2).solveVolume(a,
			y, null, ORACLE, lambda, 1, 4, Progress.NONE);
		final float[] x = res.estimate();
		double err = 0, dz = 0;
		for (int i = 0; i < x.length; i++) {
			err += Math.pow(x[i] - truth[i], 2);
			dz += Math.abs(x[(i + H * W) % x.length] - x[i]);
		}
		assertEquals("dds-3d", res.method());
		assertEquals(Double.toString(lambda), res.parameters().get("lambda"));
		return new double[] { Math.sqrt(err / x.length), dz / x.length };
	}

	/**
	 * The slab loop is DDS's whole-array loop with one ADMM-TV_z iteration ({@link Admm} and the
	 * periodic z difference) as its data step: same noise, same Tweedie estimates, same re-noising,
	 * from a start image, with batches that split the volume unevenly.
	 */
	@Test
	void theSlabLoopIsTheWholeArrayLoopWithAnAdmmStep() {
		final SplittableRandom r = new SplittableRandom(4);
		final List<LinearOperator> ops = new ArrayList<>();
		for (int z = 0; z < Z - 1; z++) {
			final float[] mask = new float[H * W];
			for (int i = 0; i < mask.length; i++) mask[i] = r.nextDouble() < 0.5 ? 1 : 0;
			ops.add(new MaskOperator(H, W, mask));
		}
		final SliceWiseOperator a = SliceWiseOperator.of(ops);
		final float[] truth = new float[a.domain().size()], init = new float[truth.length];
		for (int i = 0; i < truth.length; i++) {
			truth[i] = (float) (M + S * r.nextGaussian());
			init[i] = (float) (M + S * r.nextGaussian());
		}
		final float[] y = a.apply(truth);
		final double lambda = 0.05, rho = 0.7;
		final Dds dds = new Dds(DiffusionSchedule.linear()).withSteps(6).withSeed(9).withEta(0.7)
			.withStartTime(400).withCgIterations(3);
		final Shape nchw = Shape.of(Z - 1, 1, H, W);
		final Result slabs = dds.solveVolume(a, y, init, ORACLE, nchw, lambda, rho, 2, true,
			org.priorj.base.SliceStore.Factory.HEAP, Progress.NONE);
		final Admm admm = new Admm(a, y, new AxisDifference(a.domain(), true), Prox.l1(lambda), rho, 3);
		final Result whole = dds.run(a.domain(), init, ORACLE, nchw, admm::step, Progress.NONE);
		assertEquals(6, slabs.iterations());
		for (int i = 0; i < truth.length; i++)
			assertEquals(whole.estimate()[i], slabs.estimate()[i], 1e-4, "voxel " + i);
		assertEquals("heap", slabs.parameters().get("volumes"));
		assertEquals("periodic", slabs.parameters().get("z_boundary"));
	}

	@Test
	void tvAlongZPullsMissingVoxelsTowardsTheirNeighboursObservations() {
		final double[] none = errorAndZVariation(0), tv = errorAndZVariation(0.05);
		assertTrue(tv[0] < 0.6 * none[0], "rms error " + tv[0] + " with TV_z, " + none[0] + " without");
		assertTrue(tv[1] < 0.5 * none[1], "z-variation " + tv[1] + " with TV_z, " + none[1] +
			" without");
	}

	@Test
	void thePriorSeesAtMostABatchOfSlicesAndAnswersAsForTheWholeVolume() {
		final List<Integer> sizes = new ArrayList<>();
		final EpsilonModel counting = new EpsilonModel() {

			@Override
			public int channels() {
				return 1;
			}

			@Override
			public float[] eps(final float[] xt, final Shape nchw, final double abar) {
				sizes.add(nchw.dim(0));
				return ORACLE.eps(xt, nchw, abar);
			}
		};
		final float[] x = new float[5 * 2 * 3];
		for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i);
		final Shape five = Shape.of(5, 1, 2, 3);
		final float[] batched = new SliceBatches(counting, 2).eps(x, five, 0.4);
		assertEquals(List.of(2, 2, 1), sizes);
		final float[] whole = ORACLE.eps(x, five, 0.4);
		for (int i = 0; i < x.length; i++) assertEquals(whole[i], batched[i]);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new SliceBatches(ORACLE, 0))
			.getMessage().contains("'batch'"));
	}

	@Test
	void refusesAnImageWhereAVolumeIsNeededAndANegativeWeight() {
		final Dds dds = new Dds(DiffusionSchedule.linear()).withSteps(2);
		final SliceWiseOperator image = SliceWiseOperator.repeat(new Identity(Shape.of(8)), 8);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> dds.solveVolume(image,
			new float[64], null, ORACLE, 0.1, 1, 2, Progress.NONE)).getMessage().contains("for one image"));
		final SliceWiseOperator volume = SliceWiseOperator.repeat(new Identity(Shape.of(4, 4)), 2);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> dds.solveVolume(volume,
			new float[32], null, ORACLE, -0.1, 1, 2, Progress.NONE)).getMessage().contains("'lambda'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> dds.solveVolume(volume,
			new float[32], null, ORACLE, 0.1, 0, 2, Progress.NONE)).getMessage().contains("'rho'"));
	}
}
