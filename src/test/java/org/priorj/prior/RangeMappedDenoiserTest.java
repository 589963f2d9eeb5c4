package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.prior.PriorAssertions.assertRefused;
import static org.priorj.prior.PriorAssertions.gaussian;
import static org.priorj.prior.PriorAssertions.maxAbsDifference;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

class RangeMappedDenoiserTest {

	private static final Shape BATCH = Shape.of(2, 1, 8, 8);

	@Test
	void unitRangeGaussianOnMinusOneToOneIsTheRescaledGaussian() {
		// x0 ~ N(0.4, 0.2^2) on [0, 1] is 2 x0 - 1 ~ N(-0.2, 0.4^2) on [-1, 1]
		final Denoiser mapped = new RangeMappedDenoiser(DiagonalGaussianDenoiser.uniform(1, 0.4,
			0.2, 0, 1), -1, 1);
		final Denoiser direct = DiagonalGaussianDenoiser.uniform(1, -0.2, 0.4, -1, 1);
		final float[] x = gaussian(BATCH.size(), 0, 0.7, 1);
		final float[] copy = x.clone();
		double worst = 0;
		for (final double sigma : new double[] { 0, 0.02, 0.3, 2 }) {
			worst = Math.max(worst, maxAbsDifference(mapped.denoise(x, BATCH, sigma), direct.denoise(
				x, BATCH, sigma)));
		}
		assertTrue(worst < 1e-6, "max error " + worst);
		assertArrayEquals(copy, x);
		assertEquals(-1, mapped.low(), 0);
		assertEquals(1, mapped.high(), 0);
		assertEquals("gaussian-diagonal", mapped.name());
	}

	@Test
	void stationaryPriorMapsToTheRescaledStationaryPrior() {
		// [0, 1] onto [0, 255]: mean x 255, spectrum x 255^2
		final StationaryGaussianDenoiser unit = StationaryGaussianDenoiser.parametric(1, 0.3, 0.02,
			0.1, 1, 0, 1);
		final Denoiser mapped = new RangeMappedDenoiser(unit, 0, 255);
		final Denoiser direct = StationaryGaussianDenoiser.parametric(1, 0.3 * 255, 0.02 * 255 * 255,
			0.1, 1, 0, 255);
		final float[] x = gaussian(BATCH.size(), 80, 60, 2);
		for (final double sigma : new double[] { 0, 5, 25, 100 }) {
			final double err = maxAbsDifference(mapped.denoise(x, BATCH, sigma), direct.denoise(x,
				BATCH, sigma));
			assertTrue(err < 1e-4, "sigma " + sigma + ": max error " + err);
		}
	}

	@Test
	void unitDenoiserSeesHalfTheNoiseAndTheShiftedData() {
		final double[] seen = new double[2];
		final Denoiser unit = new Denoiser() {

			@Override
			public String name() {
				return "recorder";
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
			public double minSigma() {
				return 0.01;
			}

			@Override
			public double maxSigma() {
				return 0.5;
			}

			@Override
			public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
				seen[0] = sigma;
				seen[1] = x[0];
				return new float[] { 0.75f };
			}
		};
		final Denoiser mapped = new RangeMappedDenoiser(unit, -1, 1);
		final float[] out = mapped.denoise(new float[] { -0.5f }, Shape.of(1, 1, 1, 1), 0.2);
		assertEquals(0.1, seen[0], 1e-15);
		assertEquals(0.25, seen[1], 0);
		assertEquals(0.5, out[0], 0);
		assertEquals(0.02, mapped.minSigma(), 1e-15);
		assertEquals(1, mapped.maxSigma(), 1e-15);
		assertEquals(unit, ((RangeMappedDenoiser) mapped).inner());
	}

	@Test
	void refusesBadInputNamingIt() {
		final Denoiser mapped = new RangeMappedDenoiser(DiagonalGaussianDenoiser.uniform(1, 0.4, 0.2,
			0, 1), -1, 1);
		assertRefused("range", () -> new RangeMappedDenoiser(mapped, 1, -1));
		assertRefused("range", () -> new RangeMappedDenoiser(mapped, 0, Double.NaN));
		assertRefused("denoiser", () -> new RangeMappedDenoiser(null, 0, 1));
		assertRefused("sigma", () -> mapped.denoise(new float[64], Shape.of(1, 1, 8, 8), -1));
		assertRefused("x", () -> mapped.denoise(new float[64], Shape.of(8, 8), 0.1));
		assertRefused("x", () -> mapped.denoise(new float[128], Shape.of(1, 2, 8, 8), 0.1));
	}
}
