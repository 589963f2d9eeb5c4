package org.priorj.image.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

public class EllipsePhantomTest {

	/*
	 * Reference numbers from the numpy generator in shared/anchors/phantoms.py (ODL conventions,
	 * array order (x, y[, z])), mapped to PriorJ's layout by image = odl.T[::-1]:
	 *
	 * /usr/bin/python3 -c "import sys; sys.path.insert(0, 'anchors'); import numpy as np, phantoms
	 * j = phantoms.shepp_logan(128, True).T[::-1]; print(j.astype(np.float64).sum(), j[41, 64], ...)
	 * v = np.transpose(phantoms.shepp_logan_3d(33, True), (2, 1, 0))[:, ::-1, :]; print(v.sum(), ...)"
	 *
	 * numpy adds the 2-D ellipses in float64 and the 3-D ones in float32; PriorJ adds in float32,
	 * so values agree to about 1e-7.
	 */
	private static final int N = 128;
	private static final int[][] PIXELS = { { 41, 64 }, { 64, 40 }, { 64, 87 }, { 102, 59 }, { 102,
		64 }, { 101, 66 }, { 88, 64 }, { 7, 64 }, { 5, 64 }, { 0, 0 } };
	private static final double[] MODIFIED = { 0.3, 0, 0.2, 0.3, 0.3, 0.3, 0.2, 1.0, 0, 0 };
	private static final double[] ORIGINAL = { 1.03, 1.0, 1.02, 1.03, 1.03, 1.03, 1.02, 2.0, 0, 0 };

	@Test
	void modifiedSheppLoganMatchesNumpyReference() {
		final float[] img = EllipsePhantom.sheppLogan(N, true);
		assertEquals(N * N, img.length);
		assertEquals(1992.500024, sum(img), 1e-3);
		for (int i = 0; i < PIXELS.length; i++) assertEquals(MODIFIED[i], img[PIXELS[i][0] * N +
			PIXELS[i][1]], 1e-6, Arrays.toString(PIXELS[i]));
		// the support of the head: numpy's dark ellipses sum to -5.6e-17, PriorJ's to -1.5e-8
		assertEquals(8040, nonZero(img));
	}

	@Test
	void originalSheppLoganMatchesNumpyReference() {
		final float[] img = EllipsePhantom.sheppLogan(N, false);
		assertEquals(8872.849877, sum(img), 1e-3);
		for (int i = 0; i < PIXELS.length; i++) assertEquals(ORIGINAL[i], img[PIXELS[i][0] * N +
			PIXELS[i][1]], 1e-6, Arrays.toString(PIXELS[i]));
	}

	@Test
	void sheppLogan3dMatchesNumpyReference() {
		final int n = 33;
		final float[] vol = EllipsePhantom.sheppLogan3d(n, true);
		assertEquals(n * n * n, vol.length);
		assertEquals(2543.199904, sum(vol), 1e-3);
		assertEquals(9994.219857, sum(EllipsePhantom.sheppLogan3d(n, false)), 1e-3);
		final int[][] voxels = { { 16, 16, 16 }, { 16, 10, 16 }, { 4, 16, 16 }, { 28, 16, 16 }, { 16,
			16, 10 }, { 16, 16, 21 }, { 11, 10, 16 }, { 1, 16, 16 } };
		final double[] expected = { 0.2, 0.3, 0.2, 0.2, 0, 0, 0.3, 0 };
		for (int i = 0; i < voxels.length; i++) assertEquals(expected[i], vol[(voxels[i][0] * n +
			voxels[i][1]) * n + voxels[i][2]], 1e-6, Arrays.toString(voxels[i]));
	}

	@Test
	void middleSliceOf3dPhantomIs2dPhantom() {
		final int n = 33;
		final float[] vol = EllipsePhantom.sheppLogan3d(n, true);
		assertArrayEquals(EllipsePhantom.sheppLogan(n, true), Arrays.copyOfRange(vol, 16 * n * n,
			17 * n * n));
	}

	@Test
	void standsUprightLikeScikitImagePhantom() {
		// test-images/shepp_logan_skimage.png: scikit-image's 400x400 modified phantom, 0..255
		final ImagePlus imp = IJ.openImage("test-images/shepp_logan_skimage.png");
		final ImageProcessor ip = imp.getProcessor();
		final int n = 400;
		final float[] ours = EllipsePhantom.sheppLogan(n, true);
		final float[] ref = new float[n * n], flipped = new float[n * n];
		for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) {
			ref[r * n + c] = ip.getf(c, r) / 255f;
			flipped[(n - 1 - r) * n + c] = ours[r * n + c];
		}
		assertTrue(correlation(ours, ref) > 0.999, "correlation " + correlation(ours, ref));
		assertTrue(correlation(flipped, ref) < 0.9, "flipped correlation " + correlation(flipped,
			ref));
	}

	@Test
	void rotatedOverlappingEllipsesMatchNumpyReference() {
		// E = [(1, .5, .2, .1, -.2, .7), (.5, .3, .1, -.4, .3, 2.5), (-.3, .15, .4, .5, .5, 4),
		//      (.8, .05, .6, 0, 0, 1.2)]; j = phantoms.ellipses_2d(100, E).T[::-1]
		// print(j.astype(np.float64).sum(), (j != 0).sum(), j[50, 50], j[60, 55], j[25, 75], j[35, 30])
		final float[] img = EllipsePhantom.render(100, List.of(new Ellipse(1, .5, .2, .1, -.2, .7),
			new Ellipse(.5, .3, .1, -.4, .3, 2.5), new Ellipse(-.3, .15, .4, .5, .5, 4), new Ellipse(.8,
				.05, .6, 0, 0, 1.2)));
		assertEquals(932.399991, sum(img), 1e-4);
		assertEquals(1587, nonZero(img));
		assertEquals(0.8, img[50 * 100 + 50], 1e-6);
		assertEquals(1.0, img[60 * 100 + 55], 1e-6);
		assertEquals(-0.3, img[25 * 100 + 75], 1e-6);
		assertEquals(0.5, img[35 * 100 + 30], 1e-6);
	}

	@Test
	void rotatedEllipseIsTiltedCounterClockwise() {
		final int n = 65;
		// long axis along +45 degrees: pixels up-right of the centre are inside, up-left are not
		final float[] img = EllipsePhantom.render(n, List.of(new Ellipse(1, 0.8, 0.1, 0, 0, Math.PI /
			4)));
		assertEquals(1, img[(32 - 16) * n + 32 + 16]);
		assertEquals(0, img[(32 - 16) * n + 32 - 16]);
	}

	@Test
	void refusesNonPositiveSize() {
		for (final int n : new int[] { 0, -3 }) {
			assertTrue(assertThrows(IllegalArgumentException.class, () -> EllipsePhantom.sheppLogan(n,
				true)).getMessage().contains("'size'"));
			assertTrue(assertThrows(IllegalArgumentException.class, () -> EllipsePhantom.sheppLogan3d(
				n, true)).getMessage().contains("'size'"));
		}
	}

	static double sum(final float[] a) {
		double s = 0;
		for (final float f : a) s += f;
		return s;
	}

	private static int nonZero(final float[] a) {
		int k = 0;
		for (final float f : a) if (f != 0) k++;
		return k;
	}

	/** Pearson correlation, shared by the image tests. */
	public static double correlation(final float[] a, final float[] b) {
		return org.priorj.metrics.Correlation.pearson(a, b);
	}

}
