package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.image.ValueRange;
import org.priorj.physics.Blur;
import org.priorj.physics.Boundary;
import org.priorj.physics.Downsampling;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.Kernel;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.base.Shape;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.physics.Vectors;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.ForwardingDenoiser;

/** RedDiff.reconstruct: what it adds to the loop (units, start, start time, batches, preset). */
class RedDiffReconstructTest {

	private static final DiffusionSchedule SCHEDULE = DiffusionSchedule.linear();

	/** RedDiff's own defaults (lambda 0.25, lr 0.1, linear weighting), from the pseudo-inverse. */
	private static final RedDiffPreset DEFAULTS = new RedDiffPreset(Task.DEBLURRING, 0.25, 0.1, 100,
		OptionalInt.empty(), 0, RedDiff.Weighting.LINEAR, Optional.empty());

	private static Problem problem(final LinearOperator a, final float[] y, final ValueRange range) {
		return Problems.of(Task.DEBLURRING, a, y, "test").withRange(range);
	}

	private static float[] random(final int n, final long seed) {
		final Random r = new Random(seed);
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = r.nextFloat();
		return v;
	}

	@Test
	void theResultDoesNotDependOnTheDataUnits() {
		// x' = 100 x + 50 under a mask: y' = 100 y + 50 A1; the same run must give 100 mu + 50
		final int h = 12, w = 10;
		final LinearOperator a = new MaskOperator(h, w, InpaintingMasks.randomPixels(h, w, 0.5, 3));
		final float[] y = a.apply(random(h * w, 1));
		final float[] ones = new float[h * w];
		java.util.Arrays.fill(ones, 1);
		final float[] a1 = a.apply(ones), y2 = new float[y.length];
		for (int i = 0; i < y.length; i++) y2[i] = 100 * y[i] + 50 * a1[i];
		final Denoiser prior = DiagonalGaussianDenoiser.uniform(1, 0.5, 0.2, 0, 1);
		final Result r1 = RedDiff.reconstruct(problem(a, y, ValueRange.fromMinMax(0, 1, -1, 1)), prior,
			DEFAULTS.withSteps(20), 4, Progress.NONE);
		final Result r2 = RedDiff.reconstruct(problem(a, y2, ValueRange.fromMinMax(50, 150, -1, 1)),
			prior, DEFAULTS.withSteps(20), 4, Progress.NONE);
		for (int i = 0; i < h * w; i++)
			assertEquals(100 * r1.estimate()[i] + 50, r2.estimate()[i], 2e-3, "pixel " + i);
		assertEquals("pseudo_inverse", r1.parameters().get("init"));
	}

	@Test
	void theStartIsAPseudoInverse() {
		// ALGORITHMS.md §7.1.5: A A+ y = y for inpainting and block averaging (A+ = replication)
		final int h = 16, w = 16;
		final LinearOperator mask = new MaskOperator(h, w, InpaintingMasks.randomPixels(h, w, 0.5, 1));
		final float[] ym = mask.apply(random(h * w, 2));
		assertArrayEquals(ym, mask.apply(RedDiff.pseudoInverse(mask, ym)), 1e-5f);
		final LinearOperator sr = new Downsampling(h, w, 4, Downsampling.Method.BLOCK_AVERAGE);
		final float[] ys = random(16, 3);
		final float[] up = RedDiff.pseudoInverse(sr, ys);
		assertArrayEquals(ys, sr.apply(up), 1e-5f);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				assertEquals(ys[(y / 4) * 4 + x / 4], up[y * w + x], 1e-5f, "nearest neighbour");
		// blur: the residual of the start is far below that of zero
		final LinearOperator blur = new Blur(h, w, Kernel.gaussian(1.5), Boundary.REFLECT);
		final float[] yb = blur.apply(random(h * w, 4));
		final float[] r = blur.apply(RedDiff.pseudoInverse(blur, yb));
		for (int i = 0; i < r.length; i++) r[i] -= yb[i];
		assertTrue(Vectors.norm(r) < 0.02 * Vectors.norm(yb), "blur residual " + Vectors.norm(r));
	}

	@Test
	void theDescentStartsWhereThePriorWasTrained() {
		// mapped to [-1, 1], a prior trained up to sigma 0.3 on [0, 1] covers sigma 0.6
		final int t = SCHEDULE.startCovering(0.6);
		assertTrue(SCHEDULE.sigma(t - 1) <= 0.6 && SCHEDULE.sigma(t) > 0.6, "t = " + t);
		assertEquals(1000, SCHEDULE.startCovering(Double.POSITIVE_INFINITY));
		final LinearOperator id = new org.priorj.physics.Identity(Shape.of(4, 4));
		final Denoiser bounded = new Bounded(DiagonalGaussianDenoiser.uniform(1, 0.5, 0.2, 0, 1), 0.3);
		final Result r = RedDiff.reconstruct(problem(id, new float[16], ValueRange.fromMinMax(0, 1, -1,
			1)), bounded, DEFAULTS.withSteps(10), 0, Progress.NONE);
		assertEquals(Integer.toString(t), r.parameters().get("start_time"));
	}

	@Test
	void aStackIsRestoredInOneBatchPerStep() {
		final int z = 3, h = 8, w = 8;
		final LinearOperator a = SliceWiseOperator.repeat(new MaskOperator(h, w, InpaintingMasks
			.randomPixels(h, w, 0.3, 1)), z);
		final List<Shape> calls = new ArrayList<>();
		final Denoiser spy = new Bounded(DiagonalGaussianDenoiser.uniform(1, 0.5, 0.2, 0, 1), 1e9) {

			@Override
			public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
				calls.add(nchw);
				return super.denoise(x, nchw, sigma);
			}
		};
		final Result r = RedDiff.reconstruct(problem(a, a.apply(random(z * h * w, 5)), ValueRange
			.fromMinMax(0, 1, -1, 1)), spy, DEFAULTS.withSteps(7), 0, Progress.NONE);
		assertEquals(7, calls.size());
		for (final Shape s : calls) assertEquals(Shape.of(z, 1, h, w), s);
		assertEquals(Shape.of(z, h, w), r.shape());
	}

	@Test
	void aMeasurementIsRestoredWithItsTasksPreset() {
		final org.priorj.physics.Measurement m = org.priorj.physics.Simulator.simulate(random(16 * 16,
			6), Shape.of(16, 16), org.priorj.physics.OperatorSpec.parse("mask missing_fraction=0.5"),
			new org.priorj.physics.GaussianNoise(0.01), 2);
		final Problem p = Problems.fromMeasurement(m, "m");
		final RedDiffPreset preset = TaskDefaults.redDiff(p.task());
		final Result r = RedDiff.reconstruct(p, DiagonalGaussianDenoiser.uniform(1, 0.5, 0.3, 0, 1),
			preset, 0, Progress.NONE);
		assertEquals(Task.INPAINTING, p.task());
		assertEquals("biharmonic_inpainting", r.parameters().get("init"));
		assertEquals(Integer.toString(preset.startTime().getAsInt()), r.parameters().get("start_time"));
		assertEquals(Double.toString(preset.lambda()), r.parameters().get("lambda"));
		// no range given: the percentiles of the known pixels, the zeros of the missing ones left out
		assertEquals(ValueRange.fromPercentiles(p.observedValues(), -1, 1).toString(), r.parameters()
			.get("value_range"));
		assertEquals(Shape.of(16, 16), r.shape());
	}

	@Test
	void denoisingStartsAtThePriorsPosteriorMeanAndStaysNearIt() {
		// a Gaussian prior N(0.5, 0.2^2) per pixel, whose exact posterior mean under noise sigma is
		// D(y, sigma) = (0.04 y + sigma^2 0.5) / (0.04 + sigma^2); a smooth image, so that the
		// noise level estimated from the data is sigma
		final int n = 64 * 64;
		final double sigma = 0.1;
		final java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
		final float[] truth = new float[n], y = new float[n], exact = new float[n];
		for (int i = 0; i < n; i++) {
			truth[i] = (float) (0.5 + 0.2 * Math.sin(i % 64 / 10.0) * Math.cos(i / 64 / 13.0));
			y[i] = (float) (truth[i] + sigma * org.priorj.physics.GaussianNoise.gaussian(rnd));
			exact[i] = (float) ((0.04 * y[i] + sigma * sigma * 0.5) / (0.04 + sigma * sigma));
		}
		final Problem p = Problems.of(Task.DENOISING, new org.priorj.physics.Identity(Shape.of(64,
			64)), y, "test").withRange(ValueRange.fromMinMax(0, 1, -1, 1));
		final Result r = RedDiff.reconstruct(p, DiagonalGaussianDenoiser.uniform(1, 0.5, 0.2, 0, 1),
			TaskDefaults.redDiff(Task.DENOISING), 0, Progress.NONE);
		final double near = org.priorj.metrics.Psnr.compute(exact, r.estimate(), 1);
		final double noisy = org.priorj.metrics.Psnr.compute(exact, y, 1);
		assertTrue(near > noisy + 15, "RED-Diff vs the posterior mean: " + near + " dB; the data: " +
			noisy + " dB");
		assertEquals("prior_denoiser", r.parameters().get("init"));
		assertEquals(sigma, Double.parseDouble(r.parameters().get("noise_sigma")), 0.01);
		// the times visited are those whose noise level (in [-1, 1]: 2 sigma) is near the data's
		final org.priorj.prior.DiffusionSchedule s = org.priorj.prior.DiffusionSchedule.linear();
		final int start = Integer.parseInt(r.parameters().get("start_time")), end = Integer.parseInt(r
			.parameters().get("end_time"));
		assertTrue(s.sigma(start - 1) <= RedDiff.WINDOW_HIGH * 2 * sigma * 1.05 && s.sigma(start) >
			RedDiff.WINDOW_HIGH * 2 * sigma * 0.95, "start " + start);
		assertTrue(s.sigma(end) < RedDiff.WINDOW_LOW * 2 * sigma * 1.05 && s.sigma(end + 1) >
			RedDiff.WINDOW_LOW * 2 * sigma * 0.95, "end " + end);
		assertEquals(Math.min(30, start - end), r.iterations());
	}

	@Test
	void aPriorWithTheWrongChannelCountIsRefused() {
		final LinearOperator id = new org.priorj.physics.Identity(Shape.of(4, 4));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> RedDiff.reconstruct(problem(id, new float[16], ValueRange.fromMinMax(0, 1, -1, 1)),
				DiagonalGaussianDenoiser.uniform(2, 0, 1, -1, 1), DEFAULTS, 0, Progress.NONE));
		assertTrue(e.getMessage().contains("'prior'") && e.getMessage().contains("2 channels"), e
			.getMessage());
	}

	@Test
	void thePresetsClassicalStartIsWhereMuBeginsAndTheDataRangeMapsOntoTheDiffusionRange() {
		final LinearOperator a = new MaskOperator(8, 8, InpaintingMasks.randomPixels(8, 8, 0.5, 2));
		final float[] y = a.apply(random(64, 7));
		final Denoiser prior = DiagonalGaussianDenoiser.uniform(1, 0.5, 0.2, 0, 1);
		final Problem p = Problems.of(Task.INPAINTING, a, y, "test").withRange(ValueRange.fromMinMax(0,
			1, -1, 1));
		final Result r = RedDiff.reconstruct(p, prior, DEFAULTS.withSteps(1).withLearningRate(1e-6)
			.withInit(Optional.of(ClassicalMethod.HARMONIC_INPAINTING)), 0, Progress.NONE);
		final float[] harmonic = ClassicalMethods.reconstruct(ClassicalMethod.HARMONIC_INPAINTING, a, y,
			Task.INPAINTING, new ClassicalMethods.Parameters(), Progress.NONE).estimate();
		assertTrue(Vectors.norm(harmonic) > Vectors.norm(y), "the missing pixels are filled");
		assertArrayEquals(harmonic, r.estimate(), 1e-4f);
		assertEquals("harmonic_inpainting", r.parameters().get("init"));
		// the problem's range says which data values are the ends; the solver maps them onto [-1, 1]
		// whatever prior range the range was made for
		final RedDiffPreset preset = DEFAULTS.withSteps(3);
		assertArrayEquals(RedDiff.reconstruct(p, prior, preset, 0, Progress.NONE).estimate(), RedDiff
			.reconstruct(p.withRange(ValueRange.fromMinMax(0, 1, 0, 1)), prior, preset, 0, Progress.NONE)
			.estimate(), 1e-6f);
	}

	/** A denoiser that declares a maximum noise level. */
	private static class Bounded extends ForwardingDenoiser {

		private final double max;

		Bounded(final Denoiser inner, final double max) {
			super(inner);
			this.max = max;
		}

		@Override
		public double maxSigma() {
			return max;
		}
	}
}
