package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.image.phantom.RandomEllipses;
import org.priorj.base.Shape;
import org.priorj.prior.NetworkDenoiser;
import org.priorj.prior.UnetDescriptor;

/** A few training steps on ellipse phantoms write a prior folder that loads and denoises. */
class TrainAndLoadPriorTest {

	private static final String[] SMALL = { "--phantoms", "ellipses", "--phantom_count", "4",
		"--phantom_size", "32", "--patch", "16", "--batch", "4", "--widths", "8,16,32",
		"--log_every", "1", "--threads", "1" };

	private static String[] args(final Path out, final String... more) {
		final String[] a = new String[SMALL.length + 2 + more.length];
		System.arraycopy(SMALL, 0, a, 0, SMALL.length);
		a[SMALL.length] = "--out";
		a[SMALL.length + 1] = out.toString();
		System.arraycopy(more, 0, a, SMALL.length + 2, more.length);
		return a;
	}

	/** {@code priorj train ARGS}: its exit code, and what it wrote to standard error. */
	private static Object[] run(final String... args) {
		final ByteArrayOutputStream log = new ByteArrayOutputStream();
		final PrintStream err = System.err;
		System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
		try {
			final String[] all = new String[args.length + 1];
			all[0] = "train";
			System.arraycopy(args, 0, all, 1, args.length);
			return new Object[] { Main.run(all), log.toString(StandardCharsets.UTF_8) };
		}
		finally {
			System.setErr(err);
		}
	}

	private static void train(final String... args) {
		final Object[] r = run(args);
		assertEquals(0, r[0], (String) r[1]);
	}

	@Test
	void trainedPriorLoadsAndDenoisesAnyImageSize(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("tiny");
		train(args(out, "--steps", "3", "--sigma_min", "0.02", "--sigma_max", "0.2"));
		final JsonObject d = JsonParser.parseString(Files.readString(out.resolve(
			UnetDescriptor.FILE))).getAsJsonObject();
		assertEquals("network", d.get("kind").getAsString());
		assertEquals("noise-conditional-unet", d.getAsJsonObject("architecture").get("name")
			.getAsString());
		assertEquals(org.priorj.prior.PriorDescriptor.sha256(out.resolve("weights.params")), d.get("sha256")
			.getAsString());
		assertEquals(3, d.getAsJsonObject("training").get("steps").getAsInt());
		assertTrue(Files.isRegularFile(out.resolve("training.json")));
		try (NetworkDenoiser den = NetworkDenoiser.load(out)) {
			assertEquals("tiny", den.name());
			assertEquals(0.02, den.minSigma(), 0);
			assertEquals(0.2, den.maxSigma(), 0);
			final float[] x = new float[2 * 20 * 20];
			System.arraycopy(RandomEllipses.image(20, 3), 0, x, 0, 400);
			System.arraycopy(RandomEllipses.image(20, 4), 0, x, 400, 400);
			final float[] y = den.denoise(x, Shape.of(2, 1, 20, 20), 0.1);
			assertEquals(x.length, y.length);
			for (final float v : y)
				assertTrue(Float.isFinite(v));
			// each image of the batch is denoised on its own
			final float[] first = den.denoise(java.util.Arrays.copyOf(x, 400), Shape.of(1, 1, 20, 20),
				0.1);
			for (int i = 0; i < 400; i++)
				assertEquals(first[i], y[i], 1e-5);
			assertFalse(java.util.Arrays.equals(x, y));
		}
	}

	@Test
	void resumeContinuesFromTheCheckpoint(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("r");
		train(args(out, "--steps", "2"));
		train(args(out, "--steps", "4", "--resume"));
		final JsonObject t = JsonParser.parseString(Files.readString(out.resolve("training.json")))
			.getAsJsonObject();
		assertEquals(4, t.get("steps").getAsInt());
		assertEquals(4, t.getAsJsonArray("loss_curve").size());
	}

	@Test
	void initStartsFromAnotherPriorsWeights(@TempDir final Path dir) throws Exception {
		final Path first = dir.resolve("first"), second = dir.resolve("second");
		train(args(first, "--steps", "3"));
		// a learning rate too small to move the weights: the fine-tuned prior is the one it started from
		train(args(second, "--steps", "1", "--lr", "1e-30", "--seed", "9", "--init", first.toString()));
		final float[] x = RandomEllipses.image(32, 5);
		try (NetworkDenoiser a = NetworkDenoiser.load(first); NetworkDenoiser b = NetworkDenoiser
			.load(second))
		{
			final float[] ya = a.denoise(x, Shape.of(1, 1, 32, 32), 0.1);
			final float[] yb = b.denoise(x, Shape.of(1, 1, 32, 32), 0.1);
			for (int i = 0; i < ya.length; i++)
				assertEquals(ya[i], yb[i], 1e-6);
		}
		assertTrue(Files.readString(second.resolve("training.json")).contains("initialised_from"));
	}

	@Test
	void initWithOtherWidthsIsRefusedByName(@TempDir final Path dir) throws Exception {
		final Path first = dir.resolve("first");
		train(args(first, "--steps", "1"));
		final String[] a = args(dir.resolve("second"), "--steps", "1", "--init", first.toString());
		a[java.util.Arrays.asList(a).indexOf("8,16,32")] = "8,16,16";
		final Object[] r = run(a);
		assertEquals(2, r[0]);
		final String msg = (String) r[1];
		assertTrue(msg.contains("init") && msg.contains("widths"), msg);
	}

	@Test
	void tamperedWeightsAreRefused(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("t");
		train(args(out, "--steps", "1"));
		final byte[] w = Files.readAllBytes(out.resolve("weights.params"));
		w[w.length - 1] ^= 1;
		Files.write(out.resolve("weights.params"), w);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> NetworkDenoiser.load(out));
		assertTrue(e.getMessage().contains("sha256"), e.getMessage());
	}

	@Test
	void truncatedWeightsWithAMatchingChecksumAreRefusedSayingSo(@TempDir final Path dir)
		throws Exception
	{
		final Path out = dir.resolve("t");
		train(args(out, "--steps", "1"));
		final Path weights = out.resolve("weights.params");
		final byte[] w = Files.readAllBytes(weights);
		Files.write(weights, java.util.Arrays.copyOf(w, w.length / 2));
		final Path desc = out.resolve(UnetDescriptor.FILE);
		final String sha = org.priorj.prior.PriorDescriptor.sha256(weights);
		Files.writeString(desc, Files.readString(desc).replaceAll("\"sha256\": \"[0-9a-f]+\"",
			"\"sha256\": \"" + sha + "\""));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> NetworkDenoiser.load(out));
		assertTrue(e.getMessage().contains("ends after " + w.length / 2 + " bytes") && !e.getMessage()
			.contains("null"), e.getMessage());
	}

	@Test
	void weightsOutsideTheFolderAreRefused(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("p");
		train(args(out, "--steps", "1"));
		final Path desc = out.resolve(UnetDescriptor.FILE);
		Files.copy(out.resolve("weights.params"), dir.resolve("weights.params"));
		Files.writeString(desc, Files.readString(desc).replace("\"weights\": \"weights.params\"",
			"\"weights\": \"../weights.params\""));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> NetworkDenoiser.load(out));
		assertTrue(e.getMessage().contains("weights") && e.getMessage().contains("inside"), e
			.getMessage());
	}

	@Test
	void unknownOptionIsRefusedByName() {
		final Object[] r = run("--out", "x", "--colour", "red");
		assertEquals(2, r[0]);
		assertTrue(((String) r[1]).contains("Parameter 'colour': unknown option"), (String) r[1]);
	}

	@Test
	void aCancelledRunStopsAfterItsStepAndWritesThePriorAsItIs(@TempDir final Path dir)
		throws Exception
	{
		final org.priorj.train.TrainingOptions o = new org.priorj.train.TrainingOptions();
		o.out = dir.resolve("c");
		o.steps = 50;
		o.patch = 16;
		o.batch = 2;
		o.widths = new int[] { 8, 16, 32 };
		final int[] reported = new int[2];
		final org.priorj.base.Progress stopAtTwo = new org.priorj.base.Progress() {

			@Override
			public void report(final String task, final int done, final int total) {
				reported[0] = done;
				reported[1] = total;
			}

			@Override
			public boolean isCancelled() {
				return reported[0] >= 2;
			}
		};
		new org.priorj.train.PriorTrainer(o, new org.priorj.train.TrainingSet().addEllipses(4, 32,
			1), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(
				stopAtTwo);
		assertEquals(2, reported[0]);
		assertEquals(50, reported[1]);
		final JsonObject t = JsonParser.parseString(Files.readString(o.out.resolve("training.json")))
			.getAsJsonObject();
		assertEquals(2, t.get("steps").getAsInt());
		try (NetworkDenoiser den = NetworkDenoiser.load(o.out)) {
			assertEquals("prior", den.name());
		}
	}

	/** A tiny autoencoder on 64² phantom patches. */
	private static String[] caeArgs(final Path out, final String... more) {
		final String[] base = { "--kind", "cae", "--phantoms", "ellipses", "--phantom_count", "4",
			"--phantom_size", "64", "--patch", "64", "--batch", "2", "--cae_width", "8",
			"--latent_channels", "12", "--log_every", "1", "--out", out.toString() };
		final String[] a = java.util.Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, a, base.length, more.length);
		return a;
	}

	@Test
	void autoencoderTrainsWithTheSameLoopAndDescribesItself(@TempDir final Path dir)
		throws Exception
	{
		final Path out = dir.resolve("cae");
		train(caeArgs(out, "--steps", "2", "--alpha", "0.01"));
		train(caeArgs(out, "--steps", "3", "--alpha", "0.01", "--resume"));
		final org.priorj.prior.AutoencoderDescriptor d = org.priorj.prior.AutoencoderDescriptor.read(
			out);
		assertEquals(8, d.width);
		assertEquals(12, d.latentChannels);
		assertEquals(0.01, d.alpha, 0);
		assertEquals(d.sha256, org.priorj.prior.PriorDescriptor.sha256(out.resolve(d.weights)));
		final JsonObject t = JsonParser.parseString(Files.readString(out.resolve("training.json")))
			.getAsJsonObject();
		assertEquals(3, t.get("steps").getAsInt());
		assertEquals("cae", t.get("kind").getAsString());
		assertTrue(t.get("loss").getAsString().contains("0.01 * 255^2 * MSE"), t.toString());
	}

	@Test
	void autoencoderSettingsAreRefusedByName(@TempDir final Path dir) throws Exception {
		final Object[][] cases = { run(caeArgs(dir.resolve("a"), "--steps", "1", "--alpha", "0")),
			run(caeArgs(dir.resolve("b"), "--steps", "1", "--patch", "48")), run(caeArgs(dir.resolve(
				"c"), "--steps", "1", "--kind", "vae")) };
		final String[] names = { "alpha", "patch", "kind" };
		for (int i = 0; i < cases.length; i++) {
			assertEquals(2, cases[i][0], (String) cases[i][1]);
			assertTrue(((String) cases[i][1]).contains("'" + names[i] + "'"), (String) cases[i][1]);
		}
	}

	@Test
	void aDenoiserCannotStartAnAutoencoder(@TempDir final Path dir) throws Exception {
		final Path denoiser = dir.resolve("d");
		train(args(denoiser, "--steps", "1"));
		final Object[] r = run(caeArgs(dir.resolve("e"), "--steps", "1", "--init", denoiser
			.toString()));
		assertEquals(2, r[0]);
		assertTrue(((String) r[1]).contains("'kind'") && ((String) r[1]).contains("autoencoder"),
			(String) r[1]);
	}
}
