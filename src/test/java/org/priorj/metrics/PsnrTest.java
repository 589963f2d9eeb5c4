package org.priorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.metrics.SsimReferenceTest.assertMessage;

import org.junit.jupiter.api.Test;

class PsnrTest {

	@Test
	void constantErrorGivesTwentyLog10RangeOverError() {
		final float[] a = new float[100], b = new float[100];
		for (int i = 0; i < a.length; i++) {
			a[i] = i;
			b[i] = i + (i % 2 == 0 ? 2 : -2);
		}
		assertEquals(20 * Math.log10(255 / 2.0), Psnr.compute(a, b, 255), 1e-12);
	}

	@Test
	void identicalImagesGiveInfinity() {
		final float[] a = { 1, 2, 3 };
		assertEquals(Double.POSITIVE_INFINITY, Psnr.compute(a, a.clone(), 1));
	}

	@Test
	void maskRestrictsTheError() {
		final float[] a = new float[8 * 8], b = new float[8 * 8];
		b[0] = 100; // a corner, outside the inscribed disk
		b[4 * 8 + 4] = 1; // inside
		final boolean[] disk = Masks.inscribedDisk(8, 8);
		assertTrue(!disk[0] && disk[4 * 8 + 4]);
		int n = 0;
		for (final boolean m : disk) n += m ? 1 : 0;
		assertEquals(10 * Math.log10(n), Psnr.compute(a, b, 1, disk), 1e-12);
		assertTrue(Psnr.compute(a, b, 1) < 0);
	}

	@Test
	void matchesScikitImageOnCamera() {
		// From /usr/bin/python3 scripts/ssim_reference.py (peak_signal_noise_ratio).
		final CameraDistortions c = new CameraDistortions();
		assertEquals(23.1240418137, Psnr.compute(c.reference, c.pattern(), 255), 1e-6);
		assertEquals(29.4536588086, Psnr.compute(c.reference, c.blur(), 255), 1e-6);
		assertEquals(14.9932382050, Psnr.compute(c.reference, c.pattern(), 100), 1e-6);
	}

	@Test
	void refusesBadInputNamingTheParameter() {
		final float[] a = new float[4], nan = new float[4];
		nan[1] = Float.NaN;
		assertMessage("estimate", () -> Psnr.compute(a, new float[5], 1));
		assertMessage("estimate", () -> Psnr.compute(a, nan, 1));
		assertMessage("reference", () -> Psnr.compute(nan, a, 1));
		assertMessage("data_range", () -> Psnr.compute(a, a.clone(), 0));
		assertMessage("data_range", () -> Psnr.compute(a, a.clone(), -1));
		assertMessage("mask", () -> Psnr.compute(a, a.clone(), 1, new boolean[4]));
		assertMessage("mask", () -> Psnr.compute(a, a.clone(), 1, new boolean[3]));
	}
}
