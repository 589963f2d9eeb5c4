package org.priorj.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.priorj.base.Checks;
import org.priorj.metrics.Masks;
import org.priorj.metrics.Psnr;
import org.priorj.physics.Blur;
import org.priorj.physics.Boundary;
import org.priorj.physics.Kernel;
import org.priorj.base.Shape;
import org.priorj.physics.ct.FilteredBackProjection;
import org.priorj.physics.ct.ParallelBeamProjector;
import org.priorj.physics.ct.RotationCentre;
import org.priorj.base.Progress;
import org.priorj.solve.RichardsonLucy;
import org.priorj.solve.Sart;
import org.priorj.solve.Sirt;
import org.priorj.solve.TvDenoiser;

/**
 * {@code priorj bench classical --data DIR}: runs PriorJ's classical methods on the inputs that
 * {@code scripts/bench_skimage_classical.py} wrote into DIR ({@link RawFloatArray} files and a
 * {@code manifest.json} with scikit-image's timings and PSNRs on the same inputs) and prints one
 * Markdown table with both sides, the speed-ups and whether each target is met.
 * <p>
 * Every PriorJ time covers the whole call a user makes, operators built inside it, as
 * scikit-image's functions do: FBP (ramp) with its projector, TV denoising (weight 0.1), 30
 * Richardson-Lucy steps with a Gaussian σ = 2 blur (13×13, mirror boundary), SIRT (relaxation 1,
 * from zeros) and SART (its defaults: one angle per subset, relaxation 1, from zeros) with their
 * projector, both against scikit-image's {@code iradon_sart}. PSNR: data range 1; CT inside
 * {@link Masks#inscribedDisk}, Richardson-Lucy without a border of the manifest's width and on the
 * full image.
 * <p>
 * For an even image size FBP runs with both rotation-centre conventions ({@link RotationCentre}),
 * and SIRT and SART with scikit-image's, so that the comparison is about the methods rather than
 * the two geometry conventions.
 */
final class ClassicalBench {

	/** A PSNR at most this much lower still counts as equal. */
	private static final double SAME_DB = 0.005;

	private final Path dir;
	private final int repeats;
	private final PrintStream out;

	ClassicalBench(final Path dir, final int repeats, final PrintStream out) {
		this.dir = dir;
		this.repeats = Checks.positive("repeats", repeats);
		this.out = out;
	}

	void run() throws IOException {
		final Path manifestFile = dir.resolve("manifest.json");
		Checks.require(Files.isRegularFile(manifestFile), "data", dir + " has no manifest.json",
			"a folder written by scripts/bench_skimage_classical.py");
		final JsonObject m = new Gson().fromJson(Files.readString(manifestFile,
			StandardCharsets.UTF_8), JsonObject.class);
		final JsonObject v = m.getAsJsonObject("versions");
		final int cores = Runtime.getRuntime().availableProcessors();
		out.println("PriorJ: " + cores + (cores == 1 ? " core" : " cores") + ", Java " + System
			.getProperty("java.version") + ", float32; median of " + repeats +
			" rounds, each the best of 3 calls. scikit-image " + v.get("skimage").getAsString() +
			" (numpy " + v.get("numpy").getAsString() + ", scipy " + v.get("scipy").getAsString() +
			"), same inputs (float32), median of " + m.get("repeats").getAsInt() +
			" rounds, each the best of 3 calls.");
		out.println();
		out.println("| method (PriorJ vs scikit-image) | PriorJ ms | scikit-image ms | speed-up | PriorJ PSNR dB | scikit-image PSNR dB | difference dB | target |");
		out.println("|---|---|---|---|---|---|---|---|");
		JsonObject iterativeCase = null;
		for (final JsonElement e : m.getAsJsonArray("ct")) {
			final JsonObject c = e.getAsJsonObject();
			fbp(c);
			if (c.has("skimage_sart")) iterativeCase = c;
		}
		tv(m.getAsJsonObject("tv"));
		richardsonLucy(m.getAsJsonObject("rl"));
		if (iterativeCase == null) return;
		final String sirt = iterative(iterativeCase, "SIRT (relaxation " + Sirt.DEFAULT_RELAXATION +
			")", "step", (p, y, k) -> Sirt.solve(p, y, k, Progress.NONE).estimate(), 100);
		final String sart = iterative(iterativeCase, "SART (" + Sart.DEFAULT_ANGLES_PER_SUBSET +
			" angle per subset, relaxation " + Sart.DEFAULT_RELAXATION + ")", "sweep", (p, y, k) -> Sart
				.solve(p, y, k, Progress.NONE).estimate(), Sart.DEFAULT_ITERATIONS, 30);
		out.println();
		out.println("One run each: SIRT " + sirt + "; SART " + sart + ".");
	}

	private void fbp(final JsonObject c) throws IOException {
		final int n = c.get("size").getAsInt();
		final float[] phantom = RawFloatArray.read(dir, c.get("phantom").getAsString()).data;
		final float[] sino = sinogram(c);
		final double[] angles = ParallelBeamProjector.halfTurn(c.get("angles").getAsInt());
		final String name = "FBP ramp vs `iradon` ramp, " + n + "×" + n + ", " + angles.length +
			" angles";
		if (n % 2 == 1) {
			fbp(name + " (both conventions put the rotation centre on the same pixel)", c, n, angles,
				sino, phantom, RotationCentre.GEOMETRIC);
			return;
		}
		fbp(name + ", PriorJ's projector with `center=pixel`, scikit-image's convention", c, n,
			angles, sino, phantom, RotationCentre.PIXEL);
		fbp(name + ", PriorJ's default `center=geometric` on scikit-image's sinogram (the wrong " +
			"convention for this data, half a pixel off)", c, n, angles, sino, phantom,
			RotationCentre.GEOMETRIC);
	}

	private void fbp(final String name, final JsonObject c, final int n, final double[] angles,
		final float[] sino, final float[] phantom, final RotationCentre centre)
	{
		final float[][] rec = new float[1][];
		final Timer.Result t = Timer.time(() -> rec[0] = FilteredBackProjection.ramp(
			new ParallelBeamProjector(n, n, angles, n, centre)).apply(sino), repeats, 3);
		final JsonObject sk = c.getAsJsonObject("skimage_fbp");
		final double ours = Psnr.compute(phantom, rec[0], 1, Masks.inscribedDisk(n, n));
		final double theirs = sk.get("psnr_disk").getAsDouble();
		final double skMs = median(sk.getAsJsonObject("time"));
		final boolean met = skMs / t.medianMs >= 2 && ours >= theirs - 0.5;
		row(name, t.medianMs, skMs, ours, theirs, (met ? "met" : "not met") +
			" (≥ 2× faster, PSNR at most 0.5 dB lower)");
	}

	private void tv(final JsonObject c) throws IOException {
		final RawFloatArray noisy = RawFloatArray.read(dir, c.get("noisy").getAsString());
		final float[] clean = RawFloatArray.read(dir, c.get("clean").getAsString()).data;
		final double weight = c.get("weight").getAsDouble();
		final TvDenoiser tv = new TvDenoiser(weight);
		final float[][] est = new float[1][];
		final Timer.Result t = Timer.time(() -> est[0] = tv.denoise(noisy.data, noisy.shape),
			repeats, 3);
		final JsonObject sk = c.getAsJsonObject("skimage");
		final double ours = Psnr.compute(clean, est[0], 1);
		final double theirs = sk.get("psnr").getAsDouble();
		final double skMs = median(sk.getAsJsonObject("time"));
		row(String.format("TV denoising, weight %s, camera %s, noise σ %s (input %.2f dB)",
			weight, size(noisy.shape), c.get("sigma").getAsDouble(), c.get("psnr_input")
				.getAsDouble()), t.medianMs, skMs, ours, theirs, atLeastAsGood(t.medianMs, skMs,
					ours, theirs));
	}

	private void richardsonLucy(final JsonObject c) throws IOException {
		final RawFloatArray blurred = RawFloatArray.read(dir, c.get("blurred").getAsString());
		final float[] clean = RawFloatArray.read(dir, c.get("clean").getAsString()).data;
		final Kernel kernel = Kernel.gaussian(c.get("sigma").getAsDouble());
		samePsf(RawFloatArray.read(dir, c.get("psf").getAsString()), kernel);
		final int h = blurred.shape.dim(0), w = blurred.shape.dim(1);
		final int iterations = c.get("iterations").getAsInt();
		final float[][] est = new float[1][];
		final Timer.Result t = Timer.time(() -> est[0] = RichardsonLucy.solve(new Blur(h, w,
			kernel, Boundary.REFLECT), blurred.data, iterations, Progress.NONE).estimate(),
			repeats, 3);
		final int b = c.get("border").getAsInt();
		final boolean[] interior = interior(h, w, b);
		final JsonObject sk = c.getAsJsonObject("skimage");
		final JsonObject skPsnr = sk.getAsJsonObject("psnr");
		final JsonObject input = c.getAsJsonObject("psnr_input");
		final double skMs = median(sk.getAsJsonObject("time"));
		final double oursIn = Psnr.compute(clean, est[0], 1, interior);
		final double theirsIn = skPsnr.get("interior").getAsDouble();
		final double oursFull = Psnr.compute(clean, est[0], 1);
		final double theirsFull = skPsnr.get("full").getAsDouble();
		final String name = String.format("Richardson-Lucy, %d steps, Gaussian σ %s (%d×%d), noise %s",
			iterations, c.get("sigma").getAsDouble(), kernel.height(), kernel.width(), c.get("noise")
				.getAsDouble());
		row(String.format("%s; without a %d-pixel border (input %.2f dB)", name, b, input.get(
			"interior").getAsDouble()), t.medianMs, skMs, oursIn, theirsIn, atLeastAsGood(
				t.medianMs, skMs, oursIn, theirsIn));
		row(String.format("same, full image (input %.2f dB)", input.get("full").getAsDouble()),
			t.medianMs, skMs, oursFull, theirsFull, atLeastAsGood(t.medianMs, skMs, oursFull,
				theirsFull));
		// scikit-image clips its result to [-1, 1] by default, which removes overshoots above 1
		final double unclipped = skPsnr.get("interior_unclipped").getAsDouble();
		row("same, without the border, scikit-image's final clip to [−1, 1] off (`clip=False`)",
			t.medianMs, skMs, oursIn, unclipped, atLeastAsGood(t.medianMs, skMs,
				oursIn, unclipped));
	}

	/** An iterative CT method as the bench calls it: {@code steps} steps from zeros. */
	private interface Iterative {

		float[] run(ParallelBeamProjector projector, float[] sinogram, int steps);
	}

	/**
	 * The rows of an iterative method against {@code iradon_sart}: time per step and PSNR after 1
	 * step, then 10 steps; returns the time (ms, one run) and PSNR after each of {@code later}
	 * steps, as text.
	 */
	private String iterative(final JsonObject c, final String method, final String step,
		final Iterative solver, final int... later) throws IOException
	{
		final int n = c.get("size").getAsInt();
		final float[] phantom = RawFloatArray.read(dir, c.get("phantom").getAsString()).data;
		final double[] angles = ParallelBeamProjector.halfTurn(c.get("angles").getAsInt());
		// scikit-image's convention, as for FBP, so that the comparison is about the iterations
		final float[] sino = sinogram(c);
		final ParallelBeamProjector projector = new ParallelBeamProjector(n, n, angles, n,
			RotationCentre.PIXEL);
		final boolean[] disk = Masks.inscribedDisk(n, n);
		final double[] psnr = new double[11];
		final Timer.Result[] t = new Timer.Result[11];
		for (final int k : new int[] { 1, 10 }) {
			final float[][] est = new float[1][];
			t[k] = Timer.time(() -> est[0] = solver.run(projector, sino, k), repeats, 3);
			psnr[k] = Psnr.compute(phantom, est[0], 1, disk);
		}
		final JsonObject sk = c.getAsJsonObject("skimage_sart");
		final double skMs = median(sk.getAsJsonObject("time_per_iteration"));
		final JsonObject skPsnr = sk.getAsJsonObject("psnr_disk");
		final String name = method + " vs `iradon_sart` (relaxation " + sk.get("relaxation")
			.getAsDouble() + "), " + n + "×" + n + ", " + angles.length + " angles, `center=pixel`";
		row(name + ": per " + step + " (PriorJ: (10 " + step + "s − 1 " + step + ") / 9); PSNR after 1 " +
			step, (t[10].medianMs - t[1].medianMs) / 9, skMs, psnr[1], skPsnr.get("1").getAsDouble(),
			"none set");
		row("same, 1 " + step + ", whole call (PriorJ: its set-up included)", t[1].medianMs, skMs,
			psnr[1], skPsnr.get("1").getAsDouble(), "none set");
		row("same, 10 " + step + "s (scikit-image: 10 × one " + step + "); PSNR after 10 " + step + "s",
			t[10].medianMs, 10 * skMs, psnr[10], skPsnr.get("10").getAsDouble(), "none set");
		final StringBuilder runs = new StringBuilder();
		for (final int k : later) {
			final long t0 = System.nanoTime();
			final float[] x = solver.run(projector, sino, k);
			runs.append(String.format("%s%d %ss %.0f ms, %.2f dB", runs.length() > 0 ? ", " : "", k,
				step, (System.nanoTime() - t0) / 1e6, Psnr.compute(phantom, x, 1, disk)));
		}
		return runs.toString();
	}

	/** The case's sinogram as PriorJ lays it out, (angles, detectors). */
	private RawFloatArray sinogramArray(final JsonObject c) throws IOException {
		final RawFloatArray s = RawFloatArray.read(dir, c.get("sinogram").getAsString());
		final String layout = c.get("sinogram_layout").getAsString();
		if (layout.equals("angles x detectors")) return s;
		Checks.require(layout.equals("detectors x angles"), "sinogram_layout", layout,
			"angles x detectors, or detectors x angles (scikit-image's radon)");
		return s.transposed();
	}

	private float[] sinogram(final JsonObject c) throws IOException {
		final RawFloatArray s = sinogramArray(c);
		final int n = c.get("size").getAsInt();
		Checks.require(s.shape.equals(Shape.of(c.get("angles").getAsInt(), n)), "sinogram", "shape " +
			s.shape, "(angles, detectors) = (" + c.get("angles").getAsInt() + ", " + n + ")");
		return s.data;
	}

	/** Refuses a PSF file that is not PriorJ's kernel, so that both sides deblur with the same. */
	private static void samePsf(final RawFloatArray psf, final Kernel k) {
		Checks.require(psf.shape.equals(Shape.of(k.height(), k.width())), "psf", "shape " +
			psf.shape, "the kernel's " + k.height() + "×" + k.width());
		for (int y = 0; y < k.height(); y++)
			for (int x = 0; x < k.width(); x++)
				Checks.require(Math.abs(psf.data[y * k.width() + x] - k.at(y, x)) < 1e-6f, "psf",
					"value " + psf.data[y * k.width() + x] + " at (" + y + ", " + x + ")", "Kernel's " +
						k.at(y, x));
	}

	private static boolean[] interior(final int h, final int w, final int border) {
		final boolean[] mask = new boolean[h * w];
		for (int y = border; y < h - border; y++)
			for (int x = border; x < w - border; x++) mask[y * w + x] = true;
		return mask;
	}

	private static String atLeastAsGood(final double oursMs, final double skMs, final double ours,
		final double theirs)
	{
		return (oursMs <= skMs && ours >= theirs - SAME_DB ? "met" : "not met") +
			" (at least as fast, PSNR equal or better)";
	}

	private void row(final String name, final double oursMs, final double skMs, final double ours,
		final double theirs, final String target)
	{
		out.printf("| %s | %.1f | %.1f | %.1fx | %.2f | %.2f | %+.3f | %s |%n", name, oursMs, skMs,
			skMs / oursMs, ours, theirs, ours - theirs, target);
	}

	private static String size(final Shape s) {
		return s.dim(0) + "×" + s.dim(1);
	}

	private static double median(final JsonObject time) {
		return time.get("median_ms").getAsDouble();
	}
}
