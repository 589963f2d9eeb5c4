package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

class PsmFitTest {

	static final int P = 5, N = 6, RANK = 2, D = 4;

	/** M: Lambda (rank, n) -> F (P, n), F_t = sum_k psi_k(t) Lambda_k, as a dense matrix. */
	static RealMatrix frameMap(final float[] psi, final int frames, final int rank, final int n) {
		final RealMatrix m = new Array2DRowRealMatrix(frames * n, rank * n);
		for (int t = 0; t < frames; t++)
			for (int k = 0; k < rank; k++)
				for (int i = 0; i < n; i++) m.setEntry(t * n + i, k * n + i, psi[k * frames + t]);
		return m;
	}

	/**
	 * §7.4.5: with psi fixed the PSM step is linear least squares in Lambda; Adam's result after many
	 * steps is the solution of the normal equations of 1/2 ||A F - g||^2 + beta/2 ||F - v||^2 +
	 * chi/2 ||Lambda||^2 (the squared splitting norm of the paper, which PriorJ follows).
	 */
	@Test
	void withFixedTemporalFunctionsTheStepSolvesTheNormalEquations() {
		final DenseOperator a = DenseOperator.random(14, Shape.of(P, N), -0.5, 3);
		final float[] g = DenseOperator.randomVector(14, 4), v = DenseOperator.randomVector(P * N, 5);
		final double beta = 0.7, chi = 0.05;
		final TemporalSpline spline = new TemporalSpline(D, P);
		final float[] latent = PsmStart.cosineLatent(RANK, D);
		final PartiallySeparableModel model = new PartiallySeparableModel(spline, new float[RANK * N],
			latent, null, false);
		final PsmFit fit = new PsmFit(model, a, g, 0, chi, 1e-3);
		fit.fit(v, beta, 20000, true);
		final RealMatrix m = frameMap(model.temporal(), P, RANK, N);
		final RealMatrix am = a.matrix.multiply(m);
		final RealMatrix lhs = am.transpose().multiply(am).add(m.transpose().multiply(m).scalarMultiply(
			beta)).add(DenseOperator.identity(RANK * N).scalarMultiply(chi));
		final double[] rhs = new ArrayRealVector(am.transpose().operate(DenseOperator.toDouble(g))).add(
			new ArrayRealVector(m.transpose().operate(DenseOperator.toDouble(v))).mapMultiply(beta))
			.toArray();
		final double[] want = new LUDecomposition(lhs).getSolver().solve(new ArrayRealVector(rhs))
			.toArray();
		for (int i = 0; i < want.length; i++) assertEquals(want[i], model.spatial()[i], 2e-3, "map value " +
			i);
		for (int i = 0; i < latent.length; i++) assertEquals(PsmStart.cosineLatent(RANK, D)[i],
			latent[i], 0, "the latent stays");
	}

	/** The gradient the model takes back through the clip and the mask, against finite differences. */
	@Test
	void theModelsGradientMatchesFiniteDifferences() {
		final TemporalSpline spline = new TemporalSpline(D, P);
		final float[] maps = DenseOperator.randomVector(RANK * N, 8), latent = DenseOperator
			.randomVector(RANK * D, 9);
		final float[] mask = { 1, 1, 0, 1, 1, 1 };
		final PartiallySeparableModel model = new PartiallySeparableModel(spline, maps, latent, mask,
			true);
		final float[] w = DenseOperator.randomVector(P * N, 10);
		final float[] f = new float[P * N];
		model.frames(f);
		for (int t = 0; t < P; t++) assertEquals(0, f[t * N + 2], 0, "masked out");
		boolean clipped = false;
		for (final float x : f) clipped |= x == 0;
		assertTrue(clipped);
		final float[] dF = w.clone(), dMaps = new float[maps.length], dLatent = new float[latent.length];
		model.gradient(dF, dMaps, dLatent);
		final double h = 1e-3;
		for (int i = 0; i < maps.length; i++) assertEquals(numeric(model, maps, i, w, h), dMaps[i], 2e-2,
			"map value " + i);
		for (int i = 0; i < latent.length; i++) assertEquals(numeric(model, latent, i, w, h), dLatent[i],
			2e-2, "latent value " + i);
	}

	/** d/dp_i of <w, F(p)> by central differences, p the model's live array. */
	private static double numeric(final PartiallySeparableModel model, final float[] p, final int i,
		final float[] w, final double h)
	{
		final float keep = p[i];
		final float[] f = new float[w.length];
		p[i] = (float) (keep + h);
		model.frames(f);
		double plus = 0;
		for (int j = 0; j < w.length; j++) plus += w[j] * f[j];
		p[i] = (float) (keep - h);
		model.frames(f);
		double minus = 0;
		for (int j = 0; j < w.length; j++) minus += w[j] * f[j];
		p[i] = keep;
		return (plus - minus) / (2 * h);
	}

	@Test
	void refusesAnOperatorOfAnotherSize() {
		final PartiallySeparableModel model = new PartiallySeparableModel(new TemporalSpline(D, P),
			new float[RANK * N], PsmStart.cosineLatent(RANK, D), null, false);
		ConjugateGradientTest.assertNames("operator", () -> new PsmFit(model, DenseOperator.random(3,
			Shape.of(P, N + 1), 0, 1), new float[3], 0, 0, 1e-3));
		ConjugateGradientTest.assertNames("mask", () -> new PartiallySeparableModel(new TemporalSpline(
			D, P), new float[RANK * N], PsmStart.cosineLatent(RANK, D), new float[N + 1], false));
	}

	/** The data misfit is 1/2 ||A F - g||^2 of the model's current parameters, however they were set. */
	@Test
	void theDataMisfitIsThatOfTheCurrentParameters() {
		final DenseOperator a = DenseOperator.random(9, Shape.of(P, N), -0.5, 13);
		final float[] g = DenseOperator.randomVector(9, 14);
		final TemporalSpline spline = new TemporalSpline(D, P);
		final float[] maps = DenseOperator.randomVector(RANK * N, 15), latent = PsmStart.cosineLatent(
			RANK, D);
		final PartiallySeparableModel model = new PartiallySeparableModel(spline, maps, latent, null,
			false);
		final PsmFit fit = new PsmFit(model, a, g, 0, 0, 1e-3);
		maps[3] += 2; // changed behind the fit's back
		final float[] f = new float[P * N];
		model.frames(f);
		final float[] r = a.apply(f);
		double want = 0;
		for (int i = 0; i < r.length; i++) want += 0.5 * (r[i] - g[i]) * (r[i] - g[i]);
		assertEquals(want, fit.dataMisfit(), 1e-4 * want);
		final float[] after = fit.fit(null, 0, 3, false);
		model.frames(f);
		assertEquals(0, java.util.Arrays.compare(f, after), "the frames of the last parameters");
	}

	/** Large Frobenius weights shrink what they weigh: xi the temporal functions, chi the maps. */
	@Test
	void theFrobeniusTermsShrinkTheTemporalFunctionsAndTheMaps() {
		final DenseOperator a = DenseOperator.random(20, Shape.of(P, N), -0.5, 16);
		final float[] g = DenseOperator.randomVector(20, 17);
		final double[] psiNorm = new double[2], mapNorm = new double[2];
		for (int c = 0; c < 2; c++) {
			final PartiallySeparableModel model = new PartiallySeparableModel(new TemporalSpline(D, P),
				DenseOperator.randomVector(RANK * N, 18), PsmStart.cosineLatent(RANK, D), null, false);
			new PsmFit(model, a, g, c == 0 ? 0 : 50, c == 0 ? 0 : 50, 1e-2).fit(new float[P * N], 0.1, 300,
				false);
			for (final float v : model.temporal()) psiNorm[c] += v * v;
			for (final float v : model.spatial()) mapNorm[c] += v * v;
		}
		assertTrue(psiNorm[1] < 0.5 * psiNorm[0], psiNorm[1] + " vs " + psiNorm[0]);
		assertTrue(mapNorm[1] < 0.5 * mapNorm[0], mapNorm[1] + " vs " + mapNorm[0]);
	}

	/** psi follows Z at once, and the latent gradient is the spline's adjoint. */
	@Test
	void theTemporalFunctionsFollowTheLatentAndItsGradientIsTheSplinesAdjoint() {
		final TemporalSpline spline = new TemporalSpline(D, P);
		final float[] latent = PsmStart.cosineLatent(RANK, D);
		final PartiallySeparableModel model = new PartiallySeparableModel(spline, new float[RANK * N],
			latent, null, false);
		latent[5] = 3;
		final float[] want = new float[RANK * P];
		spline.apply(latent, RANK, want);
		assertArrayEquals(want, model.temporal(), 0);
		final float[] dPsi = DenseOperator.randomVector(RANK * P, 19), dz = new float[RANK * D],
			expected = new float[RANK * D];
		model.latentGradient(dPsi, dz);
		spline.adjoint(dPsi, RANK, expected);
		assertArrayEquals(expected, dz, 0);
		assertEquals(RANK, model.rank());
		assertEquals(N, model.frameSize());
		ConjugateGradientTest.assertNames("latent", () -> new PartiallySeparableModel(spline,
			new float[RANK * N], new float[D + 1], null, false));
		ConjugateGradientTest.assertNames("spatial", () -> new PartiallySeparableModel(spline,
			new float[RANK * N + 1], new float[RANK * D], null, false));
	}
}
