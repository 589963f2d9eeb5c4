package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.solve.ConjugateGradientTest.assertNames;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.priorj.metrics.Psnr;
import org.priorj.physics.Downsampling;
import org.priorj.base.Shape;

class BicubicUpsamplingTest {

	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 4 })
	void reproducesConstantsEverywhere(final int f) {
		final float[] c = new float[7 * 9];
		Arrays.fill(c, 3.25f);
		final float[] up = BicubicUpsampling.upsample(c, Shape.of(7, 9), f);
		assertEquals(7 * 9 * f * f, up.length);
		for (final float v : up) assertEquals(3.25f, v, 1e-5f);
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 4 })
	void reproducesRampsAwayFromTheBorder(final int f) {
		final int h = 10, w = 12;
		final float[] ramp = new float[h * w];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) ramp[y * w + x] = 0.5f * x - 1.5f * y + 4;
		final float[] up = BicubicUpsampling.upsample(ramp, Shape.of(h, w), f);
		final int oh = f * h, ow = f * w, margin = 2 * f;
		int checked = 0;
		for (int i = margin; i < oh - margin; i++)
			for (int j = margin; j < ow - margin; j++) {
				final double u = (j + 0.5) / f - 0.5, v = (i + 0.5) / f - 0.5;
				assertEquals(0.5 * u - 1.5 * v + 4, up[i * ow + j], 1e-4, "at " + i + "," + j);
				checked++;
			}
		assertTrue(checked > oh * ow / 3);
	}

	/**
	 * Against an independent numpy evaluation (Keys weights at u = (o + 0.5) / f - 0.5, numpy
	 * "reflect" padding, matrices M_h img M_w^T in double) of img[i][j] = sin(1.3 i + 0.7 j) +
	 * 0.1 i j, 5x6, factor 3: the first output row and the last output column.
	 */
	@Test
	void matchesAnIndependentEvaluationAtTheBorder() {
		final int h = 5, w = 6, f = 3;
		final float[] img = new float[h * w];
		for (int i = 0; i < h; i++)
			for (int j = 0; j < w; j++) img[i * w + j] = (float) (Math.sin(1.3 * i + 0.7 * j) + 0.1 *
				i * j);
		final float[] up = BicubicUpsampling.upsample(img, Shape.of(h, w), f);
		final float[] firstRow = { 0.3418853f, 0.2307187f, 0.3418853f, 0.5709284f, 0.7611629f,
			0.8631937f, 0.9264158f, 0.9423299f, 0.9035191f, 0.8174002f, 0.6977234f, 0.5392277f,
			0.3471740f, 0.1510954f, -0.0836797f, -0.3224797f, -0.4317569f, -0.3224797f };
		final float[] lastColumn = { -0.3224797f, -0.2179533f, -0.3224797f, -0.4887930f,
			-0.4959946f, -0.2339634f, 0.1871796f, 0.6579689f, 1.2026485f, 1.7969744f, 2.2587494f,
			2.5132664f, 2.6352324f, 2.6665713f, 2.6352324f };
		assertArrayEquals(firstRow, Arrays.copyOf(up, w * f), 1e-5f);
		for (int i = 0; i < h * f; i++) assertEquals(lastColumn[i], up[i * w * f + w * f - 1],
			1e-5f);
	}

	@Test
	void undoesBicubicDownsamplingOfCameraAbove20Db() {
		final float[] truth = TestImages.camera(256);
		final Downsampling a = new Downsampling(256, 256, 4, Downsampling.Method.BICUBIC);
		final float[] y = a.apply(truth);
		final Result r = BicubicUpsampling.solve(a, y);
		assertEquals(Shape.of(256, 256), r.shape());
		final double psnr = Psnr.compute(truth, r.estimate(), 255);
		assertTrue(psnr > 20, "PSNR " + psnr);
		assertEquals("bicubic", r.method());
		assertEquals("4", r.parameters().get("factor"));
		assertEquals(0, r.history().length);
	}

	@Test
	void upsamplesAStackSliceBySlice() {
		final float[] a = DenseOperator.randomVector(5 * 6, 1), b = DenseOperator.randomVector(
			5 * 6, 2);
		final float[] stack = new float[60];
		System.arraycopy(a, 0, stack, 0, 30);
		System.arraycopy(b, 0, stack, 30, 30);
		final Result r = BicubicUpsampling.solve(stack, Shape.of(2, 5, 6), 3);
		assertEquals(Shape.of(2, 15, 18), r.shape());
		final float[] expected = new float[2 * 270];
		System.arraycopy(BicubicUpsampling.upsample(a, Shape.of(5, 6), 3), 0, expected, 0, 270);
		System.arraycopy(BicubicUpsampling.upsample(b, Shape.of(5, 6), 3), 0, expected, 270, 270);
		assertArrayEquals(expected, r.estimate());
	}

	@Test
	void refusesBadInput() {
		final float[] img = new float[16];
		for (final int f : new int[] { 1, 5, 0, -2 })
			assertNames("factor", () -> BicubicUpsampling.upsample(img, Shape.of(4, 4), f));
		assertNames("image", () -> BicubicUpsampling.upsample(new float[15], Shape.of(4, 4), 2));
		assertNames("image", () -> BicubicUpsampling.upsample(img, Shape.of(16), 2));
		final Downsampling a = new Downsampling(8, 8, 2, Downsampling.Method.BICUBIC);
		final float[] nan = new float[16];
		nan[5] = Float.NaN;
		assertNames("measurement", () -> BicubicUpsampling.solve(a, nan));
		assertNames("measurement", () -> BicubicUpsampling.solve(a, new float[64]));
	}
}
