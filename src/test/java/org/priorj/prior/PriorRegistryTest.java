package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.base.Shape;

/**
 * The registry with TorchScript priors made by scripts/export_test_torchscript.py: exact Gaussian
 * MMSE denoisers, so every loaded prior can be checked against its closed form.
 */
class PriorRegistryTest {

	@TempDir
	Path root;

	private PriorRegistry registry;

	@AfterEach
	void release() {
		if (registry != null) registry.releaseAll();
	}

	/** A prior folder holding one of the test TorchScript files. */
	private Path install(final String name, final String file, final String extraJson)
		throws IOException
	{
		final Path dir = Files.createDirectories(root.resolve(name));
		Files.copy(Path.of("src/test/resources/torchscript", file), dir.resolve(file));
		final String json = "{\"name\": \"" + name + "\", \"kind\": \"torchscript\", \"weights\": \"" +
			file + "\", \"sha256\": \"" + PriorDescriptor.sha256(dir.resolve(file)) + "\", " +
			extraJson + "}";
		Files.writeString(dir.resolve(PriorDescriptor.FILE), json, StandardCharsets.UTF_8);
		return dir;
	}

	private PriorRegistry registry() {
		registry = PriorRegistries.withAllKinds(new PriorRegistry(List.of(root), PriorDevice.resolve(
			"cpu")));
		return registry;
	}

	private static void assertRefuses(final String parameter, final Executable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
		assertTrue(e.getMessage().contains("Parameter '" + parameter + "'"), e.getMessage());
	}

	@Test
	void torchScriptDenoiserEqualsItsClosedForm() throws Exception {
		install("gauss01", "gauss_denoiser01.pt", "\"range\": [0, 1], \"sigma_min\": 0.01, " +
			"\"sigma_max\": 0.5");
		install("gausspm1", "gauss_denoiserpm1.pt", "\"range\": [-1, 1]");
		final PriorRegistry r = registry();
		assertEquals(List.of("gauss01", "gausspm1"), List.copyOf(r.list().keySet()));
		final Random rnd = new Random(4);
		final Shape s = Shape.of(2, 1, 12, 20);
		final float[] x = new float[s.size()];
		for (int i = 0; i < x.length; i++) x[i] = rnd.nextFloat();
		final float[] copy = x.clone();
		final double sigma = 0.15;
		final float[] y = r.load("gauss01").denoise(x, s, sigma);
		final double g = 0.04 / (0.04 + sigma * sigma);
		for (int i = 0; i < x.length; i++) assertEquals(0.5 + g * (x[i] - 0.5), y[i], 1e-5);
		assertEquals(0, java.util.Arrays.compare(copy, x), "the input was modified");
		final Denoiser pm1 = r.load("gausspm1");
		assertEquals(-1, pm1.low());
		final float[] y2 = pm1.denoise(x, s, 2 * sigma);
		final double g2 = 0.16 / (0.16 + 4 * sigma * sigma);
		for (int i = 0; i < x.length; i++) assertEquals(g2 * x[i], y2[i], 1e-5);
	}

	@Test
	void epsilonTorchScriptBecomesTheExactDenoiserAtTheSchedulesNoiseLevels() throws Exception {
		install("eps", "gauss_eps_vp.pt", "\"range\": [-1, 1], \"convention\": \"epsilon-vp\"");
		final Denoiser d = registry().load("eps");
		final Random rnd = new Random(8);
		final Shape s = Shape.of(1, 1, 8, 9);
		final float[] x = new float[s.size()];
		for (int i = 0; i < x.length; i++) x[i] = 2 * rnd.nextFloat() - 1;
		final DiffusionSchedule schedule = DiffusionSchedule.linear();
		for (final int t : new int[] { 50, 300, 900 }) {
			final double sigma = schedule.sigma(t);
			final float[] y = d.denoise(x, s, sigma);
			final double g = 0.16 / (0.16 + sigma * sigma);
			for (int i = 0; i < x.length; i++) assertEquals(g * x[i], y[i], 1e-4 * Math.max(1, sigma));
		}
	}

	@Test
	void inputGradientsFlowThroughTorchScript() throws Exception {
		install("gauss01", "gauss_denoiser01.pt", "\"range\": [0, 1]");
		install("eps", "gauss_eps_vp.pt", "\"range\": [-1, 1], \"convention\": \"epsilon-vp\"");
		final Shape s = Shape.of(2, 1, 6, 7);
		final float[] x = new float[s.size()], v = new float[s.size()];
		final Random rnd = new Random(2);
		for (int i = 0; i < x.length; i++) {
			x[i] = rnd.nextFloat();
			v[i] = (float) rnd.nextGaussian();
		}
		final PriorRegistry r = registry();
		// D = m + g (x - m): J^T v = g v
		final float[] j = ((DifferentiableDenoiser) r.load("gauss01")).vjp(x, s, 0.1, v);
		for (int i = 0; i < x.length; i++) assertEquals(0.8 * v[i], j[i], 1e-5);
		final double sigma = DiffusionSchedule.linear().sigma(200);
		final double g = 0.16 / (0.16 + sigma * sigma);
		final float[] je = ((DifferentiableDenoiser) r.load("eps")).vjp(x, s, sigma, v);
		for (int i = 0; i < x.length; i++) assertEquals(g * v[i], je[i], 1e-4);
	}

	@Test
	void loadsOnceSharesAndReleases() throws Exception {
		install("gauss01", "gauss_denoiser01.pt", "\"range\": [0, 1]");
		final PriorRegistry r = registry();
		final Denoiser a = r.load("gauss01");
		assertSame(a, r.load("gauss01"));
		r.release("gauss01");
		assertNotSame(a, r.load("gauss01"));
	}

	@Test
	void refusesTamperedMisplacedAndMalformedPriors() throws Exception {
		final Path tampered = install("tampered", "gauss_denoiser01.pt", "\"range\": [0, 1]");
		Files.write(tampered.resolve("gauss_denoiser01.pt"), new byte[] { 1, 2, 3 },
			java.nio.file.StandardOpenOption.APPEND);
		final Path corrupt = Files.createDirectories(root.resolve("corrupt"));
		Files.write(corrupt.resolve("junk.pt"), new byte[] { 9, 9, 9, 9 });
		Files.writeString(corrupt.resolve(PriorDescriptor.FILE), "{\"name\": \"corrupt\", " +
			"\"kind\": \"torchscript\", \"weights\": \"junk.pt\", \"sha256\": \"" + PriorDescriptor
				.sha256(corrupt.resolve("junk.pt")) + "\", \"range\": [0, 1]}");
		final Path escape = Files.createDirectories(root.resolve("escape"));
		Files.writeString(escape.resolve(PriorDescriptor.FILE), "{\"name\": \"escape\", " +
			"\"kind\": \"torchscript\", \"weights\": \"../corrupt/junk.pt\", \"sha256\": \"00\", " +
			"\"range\": [0, 1]}");
		final Path odd = Files.createDirectories(root.resolve("odd"));
		Files.writeString(odd.resolve(PriorDescriptor.FILE), "{\"name\": \"odd\", \"kind\": " +
			"\"torchscript\", \"convention\": \"score-ve\", \"range\": [0, 1]}");
		final Path missing = install("missing", "gauss_denoiser01.pt", "\"range\": [0, 1]");
		Files.delete(missing.resolve("gauss_denoiser01.pt"));
		final PriorRegistry r = registry();
		assertRefuses("weights", () -> r.load("missing"));
		assertRefuses("sha256", () -> r.load("tampered"));
		assertRefuses("weights", () -> r.load("corrupt"));
		assertRefuses("weights", () -> r.load("escape"));
		assertRefuses("prior", () -> r.load("odd")); // skipped from the list: unknown convention
		assertRefuses("convention", () -> PriorDescriptor.read(odd));
		assertRefuses("prior", () -> r.load("nonexistent"));
		assertRefuses("prior", () -> PriorDescriptor.read(root.resolve("nowhere")));
	}

	@Test
	void refusesBadCalls() throws Exception {
		install("gauss01", "gauss_denoiser01.pt", "\"range\": [0, 1]");
		final Denoiser d = registry().load("gauss01");
		assertRefuses("x", () -> d.denoise(new float[2 * 8 * 8], Shape.of(1, 2, 8, 8), 0.1));
		assertRefuses("x", () -> d.denoise(new float[64], Shape.of(8, 8), 0.1));
		assertRefuses("sigma", () -> d.denoise(new float[64], Shape.of(1, 1, 8, 8), -0.1));
		assertRefuses("sigma", () -> d.denoise(new float[64], Shape.of(1, 1, 8, 8), Double.NaN));
	}

	@Test
	void aGpuRequestWithoutCudaIsRefusedSayingWhichBuildWasFound() {
		final PriorDevice auto = PriorDevice.resolve("auto");
		assertRefuses("device", () -> PriorDevice.resolve("tpu"));
		if (auto.device().isGpu()) return; // a machine with CUDA: nothing to refuse
		assertEquals("cpu", auto.device().getDeviceType());
		assertTrue(auto.reason().contains("no CUDA device (CPU build of PyTorch"), auto.reason());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> PriorDevice.resolve("gpu"));
		assertTrue(e.getMessage().startsWith("Parameter 'device': gpu, but the PyTorch engine found " +
			"no CUDA device (CPU build of PyTorch"), e.getMessage());
		assertEquals(1, e.getMessage().lines().count());
		assertTrue(PriorDevice.nativeBuilds().stream().anyMatch(b -> b.endsWith("cpu (this machine)")),
			PriorDevice.nativeBuilds().toString());
	}

	private void analytic(final String name, final String model) throws Exception {
		final Path dir = Files.createDirectories(root.resolve(name));
		Files.writeString(dir.resolve(PriorDescriptor.FILE), "{\"name\": \"" + name + "\", " +
			"\"kind\": \"analytic\", \"range\": [0, 1], \"channels\": 1" + (model == null ? ""
				: ", \"analytic\": " + model) + "}", StandardCharsets.UTF_8);
	}

	@Test
	void analyticPriorsLoadFromTheirDescriptor() throws Exception {
		analytic("iid", "{\"model\": \"gaussian\", \"mean\": 0.4, \"std\": 0.2}");
		analytic("spectrum", "{\"model\": \"stationary-gaussian\", \"mean\": 0.5, " +
			"\"amplitude\": 0.05, \"k0\": 0.1, \"alpha\": 1}");
		analytic("none", null);
		analytic("other", "{\"model\": \"laplace\", \"mean\": 0}");
		analytic("short", "{\"model\": \"gaussian\", \"mean\": 0.4}");
		analytic("nameless", "{\"mean\": 0.4, \"std\": 0.2}");
		analytic("wordy", "{\"model\": \"gaussian\", \"mean\": 0.4, \"std\": \"wide\"}");
		final PriorRegistry r = PriorRegistries.withAllKinds(registry());
		final Shape s = Shape.of(1, 1, 6, 8);
		final float[] x = new float[s.size()];
		for (int i = 0; i < x.length; i++) x[i] = (i % 7) / 7f;
		final float[] d = r.load("iid").denoise(x, s, 0.1);
		for (int i = 0; i < x.length; i++)
			assertEquals(0.4 + 0.04 / (0.04 + 0.01) * (x[i] - 0.4), d[i], 1e-6);
		assertArrayEquals(StationaryGaussianDenoiser.parametric(1, 0.5, 0.05, 0.1, 1, 0, 1).denoise(x,
			s, 0.1), r.load("spectrum").denoise(x, s, 0.1));
		assertRefuses("analytic", () -> r.load("none"));
		assertRefuses("analytic.model", () -> r.load("other"));
		assertRefuses("analytic.std", () -> r.load("short"));
		assertRefuses("analytic.model", () -> r.load("nameless"));
		assertRefuses("analytic.std", () -> r.load("wordy"));
	}

	@Test
	void priorKindsArePluginsFoundByTheirAnnotationAndPriorsAreAskedForByType() throws Exception {
		assertEquals(List.of("analytic", "autoencoder", "network", "torchscript",
			"torchscript-autoencoder"), List.copyOf(PriorRegistries.kinds()
			.keySet()));
		analytic("iid", "{\"model\": \"gaussian\", \"mean\": 0.4, \"std\": 0.2}");
		final PriorRegistry r = registry();
		assertTrue(r.load("iid", Prior.class) instanceof Denoiser);
		assertEquals("iid", r.load("iid", Denoiser.class).name());
		assertRefuses("prior", () -> r.load("iid", LatentPrior.class));
		final PriorRegistry bare = new PriorRegistry(List.of(root), PriorDevice.resolve("cpu"));
		assertRefuses("kind", () -> bare.load("iid"));
	}

	/**
	 * In plain ImageJ 1.x the thread's context class loader cannot see the plugins folder where
	 * PriorJ's jar lives; the kinds are found through PriorJ's own class loader all the same.
	 */
	@Test
	void priorKindsAreFoundWhateverTheThreadsClassLoader() {
		final Thread t = Thread.currentThread();
		final ClassLoader own = t.getContextClassLoader();
		t.setContextClassLoader(ClassLoader.getPlatformClassLoader());
		try {
			assertEquals(List.of("analytic", "autoencoder", "network", "torchscript",
			"torchscript-autoencoder"), List.copyOf(PriorRegistries
				.kinds().keySet()));
		}
		finally {
			t.setContextClassLoader(own);
		}
	}

	@Test
	void priorsInstalledBesideFijiAreFoundFromTheJarsFolder() throws Exception {
		final java.util.function.Function<String, java.util.Optional<Path>> app = f -> {
			try {
				return PriorRegistry.appOf(new java.security.CodeSource(Path.of(f).toUri().toURL(),
					(java.security.cert.Certificate[]) null));
			}
			catch (final java.net.MalformedURLException e) {
				throw new AssertionError(e);
			}
		};
		assertEquals(Path.of("/opt/Fiji.app/models/priorj"), app.apply("/opt/Fiji.app/jars/priorj.jar")
			.orElseThrow());
		assertEquals(Path.of("/opt/ImageJ/models/priorj"), app.apply("/opt/ImageJ/plugins/PriorJ_.jar")
			.orElseThrow());
		assertEquals(Path.of("/opt/ImageJ/models/priorj"), app.apply(
			"/opt/ImageJ/plugins/jars/priorj.jar").orElseThrow());
		assertTrue(app.apply("/work/priorj/target/classes").isEmpty(), "a checkout's classes");
		assertTrue(app.apply("/home/u/lib/priorj.jar").isEmpty(), "a jar outside an app");
		assertTrue(PriorRegistry.appOf(null).isEmpty());
		final String before = System.getProperty("imagej.dir");
		System.setProperty("imagej.dir", "/opt/Fiji.app");
		try {
			assertEquals(Path.of("/opt/Fiji.app/models/priorj"), PriorRegistry.appRoot().orElseThrow());
			assertTrue(PriorRegistry.standard("cpu").roots().contains(Path.of(
				"/opt/Fiji.app/models/priorj")));
		}
		finally {
			if (before == null) System.clearProperty("imagej.dir");
			else System.setProperty("imagej.dir", before);
		}
	}

	@Test
	void aBrokenDescriptorIsReportedByItsFolderWithTheReasonOnce() throws Exception {
		analytic("good", "{\"model\": \"gaussian\", \"mean\": 0.4, \"std\": 0.2}");
		for (final String[] b : new String[][] { { "badjson", "{not json" }, { "empty", "" }, {
			"sigmas", "{\"name\": \"sigmas\", \"kind\": \"analytic\", \"range\": [0, 1], " +
				"\"channels\": 1, \"sigma_min\": 0.5, \"sigma_max\": 0.1}" } })
		{
			final Path dir = Files.createDirectories(root.resolve(b[0]));
			Files.writeString(dir.resolve(PriorDescriptor.FILE), b[1], StandardCharsets.UTF_8);
		}
		final PriorRegistry r = registry();
		assertEquals(List.of("good"), List.copyOf(r.list().keySet()));
		assertEquals(3, r.broken().size(), r.broken().toString());
		for (final String name : new String[] { "badjson", "empty", "sigmas" }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r
				.load(name));
			assertTrue(e.getMessage().startsWith("Parameter 'prior': '" + name + "' in ") && e
				.getMessage().contains("cannot be used: ") && e.getMessage().lines().count() == 1, e
					.getMessage());
		}
		assertRefuses("prior", () -> r.load("nowhere"));
	}
}
