package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;

import org.priorj.cli.Montage;
import org.priorj.cli.TestImages;
import org.priorj.image.ImagePlusConverter;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.image.phantom.RandomEllipses;
import org.priorj.metrics.Psnr;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Measurement;
import org.priorj.physics.NoiseModel;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.base.Shape;
import org.priorj.physics.Simulator;
import org.priorj.physics.mri.SingleCoilMri;
import org.priorj.prior.Denoiser;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.solve.ClassicalMethods;
import org.priorj.solve.DdsPreset;
import org.priorj.solve.Dds;
import org.priorj.solve.TaskDefaults;
import org.priorj.base.Progress;
import org.priorj.solve.RedDiff;
import org.priorj.solve.RedDiffPreset;
import org.priorj.solve.Result;

/**
 * {@code priorj bench dds}: DDS with the shipped priors and presets against the classical
 * baselines, then its speed.
 * <ul>
 * <li>CT, prior {@code ct}: held-out phantoms at 256×256 (the modified Shepp-Logan and four
 * random-ellipse images from a seed no training used), 30 views over 180° and 120 views over
 * 0–119°, Gaussian noise of 0.5 % of the sinogram's maximum; FBP and TV (best weight of a grid by
 * mean PSNR, non-negative, an oracle choice that favours TV). Reported without a bar: the real CT
 * slice CT_small and two slices of the stent volume (a training volume of the prior).</li>
 * <li>MRI, prior {@code natural-gray} on the real and imaginary planes: the complex brain slice
 * (held out), uniform 1-D ×4 lines, noiseless; zero filling and TV (best weight). PSNR of the
 * magnitude, both scaled by the truth's largest magnitude.</li>
 * </ul>
 * Every row reports network calls, seconds and the process's peak resident set. Speed: one 256×256
 * sparse-view reconstruction with 50 network calls, the calls timed apart from the rest (CG,
 * operators, noise), against RED-Diff with as many calls and TV: time and quality.
 */
final class DdsBench {

	private static final int SIZE = 256;
	private static final double CT_NOISE = 0.005;
	private static final double[] CT_TV = { 0.16, 0.32, 0.64, 1.28, 2.56, 5.12 };
	/** TV's weight in the speed comparison: the best of the grid on the held-out phantoms. */
	private static final double SPEED_TV = 1.28;
	private static final double[] MRI_TV = { 0.001, 0.003, 0.01, 0.03 };
	private static final String SPARSE = "radon angles=0:180:30", LIMITED = "radon angles=0:120:120";

	private final File images;
	private final File montage;
	private final PrintStream out;

	DdsBench(final File images, final File montage, final PrintStream out) {
		this.images = images;
		this.montage = montage;
		this.out = out;
	}

	void run(final boolean quality, final boolean speed) {
		final PriorRegistry registry = PriorRegistries.standard("cpu");
		try {
			final Denoiser ct = registry.load("ct");
			if (quality) {
				final List<float[][]> rows = new ArrayList<>();
				final List<String> names = new ArrayList<>(List.of("Shepp-Logan (modified)"));
				final List<float[]> phantoms = new ArrayList<>(List.of(EllipsePhantom.sheppLogan(SIZE,
					true)));
				final RandomEllipses held = new RandomEllipses(1_000_003); // a seed no training used
				for (int i = 0; i < 4; i++) {
					phantoms.add(held.nextImage(SIZE));
					names.add("random ellipses #" + (i + 1));
				}
				rows.add(ct(ct, "sparse-view CT, 30 views", SPARSE, names, phantoms, true));
				rows.add(ct(ct, "limited-angle CT, 120 views over 0–119°", LIMITED, names, phantoms,
					true));
				final List<String> real = List.of("CT_small_hu.tif (held out)",
					"stent.tif slice 60 (training volume)", "stent.tif slice 150 (training volume)");
				final List<float[]> realImages = List.of(TestImages.gray(images, "CT_small_hu.tif", SIZE),
					slice("stent.tif", 60), slice("stent.tif", 150));
				ct(ct, "sparse-view CT on real slices, 30 views (no bar)", SPARSE, real, realImages, false);
				ct(ct, "limited-angle CT on real slices (no bar)", LIMITED, real, realImages, false);
				rows.add(mri(registry.load("natural-gray")));
				if (montage != null) {
					Montage.write(rows, SIZE, montage);
					out.println();
					out.println("Montage written to " + montage + " (rows: sparse-view CT, limited-angle " +
						"CT, MRI ×4; columns: truth, FBP or zero filling, best TV, DDS).");
				}
			}
			if (speed) speed(ct);
		}
		finally {
			registry.releaseAll();
		}
	}

	/** A slice of a stack scaled to [0, 1] and resized to SIZE. */
	private float[] slice(final String name, final int z) {
		final ImagePlus imp = IJ.openImage(new File(images, name).getPath());
		imp.setSlice(z);
		return TestImages.scaled(new ImagePlus(name + "#" + z, imp.getProcessor().duplicate()), SIZE);
	}

	private static NoiseModel ctNoise(final LinearOperator a, final float[] x) {
		return GaussianNoise.relativeToMax(a.apply(x), CT_NOISE);
	}

	/** Returns {truth, FBP, best TV, DDS} of the first image. */
	private float[][] ct(final Denoiser prior, final String title, final String spec,
		final List<String> names, final List<float[]> truth, final boolean bar)
	{
		final int n = truth.size();
		final OperatorSpec op = OperatorSpec.parse(spec);
		final LinearOperator a = Operators.build(op, Shape.of(SIZE, SIZE));
		final List<Measurement> ms = new ArrayList<>();
		for (int i = 0; i < n; i++)
			ms.add(Simulator.simulate(truth.get(i), Shape.of(SIZE, SIZE), op, ctNoise(a, truth.get(i)),
				200 + i));
		final DdsPreset preset = TaskDefaults.dds(Task.CT);
		final BaselineGrid fbp = BaselineGrid.single("fbp", "FBP").score(ms, (i, e) -> Psnr.compute(
			truth.get(i), e, 1));
		final BaselineGrid tv = BaselineGrid.tv(CT_TV, true).score(ms, (i, e) -> Psnr.compute(
			truth.get(i), e, 1));
		final double[] dds = new double[n], secs = new double[n];
		float[] first = null;
		int calls = 0;
		for (int i = 0; i < n; i++) {
			final long t0 = System.nanoTime();
			final Result r = Dds.reconstruct(Problems.fromMeasurement(ms.get(i), names.get(i)), prior,
				preset, 0, Progress.NONE);
			secs[i] = (System.nanoTime() - t0) / 1e9;
			calls = r.iterations();
			if (i == 0) first = r.estimate();
			dds[i] = Psnr.compute(truth.get(i), r.estimate(), 1);
		}
		table(title + ", `" + spec + "`, noise " + CT_NOISE + " × sinogram max, " + SIZE + "×" + SIZE +
			", prior ct, preset " + preset + " (" + calls + " network calls)", names, new BaselineGrid[] {
				fbp, tv }, dds, secs, bar);
		return new float[][] { truth.get(0), fbp.bestFirst, tv.bestFirst, first };
	}

	private float[][] mri(final Denoiser prior) {
		final ImagePlus imp = IJ.openImage(new File(images, "brain_slice_complex.tif").getPath());
		final int h = imp.getHeight(), w = imp.getWidth();
		final float[] x = ImagePlusConverter.pixels(imp);
		final float[] mag = SingleCoilMri.magnitude(x);
		double max = 0;
		for (final float v : mag) max = Math.max(max, v);
		final float scale = (float) (1 / max);
		for (int i = 0; i < x.length; i++) x[i] *= scale;
		final float[] truth = SingleCoilMri.magnitude(x);
		final OperatorSpec op = OperatorSpec.parse("mri mask=uniform1d acceleration=4 seed=1");
		final Measurement m = Simulator.simulate(x, Shape.of(2, h, w), op, NoiseModel.NONE, 1);
		final List<Measurement> ms = List.of(m);
		final BaselineGrid zf = BaselineGrid.single("zero_filled", "zero filling").score(ms, (i,
			e) -> Psnr.compute(truth, SingleCoilMri.magnitude(e), 1));
		final BaselineGrid tv = BaselineGrid.tv(MRI_TV, false).score(ms, (i, e) -> Psnr.compute(
			truth, SingleCoilMri.magnitude(e), 1));
		final DdsPreset preset = TaskDefaults.dds(Task.MRI);
		final long t0 = System.nanoTime();
		final Result r = Dds.reconstruct(Problems.fromMeasurement(m, "brain_slice_complex.tif"), prior,
			preset, 0, Progress.NONE);
		final double secs = (System.nanoTime() - t0) / 1e9;
		final float[] est = SingleCoilMri.magnitude(r.estimate());
		table("MRI, `" + op + "`, noiseless, " + w + "×" + h + ", prior " + prior.name() +
			" (real and imaginary planes as two grey images), preset " + preset + " (" + r
				.iterations() + " network calls)", List.of("brain_slice_complex.tif (magnitude)"),
			new BaselineGrid[] { zf, tv }, new double[] { Psnr.compute(truth, est, 1) }, new double[] {
				secs }, true);
		return new float[][] { pad(truth, h, w), pad(SingleCoilMri.magnitude(zf.bestFirst), h, w), pad(
			SingleCoilMri.magnitude(tv.bestFirst), h, w), pad(est, h, w) };
	}

	/** An (h, w) image centred on a SIZE×SIZE white-free black canvas for the montage. */
	private static float[] pad(final float[] img, final int h, final int w) {
		final float[] out = new float[SIZE * SIZE];
		final int y0 = (SIZE - h) / 2, x0 = (SIZE - w) / 2;
		for (int y = 0; y < Math.min(h, SIZE); y++)
			for (int x = 0; x < Math.min(w, SIZE); x++)
				out[(y0 + y) * SIZE + x0 + x] = img[y * w + x];
		return out;
	}

	private void table(final String title, final List<String> names, final BaselineGrid[] baselines,
		final double[] dds, final double[] secs, final boolean bar)
	{
		final int n = names.size();
		out.println();
		out.println(title + ":");
		out.println();
		final StringBuilder head = new StringBuilder("| image |"), rule = new StringBuilder("|---|");
		for (final BaselineGrid b : baselines) {
			head.append(' ').append(b.bestLabel).append(" dB |");
			rule.append("---|");
		}
		head.append(" DDS dB |");
		rule.append("---|");
		for (final BaselineGrid b : baselines) {
			head.append(" DDS − ").append(b.bestLabel.replaceAll(" \\(.*", "")).append(" dB |");
			rule.append("---|");
		}
		head.append(" DDS s |");
		rule.append("---|");
		out.println(head);
		out.println(rule);
		for (int i = 0; i <= n; i++) {
			final StringBuilder row = new StringBuilder("| " + (i < n ? names.get(i) : "**mean**") + " |");
			for (final BaselineGrid b : baselines)
				row.append(String.format(Locale.ROOT, " %.2f |", i < n ? b.best[i] : mean(b.best)));
			final double d = i < n ? dds[i] : mean(dds);
			row.append(String.format(Locale.ROOT, " %.2f |", d));
			for (final BaselineGrid b : baselines)
				row.append(String.format(Locale.ROOT, " %+.2f |", d - (i < n ? b.best[i] : mean(b.best))));
			row.append(String.format(Locale.ROOT, " %.1f |", i < n ? secs[i] : mean(secs)));
			out.println(row);
		}
		out.println();
		out.println("Peak RSS so far: " + OperatorBench.bytes(DenoiserBench.procStatusKb("VmHWM") *
			1024) + (bar ? "" : "; reported without a target."));
	}

	private static double mean(final double[] v) {
		return Arrays.stream(v).average().orElse(0);
	}

	private void speed(final Denoiser prior) {
		final float[] x = EllipsePhantom.sheppLogan(SIZE, true);
		final OperatorSpec op = OperatorSpec.parse(SPARSE);
		final LinearOperator a = Operators.build(op, Shape.of(SIZE, SIZE));
		final Measurement m = Simulator.simulate(x, Shape.of(SIZE, SIZE), op, ctNoise(a, x), 1);
		final DdsPreset preset = TaskDefaults.dds(Task.CT);
		final Problem problem = Problems.fromMeasurement(m, "Shepp-Logan");
		Dds.reconstruct(problem, prior, preset.withSteps(5), 0, Progress.NONE); // warm-up
		final TimedDenoiser timed = new TimedDenoiser(prior);
		final long t0 = System.nanoTime();
		final Result r = Dds.reconstruct(problem, timed, preset, 0, Progress.NONE);
		final double total = (System.nanoTime() - t0) / 1e9, net = timed.nanos / 1e9;
		final long v0 = System.nanoTime();
		final ClassicalMethods.Parameters p = new ClassicalMethods.Parameters();
		p.lambda = java.util.OptionalDouble.of(SPEED_TV);
		p.nonnegative = true;
		final float[] tv = ClassicalMethods.reconstruct("tv", m, p, Progress.NONE).estimate();
		final double tvSecs = (System.nanoTime() - v0) / 1e9;
		// RED-Diff on the same task: no CT preset exists, so the denoising preset's weights from
		// the FBP start, with as many network calls as DDS
		final RedDiffPreset rp = TaskDefaults.redDiff(Task.DENOISING).withSteps(50).withStartTime(100)
			.withInit(preset.init());
		final TimedDenoiser redTimed = new TimedDenoiser(prior);
		final long w0 = System.nanoTime();
		final Result red = RedDiff.reconstruct(problem, redTimed, rp, 0, Progress.NONE);
		final double redSecs = (System.nanoTime() - w0) / 1e9;
		out.println();
		out.println("Speed, sparse-view CT 256×256 (" + SPARSE + "), preset " + preset + "; CPU, " +
			Runtime.getRuntime().availableProcessors() + " cores, after a warm-up run:");
		out.println();
		out.println("| method | network calls | total s | network s | total / network | PSNR dB | peak RSS |");
		out.println("|---|---|---|---|---|---|---|");
		out.println(String.format(Locale.ROOT, "| DDS | %d | %.2f | %.2f | %.2f | %.2f | %s |",
			timed.calls, total, net, total / net, Psnr.compute(x, r.estimate(), 1), OperatorBench.bytes(
				DenoiserBench.procStatusKb("VmHWM") * 1024)));
		out.println(String.format(Locale.ROOT, "| RED-Diff (λ %s, lr %s, start 100, FBP start) | %d | %.2f | %.2f | %.2f | %.2f | |",
			rp.lambda(), rp.learningRate(), redTimed.calls, redSecs, redTimed.nanos / 1e9, redSecs / (redTimed.nanos /
				1e9), Psnr.compute(x, red.estimate(), 1)));
		out.println(String.format(Locale.ROOT, "| TV (λ %s, to convergence, non-negative) | 0 | %.2f | – | – | %.2f | |",
			SPEED_TV, tvSecs, Psnr.compute(x, tv, 1)));
	}
}
