package org.priorj.physics.mri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.priorj.physics.OperatorAssertions;
import org.priorj.physics.Vectors;

class CenteredFft2Test {

	/** The 6x5 test image: re = sin(0.7y + 0.3x) + 0.1x, im = cos(0.5xy) - 0.2y. */
	private static float[] smoothImage6x5() {
		final int h = 6, w = 5;
		final float[] z = new float[2 * h * w];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				z[y * w + x] = (float) (Math.sin(0.7 * y + 0.3 * x) + 0.1 * x);
				z[h * w + y * w + x] = (float) (Math.cos(0.5 * y * x) - 0.2 * y);
			}
		}
		return z;
	}

	@Test
	void matchesNumpyFft2cOnEvenByOddImage() {
		// numpy 1.24: k = fftshift(fft2(ifftshift(z))) / sqrt(30) for the image of smoothImage6x5()
		final float[] expected = {
			-0.1047999f, -0.0138973f, -0.5377600f, -0.0462314f, 0.1132133f, 0.8466515f, -0.2854407f,
			-0.3519685f, 0.3385679f, -0.3382927f, -0.0497149f, 0.4561220f, 1.1754405f, -0.2271895f,
			0.0914579f, -1.0597039f, 0.7538052f, 2.5870105f, -0.5870284f, 1.0363681f, 0.2270872f,
			-0.3019191f, -0.9806107f, 0.0947712f, -0.2718783f, 0.2635545f, -0.1703267f, 1.3388233f,
			0.2275430f, -0.7873528f,
			0.2982763f, -0.1888517f, -0.9736174f, 0.1038045f, 0.1248133f, -0.0920945f, -0.3619130f,
			1.8482763f, -0.2456051f, 0.0081770f, -0.3015574f, -2.0611841f, -3.6019201f, 0.4315535f,
			-0.0251479f, -0.1247317f, -0.7072691f, -1.2564617f, -0.8472469f, -0.0181752f, 0.5431418f,
			-0.3457022f, 0.6484321f, -0.8086828f, -0.9363445f, -0.1882021f, 0.0477039f, 0.9583055f,
			-0.7547325f, 0.1182083f };
		assertArrayEquals(expected, new CenteredFft2(6, 5).apply(smoothImage6x5()), 2e-6f);
	}

	@Test
	void matchesDirectDftOnEvenByOddImage() {
		final int h = 6, w = 5;
		final float[] z = OperatorAssertions.gaussian(2 * h * w, new Random(5));
		final float[] k = new CenteredFft2(h, w).apply(z);
		// k[u,v] = sum_{y,x} z[y,x] exp(-2 pi i ((u-h/2)(y-h/2)/h + (v-w/2)(x-w/2)/w)) / sqrt(hw)
		for (int u = 0; u < h; u++) {
			for (int v = 0; v < w; v++) {
				double re = 0, im = 0;
				for (int y = 0; y < h; y++) {
					for (int x = 0; x < w; x++) {
						final double phi = -2 * Math.PI * ((double) (u - h / 2) * (y - h / 2) / h +
							(double) (v - w / 2) * (x - w / 2) / w);
						final double zr = z[y * w + x], zi = z[h * w + y * w + x];
						re += zr * Math.cos(phi) - zi * Math.sin(phi);
						im += zr * Math.sin(phi) + zi * Math.cos(phi);
					}
				}
				final double s = Math.sqrt(h * w);
				assertEquals(re / s, k[u * w + v], 1e-5, "real part at " + u + "," + v);
				assertEquals(im / s, k[h * w + u * w + v], 1e-5, "imaginary part at " + u + "," + v);
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "6,5", "7,9", "8,8", "16,12", "2,7" })
	void isUnitaryAndInvertible(final int h, final int w) {
		final CenteredFft2 f = new CenteredFft2(h, w);
		final float[] x = OperatorAssertions.gaussian(2 * h * w, new Random(h * 31 + w));
		final float[] k = f.apply(x);
		assertEquals(Vectors.norm(x), Vectors.norm(k), 1e-5 * Vectors.norm(x));
		assertArrayEquals(x, f.adjoint(k), 1e-5f);
		final float[] back = new float[x.length];
		f.inverse(k, back);
		assertArrayEquals(x, back, 1e-5f);
	}

	@ParameterizedTest
	@CsvSource({ "5,7", "6,4" })
	void constantImageHasAllItsEnergyAtTheCentre(final int h, final int w) {
		final float[] x = new float[2 * h * w];
		for (int i = 0; i < h * w; i++) {
			x[i] = 2f;
			x[h * w + i] = -1f;
		}
		final float[] k = new CenteredFft2(h, w).apply(x);
		final int dc = (h / 2) * w + w / 2;
		final double s = Math.sqrt(h * w);
		for (int i = 0; i < h * w; i++) {
			assertEquals(i == dc ? 2 * s : 0, k[i], 1e-5, "real part at " + i);
			assertEquals(i == dc ? -s : 0, k[h * w + i], 1e-5, "imaginary part at " + i);
		}
	}

	@Test
	void centredImpulseHasFlatSpectrum() {
		final int h = 7, w = 6;
		final float[] x = new float[2 * h * w];
		x[(h / 2) * w + w / 2] = 1f;
		final float[] k = new CenteredFft2(h, w).apply(x);
		for (int i = 0; i < h * w; i++) {
			assertEquals(1 / Math.sqrt(h * w), k[i], 1e-6, "real part at " + i);
			assertEquals(0, k[h * w + i], 1e-6, "imaginary part at " + i);
		}
	}

	@ParameterizedTest
	@CsvSource({ "6,5", "8,8", "9,7" })
	void passesAdjointAndNormalTests(final int h, final int w) {
		final CenteredFft2 f = new CenteredFft2(h, w);
		OperatorAssertions.assertAdjoint(f);
		OperatorAssertions.assertNormal(f);
		assertEquals(1.0, f.norm(), 1e-5);
	}

	@Test
	void refusesSizesBelowTwo() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new CenteredFft2(1, 8));
		assertTrue(e.getMessage().contains("'height'"), e.getMessage());
		final IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
			() -> new CenteredFft2(8, 1));
		assertTrue(w.getMessage().contains("'width'"), w.getMessage());
		OperatorAssertions.assertAdjoint(new CenteredFft2(2, 2));
	}

	@Test
	void concurrentCallsGiveTheSequentialResult() throws Exception {
		final CenteredFft2 f = new CenteredFft2(64, 48);
		final List<float[]> inputs = new ArrayList<>();
		final List<float[]> expected = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			inputs.add(OperatorAssertions.gaussian(2 * 64 * 48, new Random(i)));
			expected.add(f.apply(inputs.get(i)));
		}
		final ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			final List<Future<float[]>> got = new ArrayList<>();
			for (int rep = 0; rep < 4; rep++) {
				for (final float[] in : inputs) got.add(pool.submit(() -> f.apply(in)));
			}
			for (int i = 0; i < got.size(); i++) {
				assertArrayEquals(expected.get(i % 16), got.get(i).get(), "call " + i);
			}
		}
		finally {
			pool.shutdown();
		}
	}
}
