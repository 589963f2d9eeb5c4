package org.priorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SSIM against scikit-image 0.19 on the camera image. Reference numbers printed by
 * {@code /usr/bin/python3 scripts/ssim_reference.py} (structural_similarity with
 * gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range as given); the
 * agreement measured is about 4e-11, the rounding of the printed numbers.
 */
class SsimReferenceTest {

	private static final CameraDistortions CAMERA = new CameraDistortions();

	private static double ssim(final float[] estimate, final double range) {
		return Ssim.compute(CAMERA.reference, estimate, CAMERA.height, CAMERA.width, range);
	}

	@Test
	void cameraIs512Square8Bit() {
		assertEquals(512, CAMERA.height);
		assertEquals(512, CAMERA.width);
	}

	@Test
	void matchesScikitImageOnCamera() {
		assertEquals(0.8048480137, ssim(CAMERA.pattern(), 255), 1e-9);
		assertEquals(0.8502584880, ssim(CAMERA.blur(), 255), 1e-9);
		assertEquals(0.9290629527, ssim(CAMERA.poster(), 255), 1e-9);
		assertEquals(0.6354019754, ssim(CAMERA.pattern(), 100), 1e-9);
	}

	@Test
	void identicalImagesScoreOne() {
		assertEquals(1, ssim(CAMERA.reference.clone(), 255), 1e-12);
	}

	@Test
	void cropExcludesTheFilterRadius() {
		// A change confined to the outer 5 pixels changes the map there but not the mean.
		final float[] edge = CAMERA.reference.clone();
		for (int x = 0; x < CAMERA.width; x++) edge[x] += 50;
		final double[] map = Ssim.map(CAMERA.reference, edge, CAMERA.height, CAMERA.width, 255);
		assertTrue(map[0] < 0.99);
		assertTrue(ssim(edge, 255) < 1);
		assertTrue(ssim(edge, 255) > 0.999);
	}

	@Test
	void refusesBadInputNamingTheParameter() {
		final float[] a = new float[16 * 16], b = new float[16 * 15], nan = new float[16 * 16];
		nan[3] = Float.NaN;
		assertMessage("estimate", () -> Ssim.compute(a, b, 16, 16, 1));
		assertMessage("estimate", () -> Ssim.compute(a, nan, 16, 16, 1));
		assertMessage("data_range", () -> Ssim.compute(a, a.clone(), 16, 16, 0));
		assertMessage("reference", () -> Ssim.compute(new float[100], new float[100], 10, 10, 1));
		assertMessage("reference", () -> Ssim.compute(a, a.clone(), 16, 17, 1));
	}

	static void assertMessage(final String parameter, final Runnable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
		assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
	}
}
