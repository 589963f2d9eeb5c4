package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.priorj.base.Progress;
import org.priorj.metrics.Psnr;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.physics.ct.AngleSchedule;
import org.priorj.physics.ct.DynamicProjector;

class RedPsmTest {

	/** A series of exactly rank 2: a disk and a small disk whose weight follows a spline of 6 nodes. */
	static float[] lowRankSeries(final int n, final int frames, final int nodes) {
		final float[] big = new float[n * n], small = new float[n * n];
		final double c = (n - 1) / 2.0;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				if ((x - c) * (x - c) + (y - c) * (y - c) <= 0.3 * n * n * 0.3) big[y * n + x] = 1;
				if ((x - c - 4) * (x - c - 4) + (y - c + 3) * (y - c + 3) <= 16) small[y * n + x] = 0.5f;
			}
		final float[] z = new float[nodes];
		for (int j = 0; j < nodes; j++) z[j] = (float) Math.sin(2.5 * j);
		final float[] psi = new float[frames];
		new TemporalSpline(nodes, frames).apply(z, 1, psi);
		final float[] f = new float[frames * n * n];
		for (int t = 0; t < frames; t++)
			for (int i = 0; i < n * n; i++) f[t * n * n + i] = big[i] + psi[t] * small[i];
		return f;
	}

	/**
	 * §7.4.6: exactly low-rank truth, psi in the spline's span, noiseless data, lambda = 0: two views
	 * per frame (4096 data for 2 x 804 map values in the field of view). With one view per frame
	 * (2048 data) the data misfit falls as far but the series reached only 31 dB in the same 200
	 * iterations: the maps are barely determined and Adam moves slowly along them.
	 */
	@Test
	void recoversAnExactlyLowRankSeriesFromOneViewPerFrame() {
		final int n = 32, p = 64;
		final float[] truth = lowRankSeries(n, p, 6);
		final DynamicProjector a = DynamicProjector.of(n, n, AngleSchedule.bitReversal(p, 2));
		final Problem problem = Problems.of(Task.DYNAMIC_CT, a, a.apply(truth), "rank 2");
		final RedPsmPreset preset = new RedPsmPreset(1, 6, 0, 0.01, 0.05, 200, 25, 5e-3, PsmStart.FIT);
		final RedPsm.Outcome o = RedPsm.reconstruct(problem, null, preset, Progress.NONE);
		final double psnr = Psnr.compute(truth, o.result().estimate(), 1);
		assertTrue(psnr > 40, "PSNR " + psnr);
	}

	/**
	 * §7.4.4 through the loop: with a linear symmetric denoiser W (a Wiener filter, norm below 1), a
	 * full-rank model (K + 1 = P = d: the spline is the identity) without clip or mask, RED-PSM's fixed
	 * point is the minimiser of 1/2 ||A f - g||^2 + lambda/2 f^T (I - W) f, that is
	 * (A^T A + lambda (I - W))^-1 A^T g; the run ends there with F = f.
	 */
	@Test
	void withALinearDenoiserTheLoopEndsAtTheClosedFormRedSolution() {
		final int p = 4, h = 4, w = 6, n = h * w;
		final DenseOperator a = DenseOperator.random(40, org.priorj.base.Shape.of(p, h, w), -0.5, 21);
		final float[] g = DenseOperator.randomVector(40, 22);
		final org.priorj.prior.Denoiser wiener = org.priorj.prior.StationaryGaussianDenoiser.ofSpectrum(1,
			0, h, w, StationaryOracle.spectrum(h, w), -100, 100);
		final double sigma = 0.3, lambda = 0.5, beta = 2;
		final org.apache.commons.math3.linear.RealMatrix big = DenseOperator.identity(p * n);
		for (int j = 0; j < n; j++) {
			final float[] e = new float[n];
			e[j] = 1;
			final float[] col = wiener.denoise(e, org.priorj.base.Shape.of(1, 1, h, w), sigma);
			for (int t = 0; t < p; t++)
				for (int i = 0; i < n; i++) big.addToEntry(t * n + i, t * n + j, -col[i]);
		}
		final double[] want = a.solveNormal(big, lambda, a.adjointDouble(g));
		final PartiallySeparableModel model = new PartiallySeparableModel(new TemporalSpline(p, p),
			new float[p * n], PsmStart.cosineLatent(p, p), null, false);
		// weights relative to ||A||^2, here taken as 4
		final RedPsmPreset preset = new RedPsmPreset(p - 1, p, lambda / 4, beta / 4, sigma / 200, 600, 25,
			1e-3, PsmStart.PLAIN);
		final RedPsm.Outcome o = RedPsm.solve(a, g, model, wiener, org.priorj.base.Shape.of(p, 1, h, w),
			preset, 4, Progress.NONE);
		final float[] f = o.result().estimate();
		double err = 0, norm = 0;
		for (int i = 0; i < want.length; i++) {
			err += (f[i] - want[i]) * (f[i] - want[i]);
			norm += want[i] * want[i];
		}
		assertTrue(Math.sqrt(err / norm) < 1e-2, "relative error " + Math.sqrt(err / norm));
		assertEquals(600, o.result().iterations());
		assertEquals("3", o.result().parameters().get("K"));
		assertEquals("squared", o.result().parameters().get("splitting_norm"));
		assertEquals(RedPsm.METHOD, o.result().method());
	}

	/** Esc after three iterations returns the third iterate; the problem's data stay as they were. */
	@Test
	void aCancelledRunReturnsItsCurrentMovieAndTheDataAreUntouched() {
		final int n = 16, p = 8;
		final float[] truth = lowRankSeries(n, p, 4);
		final DynamicProjector a = DynamicProjector.of(n, n, AngleSchedule.bitReversal(p, 2));
		final float[] data = a.apply(truth);
		final float[] before = data.clone();
		final Problem problem = Problems.of(Task.DYNAMIC_CT, a, data, "rank 2");
		final int[] done = { 0 };
		final Progress esc = new Progress() {

			@Override
			public void report(final String task, final int k, final int total) {
				if (RedPsm.METHOD.equals(task)) done[0] = k;
			}

			@Override
			public boolean isCancelled() {
				return done[0] >= 3;
			}
		};
		final RedPsmPreset preset = new RedPsmPreset(1, 4, 0, 0.01, 0.05, 50, 5, 5e-3, PsmStart.FIT);
		final RedPsm.Outcome o = RedPsm.reconstruct(problem, null, preset, esc);
		assertTrue(o.result().cancelled());
		assertEquals(3, o.result().iterations());
		assertEquals(3, o.result().history().length);
		assertEquals(p * n * n, o.result().estimate().length);
		final float[] three = RedPsm.reconstruct(problem, null, preset.withIterations(3), Progress.NONE)
			.result().estimate();
		assertEquals(0, java.util.Arrays.compare(three, o.result().estimate()), "the third iterate");
		assertEquals(0, java.util.Arrays.compare(before, data), "the data were modified");
		assertEquals(2, o.rank());
		assertEquals(2 * p, o.temporalFunctions().length);
		assertEquals(2 * n * n, o.spatialMaps().length);
	}

	@Test
	void refusesWhatIsNotATimeSeriesAndAModelLargerThanTheSeries() {
		final DynamicProjector a = DynamicProjector.of(8, 8, AngleSchedule.bitReversal(4, 1));
		final Problem problem = Problems.of(Task.DYNAMIC_CT, a, new float[4 * 8], "zeros");
		final RedPsmPreset preset = new RedPsmPreset(4, 4, 0, 0.01, 0.05, 5, 5, 5e-3, PsmStart.FIT);
		ConjugateGradientTest.assertNames("k", () -> RedPsm.reconstruct(problem, null, preset,
			Progress.NONE));
		ConjugateGradientTest.assertNames("input", () -> RedPsm.reconstruct(problem, null, preset
			.withOrder(1), Progress.NONE));
		ConjugateGradientTest.assertNames("prior", () -> RedPsm.reconstruct(problem, null, preset
			.withOrder(1).withLambda(0.1), Progress.NONE));
		final Problem still = Problems.of(Task.CT, org.priorj.physics.ct.ParallelBeamProjector.of(8, 8,
			new double[] { 0, 90 }), new float[16], "one image");
		ConjugateGradientTest.assertNames("task", () -> RedPsm.reconstruct(still, null, preset,
			Progress.NONE));
		for (final double bad : new double[] { -1, Double.NaN }) {
			ConjugateGradientTest.assertNames("lambda", () -> preset.withLambda(bad));
			ConjugateGradientTest.assertNames("beta", () -> preset.withBeta(bad));
			ConjugateGradientTest.assertNames("sigma", () -> preset.withSigma(bad));
		}
		ConjugateGradientTest.assertNames("d", () -> preset.withNodes(3));
		ConjugateGradientTest.assertNames("iterations", () -> preset.withIterations(0));
		ConjugateGradientTest.assertNames("inner_steps", () -> preset.withInnerSteps(0));
		ConjugateGradientTest.assertNames("learning_rate", () -> preset.withLearningRate(0));
		ConjugateGradientTest.assertNames("start", () -> preset.withStart(null));
		ConjugateGradientTest.assertNames("start", () -> PsmStart.of("zero"));
		assertEquals("K=4 d=4 lambda=0.0 beta=0.01 sigma=0.05 iterations=5 inner_steps=5 " +
			"learning_rate=0.005 start=fit", preset.toString());
	}

	/**
	 * The fitted start's maps are the least-squares fit with the cosine temporal functions (before
	 * the clip): closer to the data than zero maps; the plain start's zero maps still move (the clip
	 * passes gradients at 0).
	 */
	@Test
	void theFittedStartFitsTheDataAndThePlainStartLeavesZero() {
		final int n = 16, p = 8;
		final float[] truth = lowRankSeries(n, p, 4);
		final DynamicProjector a = DynamicProjector.of(n, n, AngleSchedule.bitReversal(p, 2));
		final float[] g = a.apply(truth);
		final TemporalSpline spline = new TemporalSpline(4, p);
		final float[] psi = new float[2 * p];
		spline.apply(PsmStart.cosineLatent(2, 4), 2, psi);
		final float[] mask = RedPsm.fieldOfView(n, n);
		final float[] maps = PsmStart.FIT.spatialMaps(a, g, psi, 2, mask);
		final float[] frames = new float[p * n * n];
		new PartiallySeparableModel(spline, maps, PsmStart.cosineLatent(2, 4), mask, false).frames(frames);
		final float[] r = a.apply(frames);
		double misfit = 0, zero = 0;
		for (int i = 0; i < g.length; i++) {
			misfit += (r[i] - g[i]) * (r[i] - g[i]);
			zero += g[i] * g[i];
		}
		assertTrue(misfit < 0.05 * zero, misfit + " vs " + zero);
		for (final float v : PsmStart.PLAIN.spatialMaps(a, g, psi, 2, mask)) assertEquals(0, v, 0);
		final Problem problem = Problems.of(Task.DYNAMIC_CT, a, g, "rank 2");
		final RedPsm.Outcome plain = RedPsm.reconstruct(problem, null, new RedPsmPreset(1, 4, 0, 0.01,
			0.05, 5, 5, 5e-3, PsmStart.PLAIN), Progress.NONE);
		assertTrue(plain.result().history()[4] < 0.4, java.util.Arrays.toString(plain.result()
			.history()));
		assertEquals("plain", plain.result().parameters().get("start"));
	}

	@Test
	void theFieldOfViewIsTheInscribedDiskAndTheUnitIsTheHighPercentile() {
		final float[] m = RedPsm.fieldOfView(8, 10);
		assertEquals(80, m.length);
		assertEquals(0, m[0]);
		assertEquals(1, m[3 * 10 + 4]);
		assertEquals(1, m[0 * 10 + 4], "the top row's centre: distance 3.5 < 4");
		assertEquals(0, m[0 * 10 + 1], "distance sqrt(3.5^2 + 3.5^2) > 4");
		assertEquals(1, m[3 * 10 + 1], "distance sqrt(0.25 + 12.25) < 4");
		assertEquals(0, m[3 * 10 + 0], "distance sqrt(0.25 + 20.25) > 4");
		int inside = 0;
		for (final float v : m) inside += (int) v;
		assertEquals(inside, 50, 4, "about pi 4^2");
		final float[] x = new float[2001];
		for (int i = 0; i < x.length; i++) x[i] = -i;
		assertEquals(1998, RedPsm.valueScale(x), 1e-9);
		final float[] one = new float[10000];
		one[0] = 5;
		assertEquals(5e-6, RedPsm.valueScale(one), 1e-12, "a spike over zeros: the largest value's 1e-6");
		ConjugateGradientTest.assertNames("input", () -> RedPsm.valueScale(new float[4]));
	}

	/** The user's range sets the unit; the result does not depend on it for lambda = 0 beyond Adam's scale. */
	@Test
	void theUsersRangeSetsTheUnitAndTheRecordSaysSo() {
		final int n = 16, p = 8;
		final float[] truth = lowRankSeries(n, p, 4);
		final DynamicProjector a = DynamicProjector.of(n, n, AngleSchedule.bitReversal(p, 2));
		final Problem problem = Problems.of(Task.DYNAMIC_CT, a, a.apply(truth), "rank 2");
		final RedPsmPreset preset = new RedPsmPreset(1, 4, 0, 0.01, 0.05, 2, 2, 5e-3, PsmStart.FIT);
		final RedPsm.Outcome o = RedPsm.reconstruct(problem.withRange(org.priorj.image.ValueRange
			.fromMinMax(-0.5, 2.5, -1, 1)), null, preset, Progress.NONE);
		assertEquals("2.5", o.result().parameters().get("value_scale"));
		assertEquals("disk", o.result().parameters().get("field_of_view"));
		assertEquals(RedPsm.HISTORY_LABEL, o.result().historyLabel());
		final float[] out = o.result().estimate();
		final float[] fov = RedPsm.fieldOfView(n, n);
		for (int t = 0; t < p; t++)
			for (int i = 0; i < n * n; i++) {
				if (fov[i] == 0) assertEquals(0, out[t * n * n + i], 0, "outside the field of view");
			}
		// the seam's signature gives the same movie
		final Result r = RedPsm.reconstruct(problem.withRange(org.priorj.image.ValueRange.fromMinMax(-0.5,
			2.5, -1, 1)), null, preset, 9, Progress.NONE);
		assertEquals(0, java.util.Arrays.compare(out, r.estimate()));
	}

	/** Dynamic MRI: complex frames (T, 2, H, W), no clip and no field of view; K + 1 = T is allowed. */
	@Test
	void complexFramesOfMriAndAModelAsLargeAsTheSeries() {
		final int n = 8, p = 4;
		final java.util.List<org.priorj.physics.LinearOperator> ops = new java.util.ArrayList<>();
		for (int t = 0; t < p; t++) ops.add(new org.priorj.physics.mri.SingleCoilMri(n, n, org.priorj
			.physics.mri.SamplingMasks.uniformLines(n, n, 2, t)));
		final org.priorj.physics.LinearOperator a = org.priorj.physics.SliceWiseOperator.of(ops);
		final float[] x = new float[2 * p * n * n];
		for (int t = 0; t < p; t++)
			for (int i = 0; i < n * n; i++) x[2 * t * n * n + i] = (float) Math.sin(0.3 * i + t) - 0.2f;
		final Problem problem = Problems.of(Task.MRI, a, a.apply(x), "complex");
		RedPsm.check(problem);
		final RedPsm.Outcome o = RedPsm.reconstruct(problem, null, new RedPsmPreset(p - 1, 4, 0, 0.01,
			0.05, 3, 3, 5e-3, PsmStart.FIT), Progress.NONE);
		assertEquals("whole frame", o.result().parameters().get("field_of_view"));
		boolean negative = false;
		for (final float v : o.result().estimate()) negative |= v < 0;
		assertTrue(negative, "no clip at 0 for complex frames");
		assertEquals(p * 2 * n * n, o.spatialMaps().length);
		final Problem one = Problems.of(Task.DYNAMIC_CT, DynamicProjector.of(8, 8, AngleSchedule
			.bitReversal(1, 2)), new float[16], "one frame");
		ConjugateGradientTest.assertNames("input", () -> RedPsm.check(one));
	}
}
