package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.prior.PriorAssertions.assertRefused;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.priorj.base.Shape;
import org.priorj.train.PriorTrainer;
import org.priorj.train.TinyAutoencoder;

/**
 * VBLE-xz's variance decoder in a prior folder: trained beside a frozen autoencoder, loaded with
 * it, its standard deviations bounded as the model says; a folder without one, a tampered or
 * missing one, refused naming the part.
 */
class VarianceDecoderTest {

	@TempDir
	static Path dir;
	static Path plain, withVariance;

	@BeforeAll
	static void train() throws Exception {
		plain = TinyAutoencoder.train(dir.resolve("tiny-cae"), "tiny-cae", 2);
		withVariance = TinyAutoencoder.trainVariance(plain, dir.resolve("tiny-cae-xz"), "tiny-cae-xz",
			2);
	}

	@Test
	void theFolderHoldsTheFrozenAutoencoderAndItsVarianceDecoder() throws Exception {
		assertEquals(-1, Files.mismatch(plain.resolve(PriorTrainer.WEIGHTS), withVariance.resolve(
			PriorTrainer.WEIGHTS)), "the autoencoder's weights are copied unchanged");
		final AutoencoderDescriptor d = AutoencoderDescriptor.read(withVariance);
		assertEquals("tiny-cae-xz", d.name);
		assertEquals("variance.params", d.variance.orElseThrow().weights());
		assertTrue(Files.isRegularFile(withVariance.resolve("variance-training.json")));
		assertTrue(Files.isRegularFile(withVariance.resolve("training.json")));
		assertTrue(AutoencoderDescriptor.read(plain).variance.isEmpty());
	}

	@Test
	void decodesAStandardDeviationPerPixelWithinTheModelsBounds() throws Exception {
		try (NetworkLatentPrior p = NetworkLatentPrior.load(withVariance, ai.djl.Device.cpu());
			NetworkLatentPrior q = NetworkLatentPrior.load(plain, ai.djl.Device.cpu()))
		{
			assertTrue(p.decodesStd());
			assertFalse(q.decodesStd());
			final Shape image = Shape.of(2, 1, 64, 128);
			final float[] x = new float[image.size()];
			for (int i = 0; i < x.length; i++) x[i] = (i % 97) / 97f;
			final Latents l = p.encode(x, image);
			final float[] std = p.decodeStd(l.z()).orElseThrow();
			assertEquals(image.size(), std.length);
			for (final float s : std)
				assertTrue(s >= VarianceDecoder.STD_FLOOR && s <= 1 + VarianceDecoder.STD_FLOOR, "std " + s);
			assertTrue(q.decodeStd(l.z()).isEmpty());
			final float[] mean = p.decode(l.z());
			final float[] same = q.decode(l.z());
			assertEquals(0, java.util.Arrays.compare(mean, same), "the mean decoder is the autoencoder's");
		}
	}

	private static Path copy(final Path from, final Path to) throws Exception {
		Files.createDirectories(to);
		try (var files = Files.list(from)) {
			for (final Path f : (Iterable<Path>) files::iterator)
				if (Files.isRegularFile(f)) Files.copy(f, to.resolve(f.getFileName()));
		}
		return to;
	}

	@Test
	void aTamperedOrMissingVarianceDecoderIsRefusedNamingIt(@TempDir final Path other)
		throws Exception
	{
		final Path tampered = copy(withVariance, other.resolve("tampered"));
		final byte[] w = Files.readAllBytes(tampered.resolve("variance.params"));
		w[w.length / 2] ^= 1;
		Files.write(tampered.resolve("variance.params"), w);
		assertRefused("variance_sha256", () -> NetworkLatentPrior.load(tampered, ai.djl.Device.cpu()));
		final Path missing = copy(withVariance, other.resolve("missing"));
		Files.delete(missing.resolve("variance.params"));
		assertRefused("variance_weights", () -> NetworkLatentPrior.load(missing, ai.djl.Device.cpu()));
		assertRefused("variance_decoder", () -> AutoencoderDescriptor.read(plain)
			.verifiedVarianceWeights(plain));
	}

	@Test
	void trainingAVarianceDecoderNeedsAnAutoencoder(@TempDir final Path other) {
		assertRefused("autoencoder", () -> TinyAutoencoder.trainVariance(null, other.resolve("x"), "x",
			1));
		assertRefused("autoencoder", () -> TinyAutoencoder.trainVariance(other, other.resolve("y"), "y", 1));
	}
}
