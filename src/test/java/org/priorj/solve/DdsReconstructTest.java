package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.priorj.image.ValueRange;
import org.priorj.base.Shape;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.ForwardingDenoiser;

/** Dds.reconstruct: what it adds to the sampler (gamma scaled by ||A||^2, the start time the prior covers). */
class DdsReconstructTest {

	/** Pure noise as start: the range is given, so nothing else is needed. */
	private static final DdsPreset PRESET = TaskDefaults.dds(Task.CT).withInit(Optional.empty());

	/**
	 * gamma is relative to ||A||^2: with A = diag(d), d in {0, 1, 3} (||A|| = 3), one step at t = 0
	 * and enough CG steps, each pixel of the result is (x0_hat + g d y) / (1 + g d^2) with
	 * g = gamma / 9, x0_hat the prior's denoised state (data already in [-1, 1], so no map).
	 */
	@Test
	void gammaIsRelativeToTheSquaredOperatorNorm() {
		final int n = 12;
		final double[] d = new double[n];
		for (int i = 0; i < n; i++) d[i] = i % 3 == 0 ? 3 : i % 3 == 1 ? 1 : 0;
		final DenseOperator a = new DenseOperator(MatrixUtils.createRealDiagonalMatrix(d), Shape.of(3,
			4));
		final float[] truth = DenseOperator.randomVector(n, 2);
		for (int i = 0; i < n; i++) truth[i] *= 0.3f;
		final float[] y = a.apply(truth);
		final List<float[]> denoised = new ArrayList<>();
		final Denoiser prior = new ForwardingDenoiser(DiagonalGaussianDenoiser.uniform(1, 0.1, 0.4,
			-1, 1)) {

			@Override
			public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
				final float[] out = super.denoise(x, nchw, sigma);
				denoised.add(out.clone());
				return out;
			}
		};
		final double gamma = 2;
		final Problem problem = Problems.of(Task.CT, a, y, "test").withRange(ValueRange.fromMinMax(-1,
			1, -1, 1));
		final Result r = Dds.reconstruct(problem, prior, PRESET.withSteps(1).withStartTime(1)
			.withCgIterations(20).withGamma(gamma), 3, Progress.NONE);
		assertEquals(1, denoised.size());
		final double g = gamma / 9;
		for (int i = 0; i < n; i++) {
			final double want = (denoised.get(0)[i] + g * d[i] * d[i] * truth[i]) / (1 + g * d[i] * d[i]);
			assertEquals(want, r.estimate()[i], 1e-4, "pixel " + i + " (d = " + d[i] + ")");
		}
		assertEquals(Double.toString(gamma), r.parameters().get("gamma"));
		assertEquals(g, Double.parseDouble(r.parameters().get("gamma_absolute")), 1e-3 * g);
	}

	/**
	 * Without a start time the chain starts at the largest time whose noise level the prior was
	 * trained for; a start time given is kept.
	 */
	@Test
	void theChainStartsWhereThePriorsNoiseRangeEnds() {
		final DiffusionSchedule schedule = DiffusionSchedule.linear();
		final Denoiser bounded = new ForwardingDenoiser(DiagonalGaussianDenoiser.uniform(1, 0, 0.5, -1,
			1)) {

			@Override
			public double maxSigma() {
				return 0.3;
			}
		};
		final DenseOperator a = new DenseOperator(MatrixUtils.createRealIdentityMatrix(16), Shape.of(4,
			4));
		final ValueRange identity = ValueRange.fromMinMax(-1, 1, -1, 1);
		final Problem problem = Problems.of(Task.CT, a, new float[16], "test").withRange(identity);
		final DdsPreset twoSteps = new DdsPreset(Task.CT, 2, 0.85, 5, 0, OptionalInt.empty(), Optional
			.empty());
		final Result covering = Dds.reconstruct(problem, bounded, twoSteps, 0, Progress.NONE);
		assertEquals(Integer.toString(schedule.startCovering(0.3)), covering.parameters().get(
			"start_time"));
		final Result given = Dds.reconstruct(problem, bounded, twoSteps.withStartTime(40), 0,
			Progress.NONE);
		assertEquals("40", given.parameters().get("start_time"));
	}

	/**
	 * With no range given, CT and MRI data (not in the image's units) are mapped by the percentiles
	 * of the start image; with no start image there is nothing to take the range from.
	 */
	@Test
	void theRangeComesFromTheStartImageOrIsRefused() {
		final DenseOperator a = new DenseOperator(MatrixUtils.createRealIdentityMatrix(16).scalarMultiply(
			3), Shape.of(4, 4));
		final float[] y = DenseOperator.randomVector(16, 5);
		final Problem problem = Problems.of(Task.CT, a, y, "test");
		final Denoiser prior = DiagonalGaussianDenoiser.uniform(1, 0, 0.5, -1, 1);
		final Result r = Dds.reconstruct(problem, prior, PRESET.withSteps(2).withInit(Optional.of(
			ClassicalMethod.ADJOINT)), 0, Progress.NONE);
		assertEquals(ValueRange.fromPercentiles(a.adjoint(y), -1, 1).toString(), r.parameters().get(
			"value_range"));
		assertEquals("adjoint", r.parameters().get("init"));
		ConjugateGradientTest.assertNames("range", () -> Dds.reconstruct(problem, prior, PRESET, 0,
			Progress.NONE));
	}
}
