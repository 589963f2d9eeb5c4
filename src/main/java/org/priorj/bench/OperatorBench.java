package org.priorj.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.base.Shape;
import org.priorj.physics.ct.FilteredBackProjection;
import org.priorj.physics.ct.ParallelBeamProjector;

/**
 * {@code priorj bench operators}: times every forward operator at one image size (apply, adjoint,
 * and both), states the memory each holds and allocates per call, and, with scikit-image's
 * timings ({@code scripts/bench_skimage_operators.py}), prints the ratios.
 * <p>
 * The machine may be busy, and one process's timings may differ from the next's (the JIT compiles
 * in the background), so every figure is measured in several independent rounds and printed as
 * median (min-max) over them. A round times every figure once, each after its own warm-up, so
 * load that slows a round slows all its figures; ratios (apply to adjoint, scikit-image to
 * PriorJ) are taken within each round. Given the script rather than its output, the benchmark
 * runs scikit-image once per round, in a process of its own just before PriorJ's timings of that
 * round. The Radon transform is also timed on one thread, like for like with scikit-image, which
 * uses one: that ratio does not depend on how busy the other cores are; and once more in CPU
 * time, on both sides, which leaves out the time spent waiting for a core.
 */
final class OperatorBench {

	/** Debian's interpreter, the one with python3-skimage. */
	static final String PYTHON = "/usr/bin/python3";
	private static final String SK_RADON = "skimage radon";
	private static final String SK_FBP = "skimage iradon ramp (FBP)";

	private final int size;
	private final int angles;
	private final int rounds;
	private final PrintStream out;

	OperatorBench(final int size, final int angles, final int rounds, final PrintStream out) {
		if (rounds < 1) throw new IllegalArgumentException("Parameter 'rounds': got " + rounds +
			"; allowed: 1 or more.");
		this.size = size;
		this.angles = angles;
		this.rounds = rounds;
		this.out = out;
	}

	/** Timings of one operator (or call) over the rounds. */
	private final class Row {

		final String name;
		final Runnable apply, adjoint, both;
		final long held;
		final double[] applyMs = new double[rounds], adjointMs = new double[rounds],
				bothMs = new double[rounds];
		long allocated;

		Row(final String name, final Runnable apply, final Runnable adjoint, final Runnable both,
			final long held)
		{
			this.name = name;
			this.apply = apply;
			this.adjoint = adjoint;
			this.both = both;
			this.held = held;
		}

		void time(final int round) {
			if (apply != null) applyMs[round] = Timer.time(apply, 1, 3).medianMs;
			if (adjoint != null) adjointMs[round] = Timer.time(adjoint, 1, 3).medianMs;
			final Timer.Result b = Timer.time(both, 1, 3);
			bothMs[round] = b.medianMs;
			allocated = b.allocatedBytes;
		}
	}

	/**
	 * @param skimage null; scikit-image's script ({@code .py}), run once per round; or the JSON it
	 *          printed in one earlier run, used for every round
	 */
	void run(final Path skimage) throws IOException, InterruptedException {
		final boolean script = skimage != null && skimage.toString().endsWith(".py");
		final JsonObject fixed = skimage == null || script ? null : new Gson().fromJson(Files
			.readString(skimage, StandardCharsets.UTF_8), JsonObject.class);
		final float[] phantom = EllipsePhantom.sheppLogan(size, true);
		final Shape img = Shape.of(size, size);
		final Shape cplx = Shape.of(2, size, size);
		final String a180 = "radon angles=0:180:" + angles;
		final Map<String, Shape> specs = new LinkedHashMap<>();
		specs.put(a180, img);
		specs.put("radon angles=0:180:60", img);
		specs.put("blur psf=gaussian:2 boundary=reflect", img);
		specs.put("downsample factor=4 method=bicubic", img);
		specs.put("mask missing_fraction=0.5", img);
		specs.put("mri mask=uniform1d acceleration=4", cplx);
		specs.put("mri mask=uniform1d acceleration=4 coils=8", cplx);
		final List<Row> rows = new ArrayList<>();
		for (final Map.Entry<String, Shape> e : specs.entrySet()) {
			final long heap0 = Timer.usedHeapAfterGc();
			final LinearOperator a = Operators.build(OperatorSpec.parse(e.getKey()), e.getValue());
			final long held = Math.max(0, Timer.usedHeapAfterGc() - heap0);
			final float[] x = e.getValue().rank() == 2 ? phantom : complex(phantom);
			final float[] y = a.apply(x);
			final float[] ax = a.range().newArray(), aty = a.domain().newArray();
			rows.add(new Row("`" + e.getKey() + "`", () -> a.apply(x, ax), () -> a.adjoint(y, aty),
				() -> {
					a.apply(x, ax);
					a.adjoint(y, aty);
				}, held));
		}
		final ParallelBeamProjector p = (ParallelBeamProjector) Operators.build(OperatorSpec.parse(
			a180), img);
		final float[] sino = p.apply(phantom);
		final float[] pSino = p.range().newArray(), pBack = p.domain().newArray();
		final Runnable radonBoth = () -> {
			p.apply(phantom, pSino);
			p.adjoint(sino, pBack);
		};
		// the operators' parallel loops run in the pool that calls them: here, one thread
		final ForkJoinPool single = new ForkJoinPool(1);
		final Row oneThread = new Row("`" + a180 + "`, one thread", () -> single.submit(() -> p
			.apply(phantom, pSino)).join(), () -> single.submit(() -> p.adjoint(sino, pBack)).join(),
			() -> single.submit(radonBoth).join(), -1);
		rows.add(oneThread);
		final FilteredBackProjection fbp = FilteredBackProjection.ramp(p);
		final Row fbpRow = new Row("FBP ramp, " + angles + " angles", null, null, () -> fbp.apply(
			sino), -1);
		rows.add(fbpRow);

		final double[] skRadon = new double[rounds], skFbp = new double[rounds],
				skRadonCpu = new double[rounds], oneThreadCpu = new double[rounds];
		final String loadBefore = loadAverage();
		try {
			for (int r = 0; r < rounds; r++) {
				if (skimage != null) {
					final JsonObject sk = script ? runScript(skimage) : fixed;
					skRadon[r] = median(sk, SK_RADON, "median_ms");
					skFbp[r] = median(sk, SK_FBP, "median_ms");
					skRadonCpu[r] = median(sk, SK_RADON, "cpu_median_ms");
				}
				for (final Row row : rows) row.time(r);
				oneThreadCpu[r] = bestCpuMs(single, radonBoth);
			}
		}
		finally {
			single.shutdown();
		}

		out.println("Image " + size + "x" + size + ", " + Runtime.getRuntime()
			.availableProcessors() + " cores, Java " + System.getProperty("java.version") + "; " +
			rounds + " rounds, in each every figure the best of 3 calls after its own warm-up; " +
			"median (min-max) over the rounds. Load average " + loadBefore + " before, " +
			loadAverage() + " after.");
		out.println();
		out.println("| operator | apply ms | adjoint ms | apply / adjoint | apply+adjoint ms | held by the operator | allocated per apply+adjoint |");
		out.println("|---|---|---|---|---|---|---|");
		for (final Row row : rows) {
			final boolean split = row.apply != null;
			out.println("| " + row.name + " | " + (split ? Spread.of(row.applyMs).format(2) : "") +
				" | " + (split ? Spread.of(row.adjointMs).format(2) : "") + " | " + (split ? Spread
					.ratios(row.applyMs, row.adjointMs).format(2) : "") + " | " + Spread.of(
						row.bothMs).format(2) + " | " + (row.held < 0 ? "" : bytes(row.held)) +
				" | " + bytes(row.allocated) + " |");
		}
		if (skimage == null) return;
		final Row radon = rows.get(0);
		out.println();
		out.println("scikit-image (float64, circle=True, one thread; " + (script
			? "run once per round, in the same rounds as PriorJ" : "one earlier run: " +
				skimage.getFileName()) + "):");
		out.println();
		out.println("| comparison | PriorJ ms | scikit-image ms | speed-up (x) |");
		out.println("|---|---|---|---|");
		comparison("Radon forward+adjoint (PriorJ, all cores) vs `radon` forward only " +
			"(scikit-image), " + angles + " angles", radon.bothMs, skRadon);
		comparison("Radon forward+adjoint (PriorJ, one thread) vs `radon` forward only " +
			"(scikit-image), " + angles + " angles", oneThread.bothMs, skRadon);
		if (!Double.isNaN(skRadonCpu[0])) comparison("Radon forward+adjoint (PriorJ, one thread) " +
			"vs `radon` forward only (scikit-image), " + angles + " angles, CPU time",
			oneThreadCpu, skRadonCpu);
		comparison("FBP ramp vs `iradon` ramp, " + angles + " angles", fbpRow.bothMs, skFbp);
	}

	/**
	 * Best of 3 calls of {@code task} in the CPU time of the one thread of {@code single} that runs
	 * them, after 3 calls of warm-up: time spent waiting for a core on a busy machine is left out.
	 */
	private static double bestCpuMs(final ForkJoinPool single, final Runnable task) {
		return single.submit(() -> {
			final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
			for (int i = 0; i < 3; i++) task.run();
			double best = Double.MAX_VALUE;
			for (int i = 0; i < 3; i++) {
				final long t0 = mx.getCurrentThreadCpuTime();
				task.run();
				best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / 1e6);
			}
			return best;
		}).join();
	}

	private void comparison(final String what, final double[] priorj, final double[] skimage) {
		out.println("| " + what + " | " + Spread.of(priorj).format(2) + " | " + Spread.of(skimage)
			.format(2) + " | " + Spread.ratios(skimage, priorj).format(1) + " |");
	}

	/** One round of scikit-image's timings, in a Python process of its own. */
	private JsonObject runScript(final Path script) throws IOException, InterruptedException {
		final Process proc = new ProcessBuilder(PYTHON, script.toString(), "--size", Integer
			.toString(size), "--angles", Integer.toString(angles), "--repeats", "1").redirectError(
				ProcessBuilder.Redirect.INHERIT).start();
		final String stdout = new String(proc.getInputStream().readAllBytes(),
			StandardCharsets.UTF_8).trim();
		final int code = proc.waitFor();
		if (code != 0) throw new IOException(script + " exited with " + code + " (it needs " +
			PYTHON + " with python3-skimage)");
		final String[] lines = stdout.split("\n");
		return new Gson().fromJson(lines[lines.length - 1], JsonObject.class);
	}

	/** NaN where an older script's output lacks the figure. */
	private static double median(final JsonObject sk, final String item, final String figure) {
		final JsonObject o = sk.getAsJsonObject(item);
		return o.has(figure) ? o.get(figure).getAsDouble() : Double.NaN;
	}

	/** The 1-minute load average, or "n/a" where /proc/loadavg is missing. */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
		}
		catch (final IOException | RuntimeException e) {
			return "n/a";
		}
	}

	private static float[] complex(final float[] re) {
		final float[] c = new float[2 * re.length];
		System.arraycopy(re, 0, c, 0, re.length);
		return c;
	}

	static String bytes(final long b) {
		if (b < 0) return "n/a";
		if (b < 10_000) return b + " B";
		if (b < 10_000_000) return String.format("%.0f KB", b / 1e3);
		return String.format("%.1f MB", b / 1e6);
	}
}
