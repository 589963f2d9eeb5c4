package org.priorj.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.prior.NetworkDenoiser;
import org.priorj.prior.NoiseConditionalUnet;
import org.priorj.train.TrainingOptions;

/**
 * {@code priorj bench denoiser}: times one call of the network denoiser D(x, sigma)
 * ({@link NetworkDenoiser#denoise}, a 1x1xHxW image, on the CPU) at each size, and states the
 * memory: the Java heap one call allocates and the process's peak resident set ({@code VmHWM}).
 * Given the timings of the same network in PyTorch from the same run
 * ({@code scripts/bench_unet_torch.py}), it prints the ratio of the two.
 * <p>
 * The network is the prior in the given folder (on the command line {@link #DEFAULT_PRIOR} when
 * none is given and it exists), or else a randomly initialised network with the widths PriorJ trains by default (timing does
 * not depend on the weights). Sizes run in the order given, so the peak resident set after a size
 * covers that size and every one before it: give them in increasing order.
 */
final class DenoiserBench {

	/** The prior timed when none is given. */
	static final Path DEFAULT_PRIOR = Path.of("models", "natural-gray");
	/** Intra-op threads of PyTorch, unless set on the command line (the figure the comparison uses). */
	static final String THREADS = "2";

	private final Path prior;
	private final int[] sizes;
	private final int repeats;
	private final double sigma;
	private final PrintStream out;

	/** @param prior a prior folder, or null for a random network ({@link #defaultPrior()}) */
	DenoiserBench(final Path prior, final int[] sizes, final int repeats, final double sigma,
		final PrintStream out)
	{
		Checks.require(prior == null || Files.isDirectory(prior), "prior", String.valueOf(prior),
			"a prior folder (with descriptor.json)");
		Checks.require(sizes != null && sizes.length > 0, "sizes", Arrays.toString(sizes),
			"one or more image sides");
		for (final int s : sizes)
			Checks.positive("sizes", s);
		Checks.positive("repeats", repeats);
		Checks.require(sigma > 0 && Double.isFinite(sigma), "sigma", "" + sigma, "a finite value > 0");
		this.prior = prior;
		this.sizes = sizes.clone();
		this.repeats = repeats;
		this.sigma = sigma;
		this.out = out;
	}

	/** {@link #DEFAULT_PRIOR} if it is there, else null (a random network). */
	static Path defaultPrior() {
		return Files.isDirectory(DEFAULT_PRIOR) ? DEFAULT_PRIOR : null;
	}

	/** Sizes as the command line gives them: {@code 256,512}. */
	static int[] parseSizes(final String text) {
		try {
			return Arrays.stream(text.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
		}
		catch (final NumberFormatException e) {
			throw Checks.bad("sizes", text, "comma-separated image sides, e.g. 256,512");
		}
	}

	void run(final Path torchJson) throws IOException {
		final JsonObject torch = torchJson == null ? null : new Gson().fromJson(Files.readString(
			torchJson, StandardCharsets.UTF_8), JsonObject.class);
		// PyTorch reads its thread counts once, when the engine starts
		System.setProperty("ai.djl.pytorch.num_threads", System.getProperty(
			"ai.djl.pytorch.num_threads", THREADS));
		System.setProperty("ai.djl.pytorch.num_interop_threads", System.getProperty(
			"ai.djl.pytorch.num_interop_threads", "1"));
		final Path folder = prior;
		try (NetworkDenoiser d = folder != null ? NetworkDenoiser.load(folder) : randomNetwork()) {
			// with the engine started and the weights in memory, as PyTorch's figure is taken
			final long rssBefore = procStatusKb("VmRSS");
			final NoiseConditionalUnet net = d.network();
			out.println("Denoiser " + (folder != null ? "'" + d.name() + "' from " + folder
				: "with random weights") + ", widths " + Arrays.toString(net.widths()) + ", " + net
					.parameterCount() + " parameters; sigma " + sigma + "; " + Engine.getInstance()
						.getEngineName() + " " + Engine.getInstance().getVersion() + " (DJL " + Engine
							.getDjlVersion() + "), intra-op threads " + System.getProperty(
								"ai.djl.pytorch.num_threads") + ", inter-op " + System.getProperty(
									"ai.djl.pytorch.num_interop_threads") + "; Java " + System
										.getProperty("java.version") + "; median of " + repeats +
				" rounds, each the best of 3 calls, after a warm-up.");
			if (torch != null) {
				final long theirs = torch.get("parameters").getAsLong();
				out.println("PyTorch " + torch.get("torch").getAsString() + ", intra-op threads " + torch
					.get("intra_op_threads").getAsInt() + ", inter-op " + torch.get("inter_op_threads")
						.getAsInt() + ", widths " + torch.get("widths") + ", " + theirs + " parameters (" +
					(theirs == net.parameterCount() ? "the same count" : "NOT the same count") + ").");
			}
			out.println("Resident set with the network loaded, before the first call: PriorJ " + mb(rssBefore * 1024) + (torch ==
				null ? "" : ", PyTorch " + mb(torch.get("rss_before_kb").getAsLong() * 1024)) + ".");
			out.println();
			out.println(torch == null
				? "| size | PriorJ (DJL) ms (min-max) | Java heap allocated per call | PriorJ peak RSS |"
				: "| size | PriorJ (DJL) ms (min-max) | PyTorch ms (min-max) | DJL / PyTorch | within 1.2x | Java heap allocated per call | PriorJ peak RSS | PyTorch peak RSS |");
			out.println(torch == null ? "|---|---|---|---|" : "|---|---|---|---|---|---|---|---|");
			final Random random = new Random(0);
			for (final int size : sizes) {
				final float[] x = new float[size * size];
				for (int i = 0; i < x.length; i++)
					x[i] = random.nextFloat();
				final Shape shape = Shape.of(1, 1, size, size);
				final Timer.Result t = Timer.time(() -> d.denoise(x, shape, sigma), repeats, 3);
				final long peak = procStatusKb("VmHWM") * 1024;
				final JsonObject theirs = torch == null ? null : torch.getAsJsonObject("sizes")
					.getAsJsonObject("" + size);
				if (theirs == null) {
					out.printf("| %dx%d | %.1f (%.1f-%.1f) | %s | %s |%s%n", size, size, t.medianMs,
						t.minMs, t.maxMs, OperatorBench.bytes(t.allocatedBytes), mb(peak), torch == null ? ""
							: " (no PyTorch figure for this size) | | | | |");
					continue;
				}
				final double pt = theirs.get("median_ms").getAsDouble();
				final double ratio = t.medianMs / pt;
				out.printf("| %dx%d | %.1f (%.1f-%.1f) | %.1f (%.1f-%.1f) | %.2f | %s | %s | %s | %s |%n",
					size, size, t.medianMs, t.minMs, t.maxMs, pt, theirs.get("min_ms").getAsDouble(),
					theirs.get("max_ms").getAsDouble(), ratio, ratio <= 1.2 ? "yes" : "no", OperatorBench
						.bytes(t.allocatedBytes), mb(peak), mb(theirs.get("peak_rss_kb").getAsLong() * 1024));
			}
		}
	}

	/** A network of the default widths with DJL's default initialisation (seeded). */
	private static NetworkDenoiser randomNetwork() {
		Engine.getInstance().setRandomSeed(0);
		final NoiseConditionalUnet net = new NoiseConditionalUnet(new TrainingOptions().widths);
		final NDManager manager = NDManager.newBaseManager();
		final int m = net.multiple();
		net.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 2, m, m));
		final TrainingOptions defaults = new TrainingOptions();
		return new NetworkDenoiser("random", net, manager, defaults.sigmaMin, defaults.sigmaMax);
	}

	/** A field of {@code /proc/self/status} in kB (Linux), or -1 where there is none. */
	static long procStatusKb(final String field) {
		try {
			for (final String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (!line.startsWith(field + ":")) continue;
				return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
			}
		}
		catch (final IOException | RuntimeException e) {
			// not Linux: no figure
		}
		return -1;
	}

	private static String mb(final long bytes) {
		return bytes < 0 ? "n/a" : String.format("%.0f MB", bytes / 1e6);
	}
}
