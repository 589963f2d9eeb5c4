package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import org.priorj.base.Shape;

/**
 * Autoencoders exported from PyTorch by scripts/export_cae_torchscript.py
 * (src/test/resources/torchscript-cae): a small mean-scale hyperprior CAE computes here what
 * PyTorch computed at export (expected.json), gradients included; tampered, missing or malformed
 * modules are refused naming them.
 */
class TorchScriptLatentPriorTest {

	static final Path FIXTURES = Path.of("src/test/resources/torchscript-cae");

	@TempDir
	Path root;

	private PriorRegistry registry;

	@AfterEach
	void release() {
		if (registry != null) registry.releaseAll();
	}

	private PriorRegistry registry(final Path folder) {
		registry = PriorRegistries.withAllKinds(new PriorRegistry(List.of(folder), PriorDevice
			.resolve("cpu")));
		return registry;
	}

	/** The fixed 16 × 16 image of expected.json. */
	static float[] testImage() {
		final float[] x = new float[256];
		for (int i = 0; i < 16; i++)
			for (int j = 0; j < 16; j++) x[i * 16 + j] = (float) (0.5 + 0.4 * Math.sin(i / 3.0) * Math.cos(
				j / 5.0));
		return x;
	}

	private static double sum(final float[] a) {
		double s = 0;
		for (final float v : a) s += v;
		return s;
	}

	private static void close(final JsonObject expected, final String key, final double actual) {
		final double e = expected.get(key).getAsDouble();
		assertEquals(e, actual, 1e-4 * Math.max(1, Math.abs(e)), key);
	}

	private static void first(final JsonObject expected, final String key, final float[] actual) {
		final var a = expected.getAsJsonArray(key);
		for (int i = 0; i < a.size(); i++) assertEquals(a.get(i).getAsDouble(), actual[i], 1e-5, key +
			"[" + i + "]");
	}

	@Test
	void aCaeExportedFromPyTorchComputesHereWhatPyTorchComputed() throws IOException {
		final JsonObject expected = JsonParser.parseString(Files.readString(FIXTURES.resolve(
			"tiny-cae/expected.json"), StandardCharsets.UTF_8)).getAsJsonObject();
		final LatentPrior cae = registry(FIXTURES).load("tiny-cae", LatentPrior.class);
		assertEquals(8, cae.multiple());
		assertTrue(cae.decodesStd());
		final float[] x = testImage();
		final float[] x0 = x.clone();
		final Latents latents = cae.encode(x, Shape.of(1, 1, 16, 16));
		assertArrayEquals(x0, x, "the image is not modified");
		assertEquals(Shape.of(1, 4, 4, 4), latents.z().shape());
		assertEquals(Shape.of(1, 4, 2, 2), latents.hyper().orElseThrow().shape());
		close(expected, "z_sum", sum(latents.z().values()));
		first(expected, "z_first", latents.z().values());
		close(expected, "h_sum", sum(latents.hyper().get().values()));
		final float[] decoded = cae.decode(latents.z());
		close(expected, "decoded_sum", sum(decoded));
		first(expected, "decoded_first", decoded);
		close(expected, "bits", cae.rate(latents));
		close(expected, "std_sum", sum(cae.decodeStd(latents.z()).orElseThrow()));
		final LatentPrior.Evaluation e = cae.evaluate(latents, (image, g) -> {
			java.util.Arrays.fill(g, 1f);
			return sum(image);
		}, expected.get("rate_weight").getAsDouble());
		close(expected, "decoded_sum", e.imageLoss());
		close(expected, "bits", e.bits());
		close(expected, "z_gradient_sum", sum(e.gradient().z().values()));
		first(expected, "z_gradient_first", e.gradient().z().values());
		close(expected, "h_gradient_sum", sum(e.gradient().hyper().orElseThrow().values()));
	}

	@Test
	void aBatchEncodesEachImageAsAlone() {
		final LatentPrior cae = registry(FIXTURES).load("tiny-cae", LatentPrior.class);
		final float[] one = testImage(), two = new float[512];
		System.arraycopy(one, 0, two, 0, 256);
		for (int i = 0; i < 256; i++) two[256 + i] = 1 - one[i];
		final Latents single = cae.encode(one, Shape.of(1, 1, 16, 16));
		final Latents batch = cae.encode(two, Shape.of(2, 1, 16, 16));
		assertEquals(Shape.of(2, 4, 4, 4), batch.z().shape());
		for (int i = 0; i < 64; i++) assertEquals(single.z().values()[i], batch.z().values()[i], 1e-6);
		assertEquals(512, cae.decode(batch.z()).length);
	}

	private Path copyOfTiny() throws IOException {
		final Path dir = Files.createDirectories(root.resolve("copy"));
		try (var files = Files.list(FIXTURES.resolve("tiny-cae"))) {
			for (final Path f : (Iterable<Path>) files::iterator) Files.copy(f, dir.resolve(f
				.getFileName()));
		}
		return dir;
	}

	/** Rewrites the copy's descriptor: the original modules, then {@code change}. */
	private static void edit(final Path dir, final JsonObject modules,
		final java.util.function.Consumer<JsonObject> change) throws IOException
	{
		final Path file = dir.resolve(PriorDescriptor.FILE);
		final JsonObject d = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
		d.addProperty("name", "copy");
		d.add("modules", modules.deepCopy());
		change.accept(d);
		Files.writeString(file, d.toString());
	}

	private static void assertRefuses(final String parameter, final Executable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
		assertTrue(e.getMessage().contains("Parameter '" + parameter + "'"), e.getMessage());
	}

	@Test
	void refusesTamperedMissingOrMalformedModulesNamingThem() throws IOException {
		final Path dir = copyOfTiny();
		final JsonObject modules = JsonParser.parseString(Files.readString(dir.resolve(
			PriorDescriptor.FILE))).getAsJsonObject().getAsJsonObject("modules");
		edit(dir, modules, d -> d.getAsJsonObject("modules").getAsJsonObject("synthesis").addProperty(
			"sha256", "00" + modules.getAsJsonObject("synthesis").get("sha256").getAsString()
				.substring(2)));
		assertRefuses("modules.synthesis.sha256", () -> registry(root).load("copy"));
		registry.releaseAll();
		edit(dir, modules, d -> d.getAsJsonObject("modules").remove("rate"));
		assertRefuses("modules.rate", () -> registry(root).load("copy"));
		registry.releaseAll();
		Files.writeString(dir.resolve("junk.pt"), "not a TorchScript archive");
		edit(dir, modules, d -> {
			final JsonObject a = d.getAsJsonObject("modules").getAsJsonObject("analysis");
			a.addProperty("file", "junk.pt");
			a.addProperty("sha256", PriorDescriptor.sha256(dir.resolve("junk.pt")));
		});
		assertRefuses("modules.analysis", () -> registry(root).load("copy"));
		registry.releaseAll();
		edit(dir, modules, d -> d.getAsJsonObject("modules").add("rate", modules.getAsJsonObject(
			"synthesis").deepCopy()));
		final LatentPrior imageAsRate = registry(root).load("copy", LatentPrior.class);
		final Latents l = imageAsRate.encode(testImage(), Shape.of(1, 1, 16, 16));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
			imageAsRate.rate(Latents.of(l.z())));
		assertTrue(e.getMessage().contains("Parameter 'modules.rate'") && e.getMessage().contains(
			"one number"), e.getMessage());
		registry.releaseAll();
		Files.copy(dir.resolve("rate.pt"), dir.resolve("rate.bin"));
		edit(dir, modules, d -> d.getAsJsonObject("modules").getAsJsonObject("rate").addProperty(
			"file", "rate.bin"));
		assertRefuses("modules.rate", () -> registry(root).load("copy"));
		registry.releaseAll();
		edit(dir, modules, d -> d.remove("modules"));
		assertRefuses("modules", () -> registry(root).load("copy"));
		registry.releaseAll();
		edit(dir, modules, d -> {
			d.getAsJsonObject("modules").getAsJsonObject("variance").addProperty("file",
				"../tiny-cae/variance.pt");
		});
		assertRefuses("modules.variance", () -> registry(root).load("copy"));
		registry.releaseAll();
		edit(dir, modules, d -> d.add("value_range", JsonParser.parseString("[-1, 1]")));
		final LatentPrior wide = registry(root).load("copy", LatentPrior.class);
		assertEquals(-1.0, wide.low());
		assertEquals(1.0, wide.high());
	}

	@Test
	void refusesImagesAndLatentsTheModulesCannotTakeNamingThem() {
		final PriorRegistry r = registry(FIXTURES);
		final LatentPrior cae = r.load("tiny-cae", LatentPrior.class);
		assertRefuses("x", () -> cae.encode(new float[12 * 16], Shape.of(1, 1, 12, 16)));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cae
			.decode(new Latent(new float[3 * 16], Shape.of(1, 3, 4, 4))));
		assertTrue(e.getMessage().startsWith("Parameter 'modules.synthesis': a module that fails on " +
			"inputs of shape (1, 3, 4, 4) (The following operation failed") && e.getMessage().contains(
				" … "), e.getMessage());
		assertRefuses("kind", () -> TorchScriptLatentPrior.load(PriorDescriptor.read(Path.of(
			"models/natural-gray")), PriorDevice.resolve("cpu")));
		assertRefuses("prior", () -> r.load("tiny-cae", Denoiser.class));
	}

	@Test
	void theLinearGaussianExportIsItsClosedForm() {
		final LatentPrior lg = registry(FIXTURES).load("linear-gaussian", LatentPrior.class);
		final double[][] w = linearGaussianW();
		final float[] x = { 0.9f, 0.1f, 0.5f, 0.3f, 0.7f, 0.2f };
		final double[] c = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 }, offset = { 0.3, -0.2, 0.1, 0.5 };
		final Latents l = lg.encode(x, Shape.of(1, 1, 1, 6));
		double bits = 0;
		for (int j = 0; j < 4; j++) {
			double z = 0;
			for (int i = 0; i < 6; i++) z += w[i][j] * (x[i] - c[i]);
			assertEquals(z, l.z().values()[j], 1e-6);
			assertEquals(z + offset[j], l.hyper().orElseThrow().values()[j], 1e-6);
			bits += (z * z + (z + offset[j]) * (z + offset[j])) / (2 * Math.log(2));
		}
		assertEquals(bits, lg.rate(l), 1e-5);
		final float[] std = lg.decodeStd(l.z()).orElseThrow();
		assertArrayEquals(new float[] { 0.05f, 0.1f, 0.15f, 0.2f, 0.25f, 0.3f }, std, 1e-7f);
	}

	@Test
	void withoutHyperLatentOrVarianceDecoderOnlyZIsEncodedAndDifferentiated() {
		final LatentPrior lg = registry(FIXTURES).load("linear-gaussian-z", LatentPrior.class);
		assertTrue(!lg.decodesStd() && lg.decodeStd(new Latent(new float[4], Shape.of(1, 4, 1, 1)))
			.isEmpty(), "no variance decoder");
		final double[][] w = linearGaussianW();
		final float[] x = { 0.9f, 0.1f, 0.5f, 0.3f, 0.7f, 0.2f };
		final double[] c = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
		final Latents l = lg.encode(x, Shape.of(1, 1, 1, 6));
		assertTrue(l.hyper().isEmpty());
		final float[] g = new float[6];
		final LatentPrior.Evaluation e = lg.evaluate(l, (image, grad) -> {
			System.arraycopy(image, 0, g, 0, 6);
			java.util.Arrays.fill(grad, 1f);
			return 0;
		}, 2);
		assertTrue(e.gradient().hyper().isEmpty());
		for (int j = 0; j < 4; j++) {
			double col = 0;
			for (int i = 0; i < 6; i++) col += w[i][j];
			// d/dz_j of sum(W z + c) + 2 z^2 / (2 ln 2) = sum_i W_ij + 2 z_j / ln 2
			assertEquals(col + 2 * l.z().values()[j] / Math.log(2), e.gradient().z().values()[j], 1e-5);
		}
		for (int i = 0; i < 6; i++) {
			double d = c[i];
			for (int j = 0; j < 4; j++) d += w[i][j] * l.z().values()[j];
			assertEquals(d, g[i], 1e-5, "the decoded image W z + c at " + i);
		}
		assertEquals(0.0, lg.low());
		assertEquals(1.0, lg.high());
		assertEquals(1, lg.multiple());
	}

	/** W of the linear–Gaussian export: (i + 1)(j + 2) mod 7 / 7 - 0.4, as the script builds it. */
	static double[][] linearGaussianW() {
		final double[][] w = new double[6][4];
		for (int i = 0; i < 6; i++)
			for (int j = 0; j < 4; j++) w[i][j] = (float) ((i + 1) * (j + 2) % 7 / 7.0 - 0.4);
		return w;
	}
}
