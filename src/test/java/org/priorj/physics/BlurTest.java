package org.priorj.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BlurTest {

	/** Direct spatial convolution with the boundary's index rule: the definition Blur must equal. */
	private static float[] direct(final float[] x, final int h, final int w, final Kernel k,
		final Boundary b)
	{
		final float[] y = new float[h * w];
		for (int r = 0; r < h; r++)
			for (int c = 0; c < w; c++) {
				double s = 0;
				for (int i = 0; i < k.height(); i++)
					for (int j = 0; j < k.width(); j++) {
						final int sr = b.source(r - (i - k.centerY()), h);
						final int sc = b.source(c - (j - k.centerX()), w);
						if (sr >= 0 && sc >= 0) s += k.at(i, j) * x[sr * w + sc];
					}
				y[r * w + c] = (float) s;
			}
		return y;
	}

	private static float[] positive(final int n, final Random rnd) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = rnd.nextFloat();
		return v;
	}

	@Test
	void equalsDirectConvolutionForEveryBoundaryAndOddOrEvenKernels() {
		final Random rnd = new Random(3);
		final int h = 17, w = 23;
		final float[] x = OperatorAssertions.gaussian(h * w, rnd);
		final Kernel[] kernels = { Kernel.gaussian(1.3), Kernel.box(4), Kernel.motion(7, 30),
			Kernel.of(positive(15, rnd), 3, 5) };
		for (final Boundary b : Boundary.values())
			for (final Kernel k : kernels) {
				final float[] got = new Blur(h, w, k, b).apply(x);
				final float[] want = direct(x, h, w, k, b);
				for (int i = 0; i < got.length; i++)
					assertEquals(want[i], got[i], 1e-4, b + " " + k.width() + "x" + k.height() + " at " + i);
			}
	}

	@Test
	void separablePassesRunInParallelOnLargeImagesWithTheSameResult() {
		// 184 x 200 values exceed LineConvolution.PARALLEL_MIN, so the lines are split over threads
		final Random rnd = new Random(5);
		final int h = 184, w = 200;
		assertTrue(h * w >= LineConvolution.PARALLEL_MIN);
		final float[] x = OperatorAssertions.gaussian(h * w, rnd);
		for (final Boundary b : Boundary.values()) {
			final Blur blur = new Blur(h, w, Kernel.gaussian(2), b);
			final float[] got = blur.apply(x);
			final float[] want = direct(x, h, w, Kernel.gaussian(2), b);
			for (int i = 0; i < got.length; i++)
				assertEquals(want[i], got[i], 1e-4, b + " at " + i);
			OperatorAssertions.assertAdjoint(blur);
		}
	}

	@Test
	void hasNoWrapAroundAtTheBorder() {
		final int n = 32;
		final float[] x = new float[n * n];
		x[n * (n / 2)] = 1; // impulse on the left border
		final float[] y = new Blur(n, n, Kernel.gaussian(2), Boundary.ZERO).apply(x);
		for (int r = 0; r < n; r++)
			for (int c = n - 8; c < n; c++) assertEquals(0, y[r * n + c], 1e-7);
	}

	@Test
	void keepsTheMeanOfAConstantImageWithReflectBoundary() {
		final float[] x = new float[20 * 20];
		java.util.Arrays.fill(x, 0.7f);
		for (final float v : new Blur(20, 20, Kernel.motion(9, 45), Boundary.REFLECT).apply(x))
			assertEquals(0.7, v, 1e-5);
	}

	@Test
	void passesAdjointTest() {
		for (final Boundary b : Boundary.values()) {
			OperatorAssertions.assertAdjoint(new Blur(19, 16, Kernel.gaussian(2), b));
			OperatorAssertions.assertNormal(new Blur(19, 16, Kernel.box(4), b));
			// a user's PSF with neither symmetry nor separability: its spectrum is complex, so the
			// adjoint must use its conjugate
			final float[] psf = OperatorAssertions.gaussian(5 * 4, new java.util.Random(8));
			for (int i = 0; i < psf.length; i++) psf[i] = Math.abs(psf[i]) + (i == 3 ? 4 : 0);
			OperatorAssertions.assertAdjoint(new Blur(19, 16, Kernel.of(psf, 5, 4), b));
		}
	}

	@Test
	void refusesBadPsfs() {
		final IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
			() -> Kernel.of(new float[9], 3, 3));
		assertTrue(zero.getMessage().contains("'psf'"), zero.getMessage());
		final float[] nan = new float[9];
		nan[4] = Float.NaN;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Kernel.of(nan, 3, 3))
			.getMessage().contains("'psf'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Kernel.of(new float[8], 3,
			3)).getMessage().contains("'psf'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Blur(8, 8, Kernel.box(9),
			Boundary.REFLECT)).getMessage().contains("larger than the image"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Blur(9, 8, Kernel.box(9),
			Boundary.REFLECT)).getMessage().contains("larger than the image"));
		// a PSF as large as the image is allowed
		OperatorAssertions.assertAdjoint(new Blur(9, 9, Kernel.box(9), Boundary.ZERO));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Kernel.gaussian(-1))
			.getMessage().contains("'sigma'"));
	}
}
