package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.priorj.base.Shape;

class TvDenoiserTest {

	private static final Shape IMAGE = Shape.of(32, 32);

	private static void assertRefused(final String parameter, final Executable call) {
		final String message = assertThrows(IllegalArgumentException.class, call).getMessage();
		assertTrue(message.contains("'" + parameter + "'"), message);
	}

	@Test
	void refusesBadParametersAndInputsNamingThem() {
		final float[] image = TvReferenceInputs.image(32, 32);
		assertRefused("weight", () -> new TvDenoiser(-0.1));
		assertRefused("weight", () -> new TvDenoiser(Double.NaN));
		assertRefused("iterations", () -> new TvDenoiser(0.1).withIterations(0));
		assertRefused("eps", () -> new TvDenoiser(0.1).withEps(-1));
		assertRefused("z_weight", () -> new TvDenoiser(0.1).withZWeight(-0.5));
		assertRefused("image", () -> new TvDenoiser(0.1).denoise(new float[1023], IMAGE));
		assertRefused("image", () -> new TvDenoiser(0.1).denoise(null, IMAGE));
		final float[] nan = image.clone();
		nan[100] = Float.NaN;
		assertRefused("image", () -> new TvDenoiser(0.1).denoise(nan, IMAGE));
		assertRefused("shape", () -> new TvDenoiser(0.1).denoise(new float[1024], Shape.of(1024)));
	}

	@Test
	void leavesTheInputAloneAndWeightZeroReturnsIt() {
		final float[] image = TvReferenceInputs.image(32, 32);
		final float[] copy = image.clone();
		final float[] out = new TvDenoiser(0.2).denoise(image, IMAGE);
		assertArrayEquals(copy, image);
		assertTrue(TvReferenceInputs.maxAbsDifference(out, image) > 0.01);
		final Result none = new TvDenoiser(0).denoise(image, IMAGE, Progress.NONE);
		assertArrayEquals(image, none.estimate());
		assertTrue(none.estimate() != image);
	}

	@Test
	void cancellingReturnsTheCurrentEstimate() {
		final float[] image = TvReferenceInputs.image(32, 32);
		final Result r = new TvDenoiser(0.1).withEps(0).denoise(image, IMAGE, TvReferenceInputs
			.cancelAfter(3));
		assertTrue(r.cancelled());
		assertFalse(r.converged());
		assertEquals(3, r.iterations());
		assertEquals(3, r.history().length);
		final float[] three = new TvDenoiser(0.1).withEps(0).withIterations(3).denoise(image,
			IMAGE);
		assertArrayEquals(three, r.estimate());
	}

	@Test
	void removesNoiseFromAPiecewiseConstantImage() {
		final float[] clean = TvReferenceInputs.shapes(64, 64);
		final float[] noisy = clean.clone();
		for (int i = 0; i < noisy.length; i++) noisy[i] += TvReferenceInputs.noise(i);
		final Result r = new TvDenoiser(0.1).denoise(noisy, Shape.of(64, 64), Progress.NONE);
		final double before = org.priorj.metrics.Psnr.compute(clean, noisy, 1);
		final double after = org.priorj.metrics.Psnr.compute(clean, r.estimate(), 1);
		assertTrue(after > before + 8, before + " dB -> " + after + " dB");
		assertTrue(r.converged());
		assertTrue(r.describe().startsWith("tv algorithm=chambolle weight=0.1"), r.describe());
	}

	@Test
	void zWeightZeroDenoisesEachSliceOnItsOwn() {
		final float[] volume = TvReferenceInputs.volume(4, 16, 20);
		final TvDenoiser d = new TvDenoiser(0.1).withEps(0).withIterations(40).withZWeight(0);
		final float[] together = d.denoise(volume, Shape.of(4, 16, 20));
		for (int z = 0; z < 4; z++) {
			final float[] slice = java.util.Arrays.copyOfRange(volume, z * 320, z * 320 + 320);
			final float[] alone = d.denoise(slice, Shape.of(16, 20));
			assertArrayEquals(alone, java.util.Arrays.copyOfRange(together, z * 320, z * 320 +
				320), 1e-6f, "slice " + z);
		}
		// with the default z weight the slices talk to each other
		final float[] coupled = d.withZWeight(1).denoise(volume, Shape.of(4, 16, 20));
		assertTrue(TvReferenceInputs.maxAbsDifference(coupled, together) > 1e-3);
	}
}
