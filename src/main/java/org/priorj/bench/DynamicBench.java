package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.priorj.base.Progress;
import org.priorj.cli.Montage;
import org.priorj.cli.TestImages;
import org.priorj.image.phantom.DeformedImage;
import org.priorj.image.phantom.DynamicPhantom;
import org.priorj.metrics.Psnr;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.physics.ct.AngleSchedule;
import org.priorj.physics.ct.DynamicProjector;
import org.priorj.physics.ct.FilteredBackProjection;
import org.priorj.physics.ct.ParallelBeamProjector;
import org.priorj.prior.Denoiser;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.solve.PsmStart;
import org.priorj.solve.RedPsm;
import org.priorj.solve.RedPsmPreset;
import org.priorj.solve.TaskDefaults;
import org.priorj.solve.TvRegularized;

/**
 * {@code priorj bench dynamic}: dynamic CT with one parallel-beam view per frame in bit-reversed
 * order over 180° (RED-PSM's acquisition), frames of size² inside the field-of-view disk, Gaussian
 * noise of 0.5 % of the sinogram's maximum. Objects: the deforming Shepp-Logan phantom
 * ({@link DynamicPhantom}, held-out seeds 201, 202; training seed 1) and a real CT slice under a
 * known smooth motion ({@link DeformedImage}: CT_small_hu.tif held out; for training slice 150 of
 * the stent volume, a small object in much air, and the ch2_axial.tif head slice, which fills the
 * field of view as the held-out slice does). Methods: per-frame FBP, a static FBP of all views,
 * spatio-temporal TV (1000 iterations, best weight of a grid: an oracle choice that favours TV), PSM
 * alone (lambda = 0) and RED-PSM with PriorJ's preset for the frame count, or the overrides given.
 * PSNR: the mean over frames of each frame's PSNR, the data range that of the whole true series.
 */
final class DynamicBench {

	static final class Settings {
		boolean training;
		int size = 128;
		List<Integer> frames = List.of(128);
		List<String> methods = List.of("fbp", "static", "st-tv", "psm", "red-psm");
		List<String> objects = List.of("shepp-logan", "walnut-like");
		Integer order, nodes, iterations, innerSteps;
		Double lambda, beta, sigma, learningRate;
		String start;
		boolean mri;
		double[] tvWeights = { 0.1, 0.3, 1, 3, 10 };
		File images = new File("test-images");
		File pictures;
		String prior = "ct";
		/** The static slices of the walnut-like objects (null: the set's own). */
		List<String> slices;
		/** The deforming phantom's seeds (null: the set's own). */
		List<Long> seeds;
		/** Print RED-PSM's PSNR after every iteration. */
		boolean trace;
	}

	static final double NOISE = 0.005;
	/** Dynamic MRI: each frame its own random lines at this acceleration (centre always sampled). */
	static final double MRI_ACCELERATION = 8;

	private final Settings s;
	private final PrintStream out;

	DynamicBench(final Settings s, final PrintStream out) {
		this.s = s;
		this.out = out;
	}

	private record Series(String name, float[] frames) {}

	void run() throws Exception {
		final PriorRegistry registry = PriorRegistries.standard("cpu");
		try {
			final Denoiser prior = s.methods.contains("red-psm") ? registry.load(s.prior) : null;
			out.println("# dynamic CT, one view per frame (bit-reversal over 180 deg), noise " + NOISE +
				" x max, " + s.size + "x" + s.size + " frames, " + (s.training ? "training" : "held-out") +
				" objects");
			for (final int p : s.frames) {
				for (final Series series : objects(p)) {
					runOne(series, p, prior);
				}
			}
		}
		finally {
			registry.releaseAll();
		}
	}

	private List<Series> objects(final int p) {
		final List<Series> list = new ArrayList<>();
		final float[] fov = RedPsm.fieldOfView(s.size, s.size);
		for (final String o : s.objects) {
			switch (o) {
				case "shepp-logan":
					for (final long seed : s.seeds != null ? s.seeds : s.training ? List.of(1L) : List.of(201L,
						202L))
						list.add(new Series("deforming Shepp-Logan seed " + seed, new DynamicPhantom(s.size, p,
							seed).series()));
					break;
				case "walnut-like":
					for (final String file : s.slices != null ? s.slices : s.training ? List.of("ch2_axial.tif",
						"stent.tif") : List.of("CT_small_hu.tif"))
					{
						final float[] img = file.equals("stent.tif") ? TestImages.scaled(stentSlice(), s.size)
							: TestImages.gray(s.images, file, s.size);
						for (int i = 0; i < img.length; i++) img[i] *= fov[i];
						list.add(new Series("deformed " + file, new DeformedImage(img, s.size, s.size, p)
							.series()));
					}
					break;
				default:
					throw new IllegalArgumentException("Parameter 'objects': got '" + o +
						"'; allowed: shepp-logan, walnut-like.");
			}
		}
		return list;
	}

	private ij.ImagePlus stentSlice() {
		final ij.ImagePlus imp = TestImages.open(s.images, "stent.tif");
		imp.setSlice(Math.min(150, imp.getStackSize()));
		return imp;
	}

	private void runOne(final Series series, final int p, final Denoiser prior) {
		final int n = s.size;
		final float[] truth = series.frames();
		final double[][] angles = AngleSchedule.bitReversal(p, 1);
		final DynamicProjector a = DynamicProjector.of(n, n, angles);
		final org.priorj.physics.LinearOperator op = s.mri ? mriOperator(p, n) : a;
		final float[] x = s.mri ? complex(truth, p, n * n) : truth;
		final float[] clean = op.apply(x);
		// MRI noiseless, as the 2-D DDS MRI benchmark (noise relative to the DC term buries the rest)
		final float[] data = s.mri ? clean : GaussianNoise.relativeToMax(clean, NOISE).corrupt(clean, 7);
		final Problem problem = Problems.of(s.mri ? Task.MRI : Task.DYNAMIC_CT, op, data, series.name());
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (final float v : truth) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		final double range = hi - lo;
		out.println();
		out.println("## " + series.name() + ", P = " + p + (s.mri ? ", MRI x" + MRI_ACCELERATION +
			" random lines per frame, noiseless" : ""));
		out.println("| method | mean PSNR over frames (dB) | seconds | notes |");
		out.println("|---|---|---|---|");
		final Map<String, float[]> shown = new LinkedHashMap<>();
		shown.put("truth", truth);
		for (final String m : s.methods) {
			if (s.mri && m.equals("static")) continue; // the FBP of all views: CT only
			final long t0 = System.nanoTime();
			float[] est;
			String note = "";
			switch (s.mri && m.equals("fbp") ? "zero-filled" : m) {
				case "zero-filled":
					est = op.adjoint(data);
					break;
				case "fbp": {
					est = new float[truth.length];
					for (int t = 0; t < p; t++) {
						final ParallelBeamProjector pt = a.frame(t);
						final float[] row = java.util.Arrays.copyOfRange(data, t * n, (t + 1) * n);
						System.arraycopy(FilteredBackProjection.ramp(pt).apply(row), 0, est, t * n * n, n * n);
					}
					break;
				}
				case "static": {
					final double[] all = new double[p];
					for (int t = 0; t < p; t++) all[t] = angles[t][0];
					final float[] one = FilteredBackProjection.ramp(new ParallelBeamProjector(n, n, all, n))
						.apply(data);
					est = new float[truth.length];
					for (int t = 0; t < p; t++) System.arraycopy(one, 0, est, t * n * n, n * n);
					break;
				}
				case "st-tv": {
					double best = -1;
					float[] bestX = null;
					double bestW = 0;
					for (final double w : s.tvWeights) {
						final float[] tv = new TvRegularized(w).withIterations(1000).withNonNegativity(!s.mri)
							.withComplexImage(s.mri).solve(op, data, null, Progress.NONE).estimate();
						final double q = meanPsnr(truth, s.mri ? org.priorj.physics.mri.SingleCoilMri.magnitudes(tv, p) : tv, p, range);
						if (q > best) {
							best = q;
							bestX = tv;
							bestW = w;
						}
					}
					est = bestX;
					note = "best λ " + bestW + " of " + java.util.Arrays.toString(s.tvWeights);
					break;
				}
				case "psm":
				case "red-psm": {
					RedPsmPreset preset = preset(p);
					if (m.equals("psm")) preset = preset.withLambda(0);
					final IterateTrace trace = s.trace && m.equals("red-psm") ? new IterateTrace(prior, truth,
						p, range) : null;
					final RedPsm.Outcome o = RedPsm.reconstruct(problem, m.equals("psm") ? null : trace != null
						? trace : prior, preset, Progress.NONE);
					est = o.result().estimate();
					note = preset.toString();
					if (trace != null) trace.print(out, Double.parseDouble(o.result().parameters().get(
						"value_scale")), o.result().history());
					break;
				}
				default:
					throw new IllegalArgumentException("Parameter 'methods': got '" + m +
						"'; allowed: fbp, static, st-tv, psm, red-psm.");
			}
			if (s.mri && est.length == 2 * truth.length) est = org.priorj.physics.mri.SingleCoilMri.magnitudes(est, p);
			final double sec = (System.nanoTime() - t0) / 1e9;
			out.printf("| %s | %.2f | %.1f | %s |%n", m, meanPsnr(truth, est, p, range), sec, note);
			out.flush();
			shown.put(m, est);
		}
		if (s.pictures != null) pictures(series, p, shown, lo, hi);
	}

	private RedPsmPreset preset(final int p) {
		RedPsmPreset r = TaskDefaults.redPsm(p);
		if (s.order != null) r = r.withOrder(s.order);
		if (s.nodes != null) r = r.withNodes(s.nodes);
		if (s.lambda != null) r = r.withLambda(s.lambda);
		if (s.beta != null) r = r.withBeta(s.beta);
		if (s.sigma != null) r = r.withSigma(s.sigma);
		if (s.iterations != null) r = r.withIterations(s.iterations);
		if (s.innerSteps != null) r = r.withInnerSteps(s.innerSteps);
		if (s.learningRate != null) r = r.withLearningRate(s.learningRate);
		if (s.start != null) r = r.withStart(PsmStart.of(s.start));
		return r;
	}

	private static org.priorj.physics.LinearOperator mriOperator(final int p, final int n) {
		final List<org.priorj.physics.LinearOperator> ops = new ArrayList<>();
		for (int t = 0; t < p; t++) ops.add(new org.priorj.physics.mri.SingleCoilMri(n, n,
			org.priorj.physics.mri.SamplingMasks.uniformLines(n, n, MRI_ACCELERATION, 100 + t)));
		return org.priorj.physics.SliceWiseOperator.of(ops);
	}

	private static float[] complex(final float[] frames, final int p, final int plane) {
		final float[] out = new float[2 * frames.length];
		for (int t = 0; t < p; t++) System.arraycopy(frames, t * plane, out, 2 * t * plane, plane);
		return out;
	}

	/**
	 * The prior, passing every call on, that keeps what it needs for the PSNR of each frame series
	 * it is given: RED-PSM denoises its iterate f once per iteration, in working units (the user's
	 * divided by the run's value scale, known only at the end), so per frame the sums of x², x·truth
	 * and truth² are kept, from which the mean squared error at any scale follows.
	 */
	private static final class IterateTrace extends org.priorj.prior.ForwardingDenoiser {

		private final float[] truth;
		private final int frames;
		private final double range;
		private final List<double[]> sums = new ArrayList<>();

		IterateTrace(final Denoiser inner, final float[] truth, final int frames, final double range) {
			super(inner);
			this.truth = truth;
			this.frames = frames;
			this.range = range;
		}

		@Override
		public float[] denoise(final float[] x, final org.priorj.base.Shape nchw, final double sigma) {
			final int n = truth.length / frames;
			final double[] s = new double[3 * frames];
			for (int t = 0; t < frames; t++) {
				for (int i = t * n; i < (t + 1) * n; i++) {
					s[3 * t] += (double) x[i] * x[i];
					s[3 * t + 1] += (double) x[i] * truth[i];
					s[3 * t + 2] += (double) truth[i] * truth[i];
				}
			}
			sums.add(s);
			return super.denoise(x, nchw, sigma);
		}

		/** One line per iteration: the PSNR of f after k iterations (0: the start) and the next misfit. */
		void print(final PrintStream out, final double scale, final double[] misfit) {
			final int n = truth.length / frames;
			out.println("k | mean PSNR of f after k iterations (dB) | data misfit of F in iteration k + 1 " +
				"(relative)");
			for (int k = 0; k < sums.size(); k++) {
				final double[] s = sums.get(k);
				double psnr = 0;
				for (int t = 0; t < frames; t++) {
					final double mse = (scale * scale * s[3 * t] - 2 * scale * s[3 * t + 1] + s[3 * t + 2]) / n;
					psnr += 10 * Math.log10(range * range / mse);
				}
				out.printf("%d | %.2f | %s%n", k, psnr / frames, k < misfit.length ? String.format("%.3e",
					misfit[k]) : "");
			}
		}
	}

	/** The mean over frames of each frame's PSNR, with the series' data range. */
	static double meanPsnr(final float[] truth, final float[] est, final int p, final double range) {
		final int n = truth.length / p;
		double sum = 0;
		for (int t = 0; t < p; t++) sum += Psnr.compute(java.util.Arrays.copyOfRange(truth, t * n, (t +
			1) * n), java.util.Arrays.copyOfRange(est, t * n, (t + 1) * n), range);
		return sum / p;
	}

	/** Frames 0, P/4, P/2 and the time profile of row 3n/8 per method, one PNG per object. */
	private void pictures(final Series series, final int p, final Map<String, float[]> shown,
		final double lo, final double hi)
	{
		final int n = s.size, row = 3 * n / 8;
		final List<float[][]> rows = new ArrayList<>();
		for (final float[] x : shown.values()) {
			final float[][] cells = new float[4][];
			for (int c = 0; c < 3; c++) {
				final int t = c * p / 4;
				cells[c] = normalised(java.util.Arrays.copyOfRange(x, t * n * n, (t + 1) * n * n), lo, hi);
			}
			// profile: x along columns, t down the rows, resampled to n rows
			final float[] prof = new float[n * n];
			for (int r = 0; r < n; r++) {
				final int t = r * p / n;
				System.arraycopy(x, t * n * n + row * n, prof, r * n, n);
			}
			cells[3] = normalised(prof, lo, hi);
			rows.add(cells);
		}
		s.pictures.mkdirs();
		final String name = series.name().replaceAll("[^A-Za-z0-9]+", "-") + "-P" + p + ".png";
		Montage.write(rows, n, new File(s.pictures, name));
		out.println("(pictures: " + new File(s.pictures, name) + "; rows " + shown.keySet() +
			"; columns frames 0, P/4, P/2 and row " + row + " over time)");
	}

	private static float[] normalised(final float[] x, final double lo, final double hi) {
		final float[] y = new float[x.length];
		for (int i = 0; i < x.length; i++) y[i] = (float) ((x[i] - lo) / (hi - lo));
		return y;
	}
}
