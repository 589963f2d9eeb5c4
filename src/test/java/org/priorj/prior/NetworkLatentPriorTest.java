package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.prior.PriorAssertions.assertRefused;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.priorj.base.Shape;
import org.priorj.image.phantom.RandomEllipses;
import org.priorj.train.PriorTrainer;
import org.priorj.train.TinyAutoencoder;

/**
 * A trained (tiny) compressive autoencoder as a {@link LatentPrior}: shapes, the registry's kind,
 * the loss's gradient against finite differences, refusals.
 */
class NetworkLatentPriorTest {

	@TempDir
	static Path dir;
	static Path folder;

	@BeforeAll
	static void trainTinyAutoencoder() throws Exception {
		folder = TinyAutoencoder.train(dir.resolve("tiny-cae"), "tiny-cae", 3);
	}

	@Test
	void encodesDecodesAndRatesAtTheAutoencodersScales() throws Exception {
		try (NetworkLatentPrior p = NetworkLatentPrior.load(folder, ai.djl.Device.cpu())) {
			final Shape image = Shape.of(2, 1, 128, 64);
			final float[] x = new float[image.size()];
			System.arraycopy(RandomEllipses.image(64, 3), 0, x, 0, 64 * 64);
			final Latents l = p.encode(x, image);
			assertEquals(Shape.of(2, 12, 8, 4), l.z().shape());
			assertEquals(Shape.of(2, 8, 2, 1), l.hyper().orElseThrow().shape());
			assertEquals(image.size(), p.decode(l.z()).length);
			final double bits = p.rate(l);
			assertTrue(bits > 0 && Double.isFinite(bits), "rate " + bits);
			assertEquals(64, p.multiple());
		}
	}

	@Test
	void theRegistryLoadsItAsALatentPriorAndNotAsADenoiser() throws Exception {
		final PriorRegistry r = PriorRegistries.withAllKinds(new PriorRegistry(List.of(dir),
			PriorDevice.resolve("cpu")));
		try {
			assertEquals("autoencoder", r.describe("tiny-cae").kind());
			final LatentPrior p = r.load("tiny-cae", LatentPrior.class);
			assertEquals("tiny-cae", p.name());
			assertRefused("prior", () -> r.load("tiny-cae"));
		}
		finally {
			r.releaseAll();
		}
	}

	@Test
	void theLossGradientMatchesFiniteDifferences() throws Exception {
		try (NetworkLatentPrior p = NetworkLatentPrior.load(folder, ai.djl.Device.cpu())) {
			final Shape image = Shape.of(1, 1, 64, 64);
			final Latents l = p.encode(RandomEllipses.image(64, 4), image);
			final float[] target = RandomEllipses.image(64, 5);
			final LatentPrior.ImageLoss loss = (x, g) -> {
				double s = 0;
				for (int i = 0; i < x.length; i++) {
					s += 0.5 * (x[i] - target[i]) * (x[i] - target[i]);
					g[i] = x[i] - target[i];
				}
				return s;
			};
			final double w = 0.05;
			final LatentPrior.Evaluation e = p.evaluate(l, loss, w);
			for (final int i : new int[] { 0, 5, 17 }) {
				final double numeric = (total(p, shifted(l, i, 0.01f, true), loss, w) - total(p, shifted(l, i,
					-0.01f, true), loss, w)) / 0.02;
				assertEquals(numeric, e.gradient().z().values()[i], 0.05 * Math.abs(numeric) + 1e-3, "z " + i);
			}
			final double numeric = (total(p, shifted(l, 1, 0.01f, false), loss, w) - total(p, shifted(l,
				1, -0.01f, false), loss, w)) / 0.02;
			assertEquals(numeric, e.gradient().hyper().orElseThrow().values()[1], 0.05 * Math.abs(
				numeric) + 1e-3, "h 1");
		}
	}

	private static double total(final LatentPrior p, final Latents l, final LatentPrior.ImageLoss loss,
		final double w)
	{
		final LatentPrior.Evaluation e = p.evaluate(l, loss, w);
		return e.imageLoss() + w * e.bits();
	}

	private static Latents shifted(final Latents l, final int i, final float by, final boolean z) {
		final Latent zl = l.z(), hl = l.hyper().orElseThrow();
		final float[] zv = zl.values().clone(), hv = hl.values().clone();
		if (z) zv[i] += by;
		else hv[i] += by;
		return Latents.of(new Latent(zv, zl.shape()), new Latent(hv, hl.shape()));
	}

	@Test
	void refusesWhatItCannotTakeNamingIt() throws Exception {
		try (NetworkLatentPrior p = NetworkLatentPrior.load(folder, ai.djl.Device.cpu())) {
			assertRefused("x", () -> p.encode(new float[48 * 64], Shape.of(1, 1, 48, 64)));
			assertRefused("x", () -> p.encode(new float[2 * 64 * 64], Shape.of(1, 2, 64, 64)));
			assertRefused("latent", () -> p.decode(new Latent(new float[16], Shape.of(1, 1, 4, 4))));
			final Latents l = p.encode(new float[64 * 64], Shape.of(1, 1, 64, 64));
			assertRefused("hyper-latent", () -> p.rate(Latents.of(l.z())));
		}
	}

	@Test
	void tamperedWeightsAreRefused(@TempDir final Path other) throws Exception {
		final Path copy = other.resolve("t");
		Files.createDirectories(copy);
		for (final String f : new String[] { "descriptor.json", PriorTrainer.WEIGHTS })
			Files.copy(folder.resolve(f), copy.resolve(f));
		final byte[] w = Files.readAllBytes(copy.resolve(PriorTrainer.WEIGHTS));
		w[w.length / 2] ^= 1;
		Files.write(copy.resolve(PriorTrainer.WEIGHTS), w);
		final String msg = assertThrows(IllegalArgumentException.class, () -> NetworkLatentPrior.load(
			copy, ai.djl.Device.cpu())).getMessage();
		assertTrue(msg.contains("SHA-256") || msg.contains("sha256"), msg);
	}
}
