package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.prior.PriorAssertions.assertRefused;
import static org.priorj.prior.PriorAssertions.gaussian;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

/** The latent-prior conventions, on the identity prior. */
class LatentPriorTest {

	private static final LatentPrior PRIOR = new IdentityLatentPrior(1, 1, 0, 1);

	@Test
	void encodeThenDecodeIsTheIdentity() {
		final Shape batch = Shape.of(2, 1, 4, 6);
		final float[] x = gaussian(batch.size(), 0.5, 0.3, 1);
		final Latents zh = PRIOR.encode(x, batch);
		assertTrue(zh.hyper().isEmpty());
		final Latent z = zh.z();
		assertEquals(batch, z.shape());
		assertArrayEquals(x, PRIOR.decode(z));
		z.values()[0] = 7;
		assertTrue(x[0] != 7, "the latent must not share the image's array");
	}

	@Test
	void rateIsTheBinnedGaussianCodeLength() {
		// scipy: -log2(norm.cdf(0.5) - norm.cdf(-0.5)) = 1.3848665342909896 bits per zero value;
		// with scale 2 and z = 1.3: -log2(cdf(-0.4) - cdf(-0.9)) = 2.6391918132817205
		final Shape shape = Shape.of(1, 1, 2, 5);
		assertEquals(10 * 1.3848665342909896, PRIOR.rate(Latents.of(new Latent(new float[10], shape))), 1e-9);
		final float[] z = new float[10];
		Arrays.fill(z, 1.3f);
		final double expected = 10 * 2.6391918132817205;
		assertEquals(expected, new IdentityLatentPrior(1, 2, 0, 1).rate(Latents.of(new Latent(z, shape))), 1e-5);
		// far out in the tail the likelihood bound caps the cost at -log2(1e-9) bits per value
		Arrays.fill(z, 1e4f);
		assertEquals(10 * Math.log(1e9) / Math.log(2), PRIOR.rate(Latents.of(new Latent(z, shape))), 1e-9);
	}

	@Test
	void evaluationGivesTheLossAndItsGradientByFiniteDifferences() {
		final LatentPrior prior = new IdentityLatentPrior(1, 0.7, 0, 1);
		final Shape shape = Shape.of(1, 1, 1, 6);
		final float[] z = { -1.2f, -0.3f, 0f, 0.2f, 0.9f, 2.4f };
		final float[] target = { 0.1f, 0.5f, -0.4f, 0.3f, 1f, 2f };
		final LatentPrior.ImageLoss loss = (x, g) -> {
			double l = 0;
			for (int i = 0; i < x.length; i++) {
				l += 0.5 * (x[i] - target[i]) * (x[i] - target[i]);
				g[i] = x[i] - target[i];
			}
			return l;
		};
		final double w = 0.3;
		final LatentPrior.Evaluation e = prior.evaluate(Latents.of(new Latent(z, shape)), loss, w);
		assertArrayEquals(z, e.image());
		assertEquals(prior.rate(Latents.of(new Latent(z, shape))), e.bits(), 1e-9);
		final float[] g = e.gradient().z().values();
		for (int i = 0; i < z.length; i++) {
			final double h = 1e-3;
			final float[] up = z.clone(), down = z.clone();
			up[i] += h;
			down[i] -= h;
			final LatentPrior.Evaluation eu = prior.evaluate(Latents.of(new Latent(up, shape)), loss, w);
			final LatentPrior.Evaluation ed = prior.evaluate(Latents.of(new Latent(down, shape)), loss,
				w);
			final double numeric = (eu.imageLoss() + w * eu.bits() - ed.imageLoss() - w * ed.bits()) /
				(up[i] - down[i]);
			assertEquals(numeric, g[i], 2e-3 * Math.max(1, Math.abs(numeric)), "entry " + i);
		}
	}

	@Test
	void refusesBadInputNamingIt() {
		assertRefused("latent", () -> new Latent(new float[4], Shape.of(2, 2)));
		assertRefused("latent", () -> new Latent(new float[3], Shape.of(1, 1, 2, 2)));
		assertRefused("x", () -> PRIOR.encode(new float[8], Shape.of(1, 2, 2, 2)));
		assertRefused("latent", () -> PRIOR.decode(new Latent(new float[8], Shape.of(1, 2, 2, 2))));
		assertRefused("scale", () -> new IdentityLatentPrior(1, 0, 0, 1));
	}
}
