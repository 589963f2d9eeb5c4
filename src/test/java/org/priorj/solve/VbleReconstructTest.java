package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.image.ValueRange;
import org.priorj.image.phantom.RandomEllipses;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.prior.IdentityLatentPrior;
import org.priorj.prior.NetworkLatentPrior;
import org.priorj.train.TinyAutoencoder;

/**
 * Vble.reconstruct: what it adds to the loop (units, padding to the autoencoder's multiple and
 * cropping back, the start, the noise level, the preset).
 */
class VbleReconstructTest {

	@TempDir
	static Path dir;
	static NetworkLatentPrior cae;

	@BeforeAll
	static void tinyAutoencoder() throws Exception {
		cae = NetworkLatentPrior.load(TinyAutoencoder.train(dir.resolve("cae"), "prior", 2), ai.djl
			.Device.cpu());
	}

	@AfterAll
	static void free() {
		cae.close();
	}

	private static final VblePreset SHORT = TaskDefaults.vble(Task.INPAINTING).withIterations(3)
		.withSamples(4);

	@Test
	void anImageOfAnySizeIsPaddedForTheAutoencoderAndCroppedBack() {
		final int h = 70, w = 90;
		final float[] x = new float[h * w];
		final float[] e = RandomEllipses.image(90, 2);
		for (int r = 0; r < h; r++) System.arraycopy(e, r * 90, x, r * w, w);
		final LinearOperator a = new MaskOperator(h, w, InpaintingMasks.randomPixels(h, w, 0.5, 3));
		final float[] y = a.apply(x);
		final float[] y0 = y.clone();
		final Problem p = Problems.of(Task.INPAINTING, a, y, "test");
		final Result r = Vble.reconstruct(p, cae, SHORT, 1, Progress.NONE);
		assertEquals(Shape.of(h, w), r.shape());
		assertEquals(h * w, r.std().orElseThrow().length);
		assertTrue(r.std().get()[0] > 0, "a posterior spread at every pixel");
		assertEquals("biharmonic_inpainting", r.parameters().get("init"));
		assertEquals(cae.name(), r.parameters().get("prior"));
		assertTrue(Double.parseDouble(r.parameters().get("noise_sigma")) > 0);
		assertEquals("none", r.parameters().get("std_calibration"), "no scale for a test prior");
		assertEquals("1.0", r.parameters().get("std_scale"));
		assertArrayEquals(y0, y, "the data are not modified");
	}

	/** The identity as an autoencoder whose sides must be multiples of 4; records what it encodes. */
	private static final class PaddedIdentity implements org.priorj.prior.LatentPrior {

		final IdentityLatentPrior inner = new IdentityLatentPrior(1, 0.5, 0, 1);
		float[] encoded;
		Shape encodedShape;

		@Override
		public String name() {
			return "padded-identity";
		}

		@Override
		public int channels() {
			return 1;
		}

		@Override
		public double low() {
			return 0;
		}

		@Override
		public double high() {
			return 1;
		}

		@Override
		public int multiple() {
			return 4;
		}

		@Override
		public org.priorj.prior.Latents encode(final float[] x, final Shape nchw) {
			encoded = x.clone();
			encodedShape = nchw;
			return inner.encode(x, nchw);
		}

		@Override
		public float[] decode(final org.priorj.prior.Latent z) {
			return inner.decode(z);
		}

		@Override
		public double rate(final org.priorj.prior.Latents l) {
			return inner.rate(l);
		}

		@Override
		public Evaluation evaluate(final org.priorj.prior.Latents l, final ImageLoss loss,
			final double w)
		{
			return inner.evaluate(l, loss, w);
		}
	}

	@Test
	void theEncoderSeesTheStartReflectedOutToTheMultiple() {
		// a 5×6 image: the canvas is 8×8, rows and columns beyond the image mirror it
		final int h = 5, w = 6;
		final float[] x = new float[h * w];
		for (int i = 0; i < x.length; i++) x[i] = 0.02f * i;
		final LinearOperator a = new org.priorj.physics.Identity(Shape.of(h, w));
		final PaddedIdentity prior = new PaddedIdentity();
		final Result r = Vble.reconstruct(Problems.of(Task.DENOISING, a, x, "t").withRange(ValueRange
			.fromMinMax(0, 1, 0, 1)), prior, TaskDefaults.vble(Task.DENOISING).withIterations(1)
				.withSamples(2).withNoiseSigma(OptionalDouble.of(0.1)), 0, Progress.NONE);
		assertEquals(Shape.of(1, 1, 8, 8), prior.encodedShape);
		for (int row = 0; row < 8; row++)
			for (int col = 0; col < 8; col++) {
				final int sr = row < h ? row : 2 * (h - 1) - row, sc = col < w ? col : 2 * (w - 1) - col;
				assertEquals(x[sr * w + sc], prior.encoded[row * 8 + col], 1e-6, row + "," + col);
			}
		assertEquals(Shape.of(h, w), r.shape());
	}

	@Test
	void theResultDoesNotDependOnTheDataUnits() {
		// x' = 100 x + 50 under a mask: y' = 100 y + 50 A1; the same run must give 100 mean + 50
		final int h = 12, w = 10;
		final LinearOperator a = new MaskOperator(h, w, InpaintingMasks.randomPixels(h, w, 0.5, 3));
		final float[] x = RandomEllipses.image(12, 4);
		final float[] xs = new float[h * w];
		for (int i = 0; i < xs.length; i++) xs[i] = x[i % x.length];
		final float[] y = a.apply(xs), ys = y.clone();
		final float[] ones = new float[h * w];
		java.util.Arrays.fill(ones, 1);
		final float[] a1 = a.apply(ones);
		for (int i = 0; i < ys.length; i++) ys[i] = 100 * y[i] + 50 * a1[i];
		final IdentityLatentPrior prior = new IdentityLatentPrior(1, 0.3, 0, 1);
		final VblePreset preset = SHORT.withNoiseSigma(OptionalDouble.of(0.01));
		final Result r1 = Vble.reconstruct(Problems.of(Task.INPAINTING, a, y, "t").withRange(ValueRange
			.fromMinMax(0, 1, 0, 1)), prior, preset, 5, Progress.NONE);
		final Result r2 = Vble.reconstruct(Problems.of(Task.INPAINTING, a, ys, "t").withRange(
			ValueRange.fromMinMax(50, 150, 0, 1)), prior, preset.withNoiseSigma(OptionalDouble.of(1)), 5,
			Progress.NONE);
		for (int i = 0; i < xs.length; i++) {
			assertEquals(100 * r1.estimate()[i] + 50, r2.estimate()[i], 1e-2);
			assertEquals(100 * r1.std().get()[i], r2.std().get()[i], 1e-2);
		}
	}

	@Test
	void presetsAreRefusedByTheParameterUsersType() {
		assertThrows(IllegalArgumentException.class, () -> TaskDefaults.vble(Task.CT));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SHORT.withLambda(-1))
			.getMessage().contains("'lambda'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SHORT.withNoiseSigma(
			OptionalDouble.of(-0.1))).getMessage().contains("'noise_sigma'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SHORT.withSamples(1))
			.getMessage().contains("'posterior_samples'"));
		assertEquals("adjoint", SHORT.withInit(Optional.empty()).initLabel());
		final String text = SHORT.withLambda(2).withLearningRate(0.05).withNoiseSigma(OptionalDouble.of(
			0.1)).toString();
		for (final String part : new String[] { "inpainting", "lambda=2.0", "lr=0.05", "iterations=3",
			"samples=4", "init=biharmonic_inpainting", "noise_sigma=0.1" })
			assertTrue(text.contains(part), part + " not in " + text);
		assertTrue(SHORT.toString().contains("noise_sigma=auto"), SHORT.toString());
		assertThrows(IllegalArgumentException.class, () -> SHORT.withLearningRate(0));
	}
}
