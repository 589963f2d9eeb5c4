package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.cli.TestImages;
import org.priorj.metrics.Correlation;
import org.priorj.metrics.Coverage;
import org.priorj.metrics.Psnr;
import org.priorj.metrics.StdCalibration;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.Measurement;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Problems;
import org.priorj.physics.Simulator;
import org.priorj.physics.Task;
import org.priorj.prior.Denoiser;
import org.priorj.prior.LatentPrior;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.solve.RedDiff;
import org.priorj.solve.Result;
import org.priorj.solve.TaskDefaults;
import org.priorj.solve.Vble;
import org.priorj.solve.VblePreset;

/**
 * {@code priorj bench vble}: VBLE with the shipped autoencoder prior and the per-task presets on
 * photographs (256×256, values in [0, 1]): PSNR against the classical baselines (each the best of
 * a grid, an oracle choice that favours them), and the std map's worth: the coverage of the
 * Gaussian credible intervals mean ± z std at 50, 90 and 95 % (the fraction of true pixel values
 * inside) and the correlation of the std with the absolute error. Beside it, optionally, the
 * spread of RED-Diff's estimates over K seeds measured the same way. The held-out set is the
 * RED-Diff benchmark's; the training set ({@code --set training}) is where presets are tuned, with
 * overrides of the preset's lambda, rate scale, model, iterations and samples.
 */
final class VbleBench {

	/** Training photographs for tuning (from the training split; never held-out images). */
	static final String[] TRAINING = { "coffee.png", "chelsea.png", "rocket.png", "brick.png" };
	static final double[] LEVELS = { 0.5, 0.9, 0.95 };
	private static final double[] TV_WEIGHTS = { 0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16 };
	private static final int[] RL_ITERATIONS = { 20, 50, 100, 200 };
	private static final int SIZE = 256;

	/** One benchmark task: the operator, the noise, the baselines. */
	record Case(Task task, String spec, double noise, String... baselines) {}

	static final List<Case> CASES = List.of(
		new Case(Task.INPAINTING, "mask missing_fraction=0.5", 0.01, "biharmonic_inpainting", "tv"),
		new Case(Task.SUPER_RESOLUTION, "downsample factor=4", 0.01, "bicubic"),
		new Case(Task.DEBLURRING, "blur psf=gaussian:2", 0.01, "richardson_lucy", "tv"),
		new Case(Task.DENOISING, "identity", 0.1, "tv"));

	/** What to run; the overrides are NaN / null / 0 for the preset's value. */
	static final class Settings {
		File images = new File("test-images");
		String prior = "cae-natural-gray";
		boolean training = false, baselines = true;
		List<Task> tasks = CASES.stream().map(Case::task).toList();
		int count = 0, iterations = 0, samples = 0, redDiffSeeds = 0;
		double lambda = Double.NaN, rateScale = Double.NaN;
		String model = null;
		File montage = null;
	}

	private final Settings s;
	private final PrintStream out;

	VbleBench(final Settings s, final PrintStream out) {
		this.s = s;
		this.out = out;
	}

	void run() {
		final PriorRegistry registry = PriorRegistries.standard("cpu");
		try {
			final LatentPrior prior = registry.load(s.prior, LatentPrior.class);
			final Denoiser red = s.redDiffSeeds > 0 ? registry.load("natural-gray") : null;
			final List<float[][]> rows = new ArrayList<>();
			for (final Case c : CASES) if (s.tasks.contains(c.task)) rows.add(task(c, prior, red));
			if (s.montage != null) {
				org.priorj.cli.Montage.write(rows, SIZE, s.montage);
				out.println();
				out.println("Montage written to " + s.montage + " (a row per task, first image; columns: " +
					"truth, measurement, VBLE estimate, std map, absolute error; the last two on one scale, " +
					"white at the 99th percentile of the error).");
			}
		}
		finally {
			registry.releaseAll();
		}
	}

	private VblePreset preset(final Task t) {
		VblePreset p = TaskDefaults.vble(t);
		if (!Double.isNaN(s.lambda)) p = p.withLambda(s.lambda);
		if (!Double.isNaN(s.rateScale)) p = p.withRateScale(s.rateScale);
		if (s.iterations > 0) p = p.withIterations(s.iterations);
		if (s.samples > 0) p = p.withSamples(s.samples);
		if (s.model != null) p = p.withModel(VblePreset.Model.parse(s.model));
		return p;
	}

	/** Returns the first image's montage row: truth, measurement, estimate, std, |error|. */
	private float[][] task(final Case c, final LatentPrior prior, final Denoiser red) {
		final String[] names = s.training ? TRAINING : RedDiffBench.IMAGES;
		final int n = s.count > 0 ? Math.min(s.count, names.length) : names.length;
		final List<float[]> truth = new ArrayList<>();
		final List<Measurement> ms = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final float[] x = TestImages.gray(s.images, names[i], SIZE);
			truth.add(x);
			ms.add(Simulator.simulate(x, Shape.of(SIZE, SIZE), OperatorSpec.parse(c.spec + " seed=" +
				i), new GaussianNoise(c.noise), 100 + i));
		}
		final VblePreset preset = preset(c.task);
		out.println();
		out.println("Task " + c.task + ", `" + c.spec + "`, noise " + c.noise + ", " + n + (s.training
			? " training" : " held-out") + " images " + SIZE + "×" + SIZE + "; prior " + s.prior +
			"; VBLE preset " + preset + ":");
		out.println();
		final List<BaselineGrid> grids = new ArrayList<>();
		if (s.baselines) for (final String m : c.baselines)
			grids.add(switch (m) {
				case "tv" -> BaselineGrid.tv(TV_WEIGHTS, false);
				case "richardson_lucy" -> BaselineGrid.iterations(m, RL_ITERATIONS, "Richardson-Lucy");
				default -> BaselineGrid.single(m, m.replace('_', ' '));
			});
		final StringBuilder head = new StringBuilder("| image |");
		final StringBuilder rule = new StringBuilder("|---|");
		for (final BaselineGrid g : grids) {
			g.score(ms, (i, est) -> Psnr.compute(truth.get(i), est, 1));
			head.append(' ').append(g.bestLabel).append(" dB |");
			rule.append("---|");
		}
		head.append(" VBLE dB | gain dB | coverage 50/90/95 % | calibrated | corr(std, abs error) | s |");
		rule.append("---|---|---|---|---|---|");
		if (red != null) {
			head.append(" RED-Diff ×").append(s.redDiffSeeds).append(" dB | coverage 50/90/95 % | " +
				"calibrated | corr | s |");
			rule.append("---|---|---|---|---|");
		}
		out.println(head);
		out.println(rule);
		final Figures v = new Figures(n, true), r = new Figures(n, false);
		String model = "vble";
		float[][] row0 = null;
		final double[] best = new double[n];
		Arrays.fill(best, Double.NEGATIVE_INFINITY);
		for (final BaselineGrid g : grids) for (int i = 0; i < n; i++) best[i] = Math.max(best[i],
			g.best[i]);
		for (int i = 0; i < n; i++) {
			final long t0 = System.nanoTime();
			final Result res = Vble.reconstruct(Problems.fromMeasurement(ms.get(i), names[i]), prior,
				preset, 0, Progress.NONE);
			final double applied = Double.parseDouble(res.parameters().get("std_scale"));
			final float[] raw = res.std().orElseThrow().clone();
			for (int j = 0; j < raw.length; j++) raw[j] /= (float) applied;
			model = res.parameters().get("model");
			if (i == 0) row0 = montageRow(truth.get(0), ms.get(0), res);
			v.add(i, truth.get(i), res.estimate(), raw, TaskDefaults.stdScale(model, c.task, s.prior),
				(System.nanoTime() - t0) / 1e9);
			if (red != null) redDiff(c, red, ms.get(i), names[i], truth.get(i), r, i);
			final StringBuilder row = new StringBuilder("| " + names[i] + " |");
			for (final BaselineGrid g : grids) row.append(String.format(Locale.ROOT, " %.2f |", g.best[i]));
			row.append(v.row(i, grids.isEmpty() ? Double.NaN : best[i]));
			if (red != null) row.append(r.row(i, Double.NaN));
			out.println(row);
			out.flush();
		}
		final StringBuilder mean = new StringBuilder("| **mean** |");
		for (final BaselineGrid g : grids) mean.append(String.format(Locale.ROOT, " %.2f |", Arrays
			.stream(g.best).average().orElse(0)));
		double bestMean = Double.NEGATIVE_INFINITY;
		for (final BaselineGrid g : grids) bestMean = Math.max(bestMean, Arrays.stream(g.best)
			.average().orElse(0));
		mean.append(v.meanRow(grids.isEmpty() ? Double.NaN : bestMean));
		if (red != null) mean.append(r.meanRow(Double.NaN));
		out.println(mean);
		out.println();
		out.println(String.format(Locale.ROOT, "Split-conformal std scale (90 %%) fitted on these " +
			"images: %s %.4f", model, v.calibrationScale()));
		if (red != null) out.println(String.format(Locale.ROOT, "Split-conformal std scale (90 %%) " +
			"fitted on these images: red-diff (%d seeds) %.4f", s.redDiffSeeds, r.calibrationScale()));
		return row0;
	}

	/** Truth, the measurement at the image's size, the estimate, std and |error| on one scale. */
	private static float[][] montageRow(final float[] truth, final Measurement m, final Result r) {
		final Shape ds = m.dataShape();
		float[] shown = m.data();
		if (ds.size() != SIZE * SIZE) {
			final ij.process.FloatProcessor fp = new ij.process.FloatProcessor(ds.dim(1), ds.dim(0), m
				.data().clone());
			fp.setInterpolationMethod(ij.process.ImageProcessor.NONE);
			shown = (float[]) fp.resize(SIZE, SIZE).getPixels();
		}
		final float[] e = r.estimate(), std = r.std().orElseThrow().clone();
		final float[] error = new float[e.length];
		for (int i = 0; i < e.length; i++) error[i] = Math.abs(truth[i] - e[i]);
		final float[] sorted = error.clone();
		Arrays.sort(sorted);
		final float top = Math.max(1e-6f, sorted[(int) (0.99 * (sorted.length - 1))]);
		for (int i = 0; i < e.length; i++) {
			error[i] /= top;
			std[i] /= top;
		}
		return new float[][] { truth, shown, e, std, error };
	}

	/** RED-Diff's preset run with seeds 0..K-1: the mean and the spread over seeds. */
	private void redDiff(final Case c, final Denoiser red, final Measurement m, final String name,
		final float[] truth, final Figures r, final int i)
	{
		final long t0 = System.nanoTime();
		final int k = s.redDiffSeeds;
		final double[] mean = new double[truth.length], m2 = new double[truth.length];
		for (int seed = 0; seed < k; seed++) {
			final float[] e = RedDiff.reconstruct(Problems.fromMeasurement(m, name), red, TaskDefaults
				.redDiff(c.task), seed, Progress.NONE).estimate();
			for (int j = 0; j < e.length; j++) {
				final double d = e[j] - mean[j];
				mean[j] += d / (seed + 1);
				m2[j] += d * (e[j] - mean[j]);
			}
		}
		final float[] mf = new float[mean.length], sf = new float[mean.length];
		for (int j = 0; j < mf.length; j++) {
			mf[j] = (float) mean[j];
			sf[j] = (float) Math.sqrt(m2[j] / (k - 1));
		}
		r.add(i, truth, mf, sf, TaskDefaults.stdScale("red-diff", c.task, "natural-gray"), (System
			.nanoTime() - t0) / 1e9);
	}

	/**
	 * PSNR, coverage of the raw and of the calibrated std map, correlation and time per image; the
	 * images kept for fitting a calibration scale.
	 */
	static final class Figures {

		final double[] psnr, seconds, correlation;
		final double[][] coverage, calibrated;
		final List<float[]> truths = new ArrayList<>(), means = new ArrayList<>(), stds =
			new ArrayList<>();

		/** Whether rows have a gain-over-the-baseline column. */
		private final boolean gain;

		Figures(final int n, final boolean gain) {
			this.gain = gain;
			psnr = new double[n];
			seconds = new double[n];
			correlation = new double[n];
			coverage = new double[n][LEVELS.length];
			calibrated = new double[n][LEVELS.length];
			for (final double[] c : calibrated) Arrays.fill(c, Double.NaN);
		}

		void add(final int i, final float[] truth, final float[] mean, final float[] std,
			final java.util.OptionalDouble scale, final double secs)
		{
			psnr[i] = Psnr.compute(truth, mean, 1);
			seconds[i] = secs;
			final float[] scaled = std.clone();
			for (int j = 0; j < scaled.length; j++) scaled[j] *= (float) scale.orElse(1);
			for (int l = 0; l < LEVELS.length; l++) {
				coverage[i][l] = Coverage.gaussian(truth, mean, std, LEVELS[l]);
				if (scale.isPresent()) calibrated[i][l] = Coverage.gaussian(truth, mean, scaled, LEVELS[l]);
			}
			final float[] error = new float[truth.length];
			for (int j = 0; j < error.length; j++) error[j] = Math.abs(truth[j] - mean[j]);
			correlation[i] = Correlation.pearson(std, error);
			truths.add(truth);
			means.add(mean);
			stds.add(std);
		}

		double calibrationScale() {
			return StdCalibration.scale(truths, means, stds, 0.9);
		}

		String row(final int i, final double baseline) {
			return format(psnr[i], baseline, coverage[i], calibrated[i], correlation[i], seconds[i]);
		}

		String meanRow(final double baseline) {
			return format(avg(psnr), baseline, columnMeans(coverage), columnMeans(calibrated), avg(
				correlation), avg(seconds));
		}

		private static double[] columnMeans(final double[][] v) {
			final double[] m = new double[LEVELS.length];
			for (final double[] c : v) for (int l = 0; l < m.length; l++) m[l] += c[l] / v.length;
			return m;
		}

		private String format(final double psnr, final double baseline, final double[] cov,
			final double[] cal, final double corr, final double secs)
		{
			final String g = !gain ? "" : Double.isNaN(baseline) ? " – |" : String.format(Locale.ROOT,
				" %+.2f |", psnr - baseline);
			return String.format(Locale.ROOT, " %.2f |%s %s | %s | %.2f | %.1f |", psnr, g, percents(cov),
				percents(cal), corr, secs);
		}

		private static String percents(final double[] c) {
			return Double.isNaN(c[0]) ? "–" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f", 100 * c[0],
				100 * c[1], 100 * c[2]);
		}

		private static double avg(final double[] v) {
			return Arrays.stream(v).average().orElse(0);
		}
	}
}
