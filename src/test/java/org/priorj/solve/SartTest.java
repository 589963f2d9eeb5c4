package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.solve.ConjugateGradientTest.assertNames;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.image.phantom.RandomEllipses;
import org.priorj.metrics.Psnr;
import org.priorj.physics.Blur;
import org.priorj.physics.Boundary;
import org.priorj.physics.Kernel;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.physics.ct.ParallelBeamProjector;

class SartTest {

	private static final float[] PHANTOM = EllipsePhantom.sheppLogan(64, true);
	private static final ParallelBeamProjector SIXTY = ParallelBeamProjector.of(64, 64,
		ParallelBeamProjector.halfTurn(60));

	@Test
	void beatsSirtWithTheSameNumberOfSweeps() {
		final float[] y = SIXTY.apply(PHANTOM);
		final Result sart = Sart.solve(SIXTY, y, 10, Progress.NONE);
		final double ours = Psnr.compute(PHANTOM, sart.estimate(), 1);
		final double sirt = Psnr.compute(PHANTOM, Sirt.solve(SIXTY, y, 10, Progress.NONE)
			.estimate(), 1);
		assertTrue(ours > 23 && ours > sirt + 6, "SART " + ours + " dB, SIRT " + sirt + " dB");
		assertEquals("sart", sart.method());
		assertEquals(10, sart.iterations());
		assertFalse(sart.cancelled() || sart.converged());
		assertEquals("1", sart.parameters().get("angles_per_subset"));
		assertEquals("1.0", sart.parameters().get("relaxation"));
		assertEquals("false", sart.parameters().get("nonnegative"));
		assertEquals("10", sart.parameters().get("iterations"));
		final double[] h = sart.history();
		assertEquals(10, h.length);
		for (int k = 1; k < h.length; k++) assertTrue(h[k] < h[k - 1], "sweep " + k);
		// the first sweep starts from zeros: its first subset sees all of y's rows it covers
		assertTrue(h[0] < Math.sqrt(dot(y, y)), "some subsets see a corrected estimate");
	}

	@Test
	void moreSubsetsGainMorePerSweep() {
		final float[] y = SIXTY.apply(PHANTOM);
		double before = Double.NEGATIVE_INFINITY;
		for (final int perSubset : new int[] { 60, 15, 4, 1 }) {
			final double psnr = Psnr.compute(PHANTOM, Sart.solve(SIXTY, y, null, perSubset, 1, false, 3,
				Progress.NONE).estimate(), 1);
			assertTrue(psnr > before + 1, perSubset + " angles per subset: " + psnr + " dB");
			before = psnr;
		}
	}

	@Test
	void oneSubsetOfAllAnglesIsSirt() {
		final float[] y = SIXTY.apply(PHANTOM);
		final Result sart = Sart.solve(SIXTY, y, null, 60, 0.7, false, 5, Progress.NONE);
		final Result sirt = Sirt.solve(SIXTY, y, null, 0.7, false, 5, 0, Progress.NONE);
		assertArrayEquals(sirt.estimate(), sart.estimate(), 1e-5f);
		// SART's history is the residual each sweep starts from, SIRT's the one each step ends with
		assertEquals(Math.sqrt(dot(y, y)), sart.history()[0], 1e-3);
		for (int k = 1; k < 5; k++) assertEquals(sirt.history()[k - 1], sart.history()[k], 1e-4 * sirt
			.history()[k - 1], "sweep " + k);
		// more angles per subset than there are angles is the same one subset
		assertArrayEquals(sart.estimate(), Sart.solve(SIXTY, y, null, 1000, 0.7, false, 5,
			Progress.NONE).estimate());
	}

	@Test
	void exactDataOfAConsistentSystemAreFitted() {
		// 16x16 unknowns, 32 angles of 16 bins (512 equations, y in the range); the detector is
		// narrower than the image's diagonal, so pixels near the corners are seen whole at some
		// angles and in part at others: with each subset's own column sums the sweeps drift away
		// there after about 150 sweeps, with the common pixel weight they keep converging
		final ParallelBeamProjector a = ParallelBeamProjector.of(16, 16, ParallelBeamProjector
			.halfTurn(32));
		final float[] truth = RandomEllipses.image(16, 3);
		final float[] y = a.apply(truth);
		final Result r = Sart.solve(a, y, null, 1, 1, false, 400, Progress.NONE);
		final double[] h = r.history();
		assertTrue(h[399] < h[199] / 1.2 && h[199] < h[99] / 1.2 && h[99] < 0.01 * h[0],
			"residual " + h[0] + ", " + h[99] + ", " + h[199] + ", " + h[399]);
		final float[] ax = a.apply(r.estimate());
		double misfit = 0;
		for (int i = 0; i < y.length; i++) misfit += (y[i] - ax[i]) * (y[i] - ax[i]);
		assertTrue(Math.sqrt(misfit) < 0.005 * h[0], "final residual " + Math.sqrt(misfit));
	}

	@Test
	void nonNegativityClipsEveryIterate() {
		final ParallelBeamProjector a = ParallelBeamProjector.of(32, 32, ParallelBeamProjector
			.halfTurn(8));
		final float[] y = a.apply(EllipsePhantom.sheppLogan(32, true));
		float clipped = Float.MAX_VALUE, free = Float.MAX_VALUE;
		for (final float v : Sart.solve(a, y, null, 1, 1, true, 5, Progress.NONE).estimate())
			clipped = Math.min(clipped, v);
		for (final float v : Sart.solve(a, y, null, 1, 1, false, 5, Progress.NONE).estimate())
			free = Math.min(free, v);
		assertEquals(0, clipped);
		assertTrue(free < 0, "without clipping the sparse-view solution has negative pixels");
		// a negative start is clipped before the first update too
		final float[] negative = new float[32 * 32];
		java.util.Arrays.fill(negative, -5);
		for (final float v : Sart.solve(a, new float[8 * 32], negative, 1, 1, true, 1, Progress.NONE)
			.estimate()) assertEquals(0, v);
	}

	@Test
	void cancelledRunReturnsTheThirdSweep() {
		final float[] y = SIXTY.apply(PHANTOM);
		final List<Integer> reports = new ArrayList<>();
		final Result r = Sart.solve(SIXTY, y, 50, IterationsTest.cancelAfter(3, reports));
		assertTrue(r.cancelled());
		assertEquals(3, r.iterations());
		assertEquals(3, r.history().length);
		assertArrayEquals(Sart.solve(SIXTY, y, 3, Progress.NONE).estimate(), r.estimate());
	}

	@Test
	void neitherDataNorStartAreModified() {
		final float[] y = SIXTY.apply(PHANTOM);
		final float[] x0 = PHANTOM.clone();
		for (int i = 0; i < x0.length; i++) x0[i] -= 0.5f;
		final float[] yCopy = y.clone(), x0Copy = x0.clone();
		final Result r = Sart.solve(SIXTY, y, x0, 2, 1, true, 2, Progress.NONE);
		assertArrayEquals(yCopy, y);
		assertArrayEquals(x0Copy, x0);
		assertTrue(r.estimate() != x0);
		// a start is where the sweeps begin: from the truth, the first sweep sees no residual
		assertEquals(0, Sart.solve(SIXTY, y, PHANTOM, 1, 1, false, 1, Progress.NONE).history()[0],
			1e-3);
	}

	@Test
	void aStackIsReconstructedSliceBySliceWithEachSlicesProjector() {
		final ParallelBeamProjector p0 = ParallelBeamProjector.of(32, 32, ParallelBeamProjector
			.halfTurn(12));
		final ParallelBeamProjector p1 = ParallelBeamProjector.of(32, 32, 0, 20, 50, 77, 101, 140, 170,
			10, 30, 60, 95, 120);
		final float[] s0 = EllipsePhantom.sheppLogan(32, true), s1 = RandomEllipses.image(32, 7);
		final float[] y0 = p0.apply(s0), y1 = p1.apply(s1);
		final SliceWiseOperator stack = SliceWiseOperator.of(List.of(p0, p1, p0));
		final float[] y = concat(y0, y1, y1);
		final Result r = Sart.solve(stack, y, null, 2, 1, false, 4, Progress.NONE);
		final Result r0 = Sart.solve(p0, y0, null, 2, 1, false, 4, Progress.NONE);
		final Result r1 = Sart.solve(p1, y1, null, 2, 1, false, 4, Progress.NONE);
		final Result r2 = Sart.solve(p0, y1, null, 2, 1, false, 4, Progress.NONE);
		assertEquals(stack.domain(), r.shape());
		assertArrayEquals(concat(r0.estimate(), r1.estimate(), r2.estimate()), r.estimate());
		for (int k = 0; k < 4; k++) assertEquals(Math.sqrt(sq(r0.history()[k]) + sq(r1.history()[k]) +
			sq(r2.history()[k])), r.history()[k], 1e-9 * r.history()[k], "sweep " + k);
	}

	@Test
	void refusesBadInput() {
		final float[] y = new float[SIXTY.range().size()];
		for (final double bad : new double[] { 0, 2, -0.5, 2.5, Double.NaN })
			assertNames("relaxation", () -> Sart.solve(SIXTY, y, null, 1, bad, false, 10,
				Progress.NONE));
		assertNames("angles_per_subset", () -> Sart.solve(SIXTY, y, null, 0, 1, false, 10,
			Progress.NONE));
		assertNames("iterations", () -> Sart.solve(SIXTY, y, 0, Progress.NONE));
		assertNames("measurement", () -> Sart.solve(SIXTY, new float[y.length - 1], 10,
			Progress.NONE));
		final float[] nan = y.clone();
		nan[5] = Float.NaN;
		assertNames("measurement", () -> Sart.solve(SIXTY, nan, 10, Progress.NONE));
		assertNames("start", () -> Sart.solve(SIXTY, y, new float[5], 1, 1, false, 10,
			Progress.NONE));
		final Blur blur = new Blur(16, 16, Kernel.gaussian(1), Boundary.REFLECT);
		assertNames("operator", () -> Sart.solve(blur, new float[256], 10, Progress.NONE));
		// a stack whose second slice is no projector (both map 64x64 to 64x64)
		final SliceWiseOperator mixed = SliceWiseOperator.of(List.of(ParallelBeamProjector.of(64, 64,
			ParallelBeamProjector.halfTurn(64)), new Blur(64, 64, Kernel.gaussian(1),
				Boundary.REFLECT)));
		assertNames("operator", () -> Sart.solve(mixed, new float[2 * 64 * 64], 10, Progress.NONE));
		assertNames("operator", () -> Sart.solve(DenseOperator.random(30, Shape.of(12), 0, 1),
			new float[30], 10, Progress.NONE));
	}

	private static float[] concat(final float[]... parts) {
		int n = 0;
		for (final float[] p : parts) n += p.length;
		final float[] all = new float[n];
		int at = 0;
		for (final float[] p : parts) {
			System.arraycopy(p, 0, all, at, p.length);
			at += p.length;
		}
		return all;
	}

	private static double dot(final float[] a, final float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
		return s;
	}

	private static double sq(final double v) {
		return v * v;
	}
}
