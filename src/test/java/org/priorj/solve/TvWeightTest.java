package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;
import org.priorj.image.NoiseLevel;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.Identity;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Operators;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Task;

class TvWeightTest {

	private static final Shape SHAPE = Shape.of(64, 64);

	/** A smooth image plus noise of deviation {@code sigma}. */
	private static float[] noisy(final double sigma, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final float[] v = new float[SHAPE.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (0.5 + 0.3 * Math.sin(i % 64 / 9.0) + sigma * GaussianNoise.gaussian(r));
		return v;
	}

	@Test
	void denoisingWeighsTheEstimatedNoiseByItsFactor() {
		final float[] y = noisy(0.1, 1);
		final double lambda = TvWeight.of(Task.DENOISING, new Identity(SHAPE), y);
		// ||I|| by power iteration: 1 up to rounding
		assertEquals(TaskDefaults.tvFactor(Task.DENOISING) * NoiseLevel.estimate(y, SHAPE), lambda,
			1e-6 * lambda);
		assertEquals(0.8 * 0.1, lambda, 0.01);
	}

	@Test
	void theWeightScalesWithTheDataAndWithTheOperatorsNorm() {
		final float[] x = noisy(0, 2);
		final LinearOperator a = Operators.build(OperatorSpec.parse("downsample factor=4"), SHAPE);
		final float[] y = a.apply(x);
		final SplittableRandom r = new SplittableRandom(3);
		for (int i = 0; i < y.length; i++) y[i] += (float) (0.02 * GaussianNoise.gaussian(r));
		final double lambda = TvWeight.of(Task.SUPER_RESOLUTION, a, y);
		assertEquals(TaskDefaults.tvFactor(Task.SUPER_RESOLUTION) * NoiseLevel.estimate(y, a.range()) *
			a.norm(), lambda, 1e-9);
		assertTrue(a.norm() < 0.5, "a 4× average shrinks: " + a.norm());
		final float[] y255 = y.clone();
		for (int i = 0; i < y255.length; i++) y255[i] *= 255;
		assertEquals(255 * lambda, TvWeight.of(Task.SUPER_RESOLUTION, a, y255), 1e-6 * 255 * lambda);
	}

	@Test
	void aMasksMissingPixelsAreNotNoise() {
		final float[] mask = InpaintingMasks.randomPixels(64, 64, 0.5, 4);
		final MaskOperator a = new MaskOperator(64, 64, mask);
		final float[] y = a.apply(noisy(0.02, 5));
		final double lambda = TvWeight.of(Task.INPAINTING, a, y);
		assertEquals(0.8 * NoiseLevel.estimate(y, SHAPE, mask), lambda, 1e-6 * lambda);
		assertEquals(0.8 * 0.02, lambda, 0.004);
	}

	@Test
	void noiselessDataStillGetASmallWeight() {
		final float[] y = new float[SHAPE.size()];
		for (int i = 0; i < y.length; i++) y[i] = 2 + 0.01f * (i % 64); // a ramp: no noise at all
		final double lambda = TvWeight.of(Task.DENOISING, new Identity(SHAPE), y);
		assertEquals(0.8 * TvWeight.MIN_RELATIVE_NOISE * (2 + 0.63), lambda, 1e-6);
	}

	@Test
	void refusesDataThatDoNotFitTheOperatorAndUnknownTasks() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TvWeight
			.of(Task.DENOISING, new Identity(SHAPE), new float[3]));
		assertTrue(e.getMessage().contains("'measurement'"), e.getMessage());
		final float[] nan = noisy(0.1, 6);
		nan[5] = Float.NaN;
		assertThrows(IllegalArgumentException.class, () -> TvWeight.of(Task.DENOISING, new Identity(
			SHAPE), nan));
		ConjugateGradientTest.assertNames("task", () -> TaskDefaults.tvFactor(null));
		for (final Task t : Task.values()) assertTrue(TaskDefaults.tvFactor(t) > 0, t.label());
	}
}
