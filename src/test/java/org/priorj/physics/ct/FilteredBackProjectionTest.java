package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilteredBackProjectionTest {

	@Test
	void rampReconstructsEllipsePhantomFrom180Views() {
		final int n = 128;
		final float[] truth = CtPhantoms.ellipses(n);
		final ParallelBeamProjector p = ParallelBeamProjector.of(n, n, ParallelBeamProjector
			.halfTurn(180));
		final float[] rec = FilteredBackProjection.ramp(p).apply(p.apply(truth));
		final boolean[] disk = CtPhantoms.inscribed(n);
		final double psnr = CtPhantoms.psnr(truth, rec, disk);
		assertTrue(psnr > 25, "PSNR " + psnr);
		assertEquals(1, CtPhantoms.mean(rec, disk) / CtPhantoms.mean(truth, disk), 0.05);
	}

	@Test
	void windowedFiltersReconstructAndSmooth() {
		final int n = 64;
		final float[] truth = CtPhantoms.ellipses(n);
		final ParallelBeamProjector p = ParallelBeamProjector.of(n, n, ParallelBeamProjector
			.halfTurn(90));
		final float[] sino = p.apply(truth);
		final boolean[] disk = CtPhantoms.inscribed(n);
		double previousRoughness = Double.POSITIVE_INFINITY;
		for (final FbpFilter f : FbpFilter.values()) {
			final float[] rec = new FilteredBackProjection(p, f).apply(sino);
			final double psnr = CtPhantoms.psnr(truth, rec, disk);
			final double roughness = roughness(rec, n);
			assertTrue(psnr > 18, f + " PSNR " + psnr);
			assertEquals(1, CtPhantoms.mean(rec, disk) / CtPhantoms.mean(truth, disk), 0.05);
			assertTrue(roughness < previousRoughness, f + " is not smoother than the one before");
			previousRoughness = roughness;
		}
	}

	@Test
	void analyticDiscSinogramReconstructsUnitDensity() {
		// Exact line integrals of a unit disc of radius r: 2 sqrt(r^2 - s^2).
		final int n = 64;
		final double r = 24;
		final ParallelBeamProjector p = ParallelBeamProjector.of(n, n, ParallelBeamProjector
			.halfTurn(120));
		final float[] sino = new float[p.range().size()];
		for (int a = 0; a < p.numAngles(); a++) {
			for (int k = 0; k < n; k++) {
				final double s = k - (n - 1) / 2.0;
				sino[a * n + k] = (float) (Math.abs(s) < r ? 2 * Math.sqrt(r * r - s * s) : 0);
			}
		}
		final float[] rec = FilteredBackProjection.ramp(p).apply(sino);
		final double c = (n - 1) / 2.0;
		for (int y = 0; y < n; y++) {
			for (int x = 0; x < n; x++) {
				final double d = Math.hypot(x - c, y - c);
				if (d < r - 3) assertEquals(1, rec[y * n + x], 0.03, "inside at " + x + "," + y);
				if (d > r + 3 && d < n / 2.0 - 1) assertEquals(0, rec[y * n + x], 0.03,
					"outside at " + x + "," + y);
			}
		}
	}

	@Test
	void filterResponsesMatchScikitImage() {
		// skimage.transform.radon_transform._get_fourier_filter(128, name)[k], scikit-image 0.19
		// via /usr/bin/python3, at k = 0, 1, 16, 32, 64.
		final int[] k = {0, 1, 16, 32, 64};
		final double[] ramp = {0.0031660294, 0.0152555293, 0.2500021748, 0.5, 0.9968339706};
		final double[] sheppLogan = {0.0031660294, 0.0152539977, 0.243625959, 0.4501581581,
			0.6346042154};
		final double[] r = FbpFilter.RAMP.response(128);
		final double[] s = FbpFilter.SHEPP_LOGAN.response(128);
		for (int i = 0; i < k.length; i++) {
			assertEquals(ramp[i], r[k[i]], 1e-8, "ramp at " + k[i]);
			assertEquals(sheppLogan[i], s[k[i]], 1e-8, "Shepp-Logan at " + k[i]);
		}
		// scikit-image's Hann window is numpy.hanning(P) shifted (0.2106 at k = 16, 0 at P/2); ours
		// is 0.5 (1 + cos(2 pi k / P)), which differs by O(1/P).
		final double[] h = FbpFilter.HANN.response(128);
		assertEquals(0.2106152911, h[16], 0.005);
		assertEquals(0, h[64], 1e-12);
	}

	@Test
	void refusesSinogramOfWrongSize() {
		final ParallelBeamProjector p = ParallelBeamProjector.of(16, 16, 0, 60, 120);
		final FilteredBackProjection fbp = FilteredBackProjection.ramp(p);
		ParallelBeamArgumentsTest.assertNames("sinogram", () -> fbp.apply(new float[3 * 17]));
		ParallelBeamArgumentsTest.assertNames("filter", () -> new FilteredBackProjection(p,
			null));
		ParallelBeamArgumentsTest.assertNames("projector", () -> new FilteredBackProjection(
			null, FbpFilter.HANN));
	}

	/** Mean squared difference between horizontal neighbours. */
	private static double roughness(final float[] img, final int n) {
		double s = 0;
		for (int y = 0; y < n; y++) {
			for (int x = 1; x < n; x++) {
				final double d = img[y * n + x] - img[y * n + x - 1];
				s += d * d;
			}
		}
		return s;
	}
}
