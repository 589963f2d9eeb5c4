package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.priorj.cli.Montage;
import org.priorj.cli.TestImages;
import org.priorj.metrics.Psnr;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.Measurement;
import org.priorj.physics.OperatorSpec;
import org.priorj.base.Shape;
import org.priorj.physics.Simulator;
import org.priorj.prior.Denoiser;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.base.Progress;
import org.priorj.solve.RedDiff;
import org.priorj.solve.RedDiffPreset;
import org.priorj.solve.TaskDefaults;
import org.priorj.solve.ClassicalMethods;
import org.priorj.solve.RedDiff;
import org.priorj.solve.Result;

/**
 * {@code priorj bench red-diff}: RED-Diff with the shipped {@code natural-gray} prior and the
 * shipped per-task presets against the classical baselines on held-out photographs (256×256,
 * values in [0, 1], seeded noise 0.01), then its speed. Every baseline parameter (TV weight,
 * Richardson-Lucy iterations) is the best of a grid by mean PSNR over the same images, an oracle
 * choice that favours the baselines; RED-Diff gets no tuning here (its presets were tuned on
 * training images). Writes a montage of the first image per task.
 * <p>
 * Speed: one restoration per size with the inpainting preset; the network's calls are timed
 * apart from everything else, so the share of each step spent outside the network is measured
 * directly. Peak memory is the process's peak resident set ({@code VmHWM}, network included)
 * and the Java heap in use after the run; sizes run in increasing order.
 */
final class RedDiffBench {

	static final String[] IMAGES = { "camera.png", "astronaut.png", "coins.png", "cell.png",
		"ascent.png", "clock_motion.png" };
	private static final double NOISE = 0.01;
	/** The baselines' grids; TV weights are for the benchmark's images, in [0, 1]. */
	private static final double[] TV_WEIGHTS = { 0.002, 0.005, 0.01, 0.02, 0.04 };
	private static final int[] RL_ITERATIONS = { 20, 50, 100, 200 };

	private final File images;
	private final int size;
	private final File montage;
	private final PrintStream out;

	RedDiffBench(final File images, final int size, final File montage, final PrintStream out) {
		this.images = images;
		this.size = size;
		this.montage = montage;
		this.out = out;
	}

	void run(final boolean quality, final boolean speed) {
		final PriorRegistry registry = PriorRegistries.standard("cpu");
		try {
			final Denoiser prior = registry.load("natural-gray");
			if (quality) {
				final List<float[][]> rows = new ArrayList<>();
				rows.add(task(prior, "inpainting", "mask missing_fraction=0.5", baselines(
					"harmonic_inpainting", "biharmonic_inpainting", "tv")));
				rows.add(task(prior, "super_resolution", "downsample factor=4", baselines("bicubic")));
				rows.add(task(prior, "deblurring", "blur psf=gaussian:2", baselines("richardson_lucy",
					"tv")));
				if (montage != null) writeMontage(rows);
			}
			if (speed) speed(prior);
		}
		finally {
			registry.releaseAll();
		}
	}

	private static List<BaselineGrid> baselines(final String... methods) {
		final List<BaselineGrid> all = new ArrayList<>();
		for (final String m : methods) {
			switch (m) {
				case "tv":
					all.add(BaselineGrid.tv(TV_WEIGHTS, false));
					break;
				case "richardson_lucy":
					all.add(BaselineGrid.iterations(m, RL_ITERATIONS, "Richardson-Lucy"));
					break;
				default:
					all.add(BaselineGrid.single(m, m.replace('_', ' ')));
			}
		}
		return all;
	}

	/** Returns {truth, measurement shown, best baseline, RED-Diff} of the first image. */
	private float[][] task(final Denoiser prior, final String task, final String spec,
		final List<BaselineGrid> baselines)
	{
		final int n = IMAGES.length;
		final List<float[]> truth = new ArrayList<>();
		final List<Measurement> ms = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final float[] x = TestImages.gray(images, IMAGES[i], size);
			truth.add(x);
			ms.add(Simulator.simulate(x, Shape.of(size, size), OperatorSpec.parse(spec + " seed=" + i),
				new GaussianNoise(NOISE), 100 + i));
		}
		final RedDiffPreset preset = TaskDefaults.redDiff(Task.parse("task", task, TaskDefaults
			.redDiffTasks()));
		out.println();
		out.println("Task " + task + ", `" + spec + "`, noise " + NOISE + ", " + n + " held-out images " +
			size + "×" + size + "; RED-Diff preset " + preset + ":");
		out.println();
		final StringBuilder head = new StringBuilder("| image |");
		final StringBuilder rule = new StringBuilder("|---|");
		final double[][] best = new double[baselines.size()][];
		final float[][] bestFirst = new float[baselines.size()][];
		for (int b = 0; b < baselines.size(); b++) {
			final BaselineGrid g = baselines.get(b).score(ms, (i, est) -> Psnr.compute(truth.get(i),
				est, 1));
			best[b] = g.best;
			bestFirst[b] = g.bestFirst;
			head.append(' ').append(g.bestLabel).append(" dB |");
			rule.append("---|");
		}
		head.append(" RED-Diff dB | gain over best baseline dB | RED-Diff s |");
		rule.append("---|---|---|");
		out.println(head);
		out.println(rule);
		final double[] red = new double[n], secs = new double[n];
		float[] redFirst = null;
		for (int i = 0; i < n; i++) {
			final long t0 = System.nanoTime();
			final Result r = RedDiff.reconstruct(Problems.fromMeasurement(ms.get(i), IMAGES[i]), prior,
				preset, 0, Progress.NONE);
			secs[i] = (System.nanoTime() - t0) / 1e9;
			if (i == 0) redFirst = r.estimate();
			red[i] = Psnr.compute(truth.get(i), r.estimate(), 1);
		}
		final double[] bestOf = new double[n + 1];
		for (int i = 0; i <= n; i++) {
			final StringBuilder row = new StringBuilder("| " + (i < n ? IMAGES[i] : "**mean**") + " |");
			for (int b = 0; b < baselines.size(); b++)
				row.append(String.format(Locale.ROOT, " %.2f |", i < n ? best[b][i] : mean(best[b])));
			final double r = i < n ? red[i] : mean(red);
			double bb = -1;
			if (i < n) {
				for (final double[] p : best) bb = Math.max(bb, p[i]);
			}
			else {
				for (final double[] p : best) bb = Math.max(bb, mean(p));
			}
			bestOf[i] = bb;
			row.append(String.format(Locale.ROOT, " %.2f | %+.2f | %.1f |", r, r - bb, i < n ? secs[i]
				: mean(secs)));
			out.println(row);
		}
		int bestIdx = 0;
		for (int b = 1; b < best.length; b++)
			if (mean(best[b]) > mean(best[bestIdx])) bestIdx = b;
		final Measurement m0 = ms.get(0);
		return new float[][] { truth.get(0), shown(m0), bestFirst[bestIdx], redFirst };
	}

	private static double mean(final double[] v) {
		return Arrays.stream(v).average().orElse(0);
	}

	/** The measurement at the image's size for display (nearest-neighbour for a small one). */
	private float[] shown(final Measurement m) {
		final Shape s = m.dataShape();
		if (s.size() == size * size) return m.data();
		final FloatProcessor fp = new FloatProcessor(s.dim(1), s.dim(0), m.data().clone());
		fp.setInterpolationMethod(ImageProcessor.NONE);
		return (float[]) fp.resize(size, size).getPixels();
	}

	private void writeMontage(final List<float[][]> rows) {
		Montage.write(rows, size, montage);
		out.println();
		out.println("Montage written to " + montage + " (rows: inpainting, super-resolution, " +
			"deblurring; columns: truth, measurement, best baseline, RED-Diff).");
	}

	private void speed(final Denoiser prior) {
		final RedDiffPreset preset = TaskDefaults.redDiff(Task.INPAINTING);
		out.println();
		out.println("Speed, inpainting preset (" + preset + "), one restoration per size after one " +
			"warm-up run at the same size; CPU, " + Runtime.getRuntime().availableProcessors() +
			" cores:");
		out.println();
		out.println("| size | start (" + preset.initLabel() + ") s | steps | steps s | network s | outside " +
			"the network per step | ms per step | peak RSS | Java heap used |");
		out.println("|---|---|---|---|---|---|---|---|---|");
		for (final int s : new int[] { 256, 512 }) {
			final float[] x = TestImages.gray(images, IMAGES[0], s);
			final Measurement m = Simulator.simulate(x, Shape.of(s, s), OperatorSpec.parse(
				"mask missing_fraction=0.5"), new GaussianNoise(NOISE), 1);
			final Problem problem = Problems.fromMeasurement(m, IMAGES[0]);
			final long i0 = System.nanoTime();
			ClassicalMethods.reconstruct(preset.init().orElseThrow(), m.operator(), m.data(),
				Task.INPAINTING, new ClassicalMethods.Parameters(), Progress.NONE);
			final double init = (System.nanoTime() - i0) / 1e9;
			RedDiff.reconstruct(problem, prior, preset.withSteps(5), 0, Progress.NONE); // warm-up
			final TimedDenoiser timed = new TimedDenoiser(prior);
			final long t0 = System.nanoTime();
			final Result r = RedDiff.reconstruct(problem, timed, preset, 0, Progress.NONE);
			final double total = (System.nanoTime() - t0) / 1e9, net = timed.nanos / 1e9;
			final Runtime rt = Runtime.getRuntime();
			out.println(String.format(Locale.ROOT, "| %d×%d | %.2f | %d | %.2f | %.2f | %.1f %% | %.0f | %s | %s |",
				s, s, init, r.iterations(), total, net, 100 * (total - net) / total, 1000 * total / r
					.iterations(), OperatorBench.bytes(DenoiserBench.procStatusKb("VmHWM") * 1024),
				OperatorBench.bytes(rt.totalMemory() - rt.freeMemory())));
		}
	}
}
