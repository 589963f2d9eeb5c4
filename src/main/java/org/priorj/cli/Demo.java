package org.priorj.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.priorj.base.Checks;
import org.priorj.image.ImagePlusConverter;
import org.priorj.metrics.Psnr;
import org.priorj.metrics.Ssim;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Measurement;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.NoiseModel;
import org.priorj.physics.OperatorSpec;
import org.priorj.base.Shape;
import org.priorj.physics.Simulator;
import org.priorj.physics.ct.ParallelBeamProjector;
import org.priorj.physics.mri.SingleCoilMri;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.solve.ClassicalMethods;
import org.priorj.solve.Dds;
import org.priorj.solve.RedDiff;
import org.priorj.solve.TaskDefaults;
import org.priorj.solve.Vble;
import org.priorj.solve.VolumeMethod;
import org.priorj.solve.VolumeReconstruction;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.physics.Operators;
import org.priorj.base.Progress;
import org.priorj.solve.Result;

/**
 * {@code priorj demo}: simulates one measurement per task from held-out test images, writes each
 * as a self-describing measurement file, reconstructs it with the classical methods (through
 * {@link ClassicalMethods}, as the Reconstruct command does) and writes a report with PSNR/SSIM and a
 * montage. The methods' weights were chosen on training images (chelsea, coffee, a stent CT slice,
 * a ch2 MRI slice), never on the images shown here.
 */
final class Demo {

	private static final int SIZE = 256;

	private final File images;
	private final File out;
	private final boolean overwrite;
	private final PrintStream log;

	Demo(final File images, final File out, final boolean overwrite, final PrintStream log) {
		this.images = images;
		this.out = out;
		this.overwrite = overwrite;
		this.log = log;
	}

	/** One reconstruction: method, its parameters, the estimate and its scores. */
	private static final class Estimate {

		final String method;
		final float[] image;
		final double psnr, ssim, seconds;

		Estimate(final String method, final float[] image, final Case c, final double seconds) {
			this.method = method;
			this.image = image;
			this.seconds = seconds;
			final double range = range(c.truth);
			this.psnr = Psnr.compute(c.truth, image, range);
			// a volume's slices one above the other: SSIM's windows see each slice, a few straddle two
			this.ssim = Ssim.compute(c.truth, image, c.h * c.planes, c.w, range);
		}
	}

	private static final class Case {

		final String task, image;
		final Measurement measurement;
		final float[] truth, shown;
		final int h, w;
		/** Slices of a volume (its metrics over all of them, its central slice shown); 1 for an image. */
		int planes = 1;
		final List<Estimate> estimates = new ArrayList<>();

		Case(final String task, final String image, final Measurement measurement,
			final float[] truth, final float[] shown, final int h, final int w)
		{
			this.task = task;
			this.image = image;
			this.measurement = measurement;
			this.truth = truth;
			this.shown = shown;
			this.h = h;
			this.w = w;
		}
	}

	void run() throws IOException {
		Checks.require(images.isDirectory(), "images", "folder '" + images + "' does not exist",
			"the test-images folder (run from the repository root, or give --images)");
		Checks.require(overwrite || !new File(out, "report.md").exists(), "out", "'" + out +
			"' already holds a report", "a new folder, or --overwrite");
		Files.createDirectories(out.toPath());
		final List<Case> cases = new ArrayList<>();
		final float[] camera = TestImages.gray(images, "camera.png", SIZE);
		final float[] astronaut = TestImages.gray(images, "astronaut.png", SIZE);
		final float[] coins = TestImages.gray(images, "coins.png", SIZE);
		final float[] ct = TestImages.gray(images, "CT_small_hu.tif", SIZE);

		final PriorRegistry registry = PriorRegistries.standard("auto");
		try {
			run(registry, cases, camera, astronaut, coins, ct);
		}
		finally {
			registry.releaseAll();
		}
		writeMontage(cases);
		writeReport(cases);
		log.println("Wrote " + new File(out, "report.md") + " and " + new File(out,
			"montage.png"));
	}

	private void run(final PriorRegistry registry, final List<Case> cases, final float[] camera,
		final float[] astronaut, final float[] coins, final float[] ct) throws IOException
	{
		cases.add(denoising(registry, astronaut));

		final Measurement inp = simulate("inpainting", camera, "mask missing_fraction=0.5 seed=1",
			new GaussianNoise(0.01));
		cases.add(redDiff(registry, solve(new Case("inpainting, 50 % missing, noise 0.01", "camera",
			inp, camera, inp.data(), SIZE, SIZE), "harmonic_inpainting", 0, 500, "biharmonic_inpainting",
			0, 2000, "tv", null, null)));

		final Measurement sr = simulate("super-resolution", astronaut,
			"downsample factor=4 method=bicubic", new GaussianNoise(0.01));
		cases.add(redDiff(registry, solve(new Case("super-resolution ×4, noise 0.01", "astronaut", sr,
			astronaut, stretch(sr.data(), sr.dataShape()), SIZE, SIZE), "bicubic", 0, 1, "tv", null,
			null)));

		final Measurement blur = simulate("deblurring", coins, "blur psf=gaussian:2",
			new GaussianNoise(0.01));
		cases.add(vble(registry, redDiff(registry, solve(new Case("deblurring, Gaussian σ=2, noise 0.01",
			"coins", blur, coins, blur.data(), SIZE, SIZE), "richardson_lucy", 0, 30, "tv", null,
			null))));

		final Measurement sino = simulate("ct-30-views", ct, "radon angles=0:180:30 detectors=363",
			GaussianNoise.relativeToMax(projectionOf(ct), 0.005));
		cases.add(dds(registry, "ct", solve(new Case("CT, 30 views, noise 0.5 % of max",
			"CT_small (real CT)", sino, ct, stretch(sino.data(), sino.dataShape()), SIZE, SIZE), "fbp", 0,
			1, "sart", 0, null, "sirt", 0, 100, "tv", null, null)));

		cases.add(dds(registry, "natural-gray", mri()));
		cases.add(volume(registry));
		cases.add(dynamic(registry));
	}

	/**
	 * Dynamic CT: the deforming Shepp-Logan phantom (held-out seed 201), 32 frames of 64×64, 4 views
	 * per frame in bit-reversed order, noise 0.5 % of the largest sinogram value; a static FBP of all
	 * views, the partially separable model alone (lambda = 0) and RED-PSM with its preset and the ct
	 * prior.
	 */
	private Case dynamic(final PriorRegistry registry) throws IOException {
		final int n = 64, frames = 32, views = 4;
		final float[] truth = new org.priorj.image.phantom.DynamicPhantom(n, frames, 201).series();
		final OperatorSpec spec = OperatorSpec.parse("dynamic-ct views=" + views +
			" schedule=bit-reversal");
		final Shape thw = Shape.of(frames, n, n);
		final Measurement m = Simulator.simulate(truth, thw, spec, GaussianNoise.relativeToMax(Operators
			.build(spec, thw).apply(truth), 0.005), 7);
		MeasurementFile.write(m, new File(out, "dynamic-ct-4-views-per-frame.tif"), overwrite);
		final Case c = new Case("dynamic CT, 32 frames, 4 views each", "deforming Shepp-Logan, " +
			"32 frames of 64×64", m, truth, null, n, n);
		c.planes = frames;
		final Problem problem = Problems.fromMeasurement(m, "deforming Shepp-Logan");
		final org.priorj.physics.ct.DynamicProjector a = (org.priorj.physics.ct.DynamicProjector) problem
			.operator();
		final double[] all = new double[frames * views];
		for (int t = 0; t < frames; t++)
			for (int v = 0; v < views; v++) all[t * views + v] = a.frame(t).angles()[v];
		long t0 = System.nanoTime();
		final float[] one = org.priorj.physics.ct.FilteredBackProjection.ramp(new ParallelBeamProjector(n,
			n, all, a.frame(0).detectors())).apply(problem.data());
		final float[] still = new float[truth.length];
		for (int t = 0; t < frames; t++) System.arraycopy(one, 0, still, t * n * n, n * n);
		c.estimates.add(new Estimate("static FBP of all views", still, c, (System.nanoTime() - t0) /
			1e9));
		for (final boolean red : new boolean[] { false, true }) {
			t0 = System.nanoTime();
			final org.priorj.solve.RedPsmPreset preset = TaskDefaults.redPsm(frames);
			final Result r = org.priorj.solve.RedPsm.reconstruct(problem, red ? registry.load("ct") : null,
				red ? preset : preset.withLambda(0), Progress.NONE).result();
			final double s = (System.nanoTime() - t0) / 1e9;
			c.estimates.add(new Estimate(red ? "RED-PSM ct, " + r.iterations() + " iterations"
				: "model alone (λ = 0)", r.estimate(), c, s));
			log.println(String.format("%-40s %-28s %6.2f dB  %.1f s", c.task, red ? "RED-PSM"
				: "PSM alone", c.estimates.get(c.estimates.size() - 1).psnr, s));
		}
		return c;
	}

	/**
	 * A CT volume: the central 16 slices of the 3-D modified Shepp-Logan phantom at 64×64, 30 views
	 * per slice, noise 0.5 % of the largest sinogram value; FBP, 3-D TV at its default weight, and
	 * both volume methods with their presets and the ct prior.
	 */
	private Case volume(final PriorRegistry registry) throws IOException {
		final int n = 64, z = 16;
		final float[] cube = EllipsePhantom.sheppLogan3d(n, true);
		final float[] truth = java.util.Arrays.copyOfRange(cube, (n - z) / 2 * n * n, ((n - z) / 2 + z) *
			n * n);
		final OperatorSpec spec = OperatorSpec.parse("radon angles=0:180:30");
		final Shape zhw = Shape.of(z, n, n);
		final Measurement m = Simulator.simulate(truth, zhw, spec, GaussianNoise.relativeToMax(Operators
			.build(spec, zhw).apply(truth), 0.005), 7);
		MeasurementFile.write(m, new File(out, "ct-volume-30-views.tif"), overwrite);
		final Case c = new Case("3-D CT, 30 views per slice, noise 0.5 % of max",
			"Shepp-Logan 3-D, 16 slices of 64×64", m, truth, null, n, n);
		c.planes = z;
		// TV at its default weight, and at the best weight of bench volume's grid on the 64×64
		// tuning volumes (the default overshoots on slices this small)
		solve(c, "fbp", 0, 1, "tv", null, null, "tv", 0.16, null);
		final Problem problem = Problems.fromMeasurement(m, "Shepp-Logan 3-D");
		for (final VolumeMethod method : VolumeMethod.values()) {
			final long t0 = System.nanoTime();
			final Result r = VolumeReconstruction.reconstruct(problem, registry.load("ct"), TaskDefaults
				.volume(Task.CT, method), 0, Progress.NONE);
			final double s = (System.nanoTime() - t0) / 1e9;
			c.estimates.add(new Estimate(method.label() + " ct, " + r.parameters().get(
				"network_calls_per_slice") + " calls per slice", r.estimate(), c, s));
			log.println(String.format("%-40s %-28s %6.2f dB  %.1f s", c.task, method.label(), c
				.estimates.get(c.estimates.size() - 1).psnr, s));
		}
		return c;
	}

	/** RED-Diff with the task's shipped preset and the natural-gray prior, seed 0. */
	private Case redDiff(final PriorRegistry registry, final Case c) {
		final long t0 = System.nanoTime();
		final Problem problem = Problems.fromMeasurement(c.measurement, c.image);
		final Result r = RedDiff.reconstruct(problem, registry.load("natural-gray"), TaskDefaults
			.redDiff(problem.task()), 0, Progress.NONE);
		final double s = (System.nanoTime() - t0) / 1e9;
		c.estimates.add(new Estimate("RED-Diff natural-gray, " + r.iterations() + " steps", r
			.estimate(), c, s));
		log.println(String.format("%-40s %-28s %6.2f dB  %.1f s", c.task, "RED-Diff", c.estimates.get(c
			.estimates.size() - 1).psnr, s));
		return c;
	}

	/**
	 * VBLE with the task's shipped preset and the cae-natural-gray prior, seed 0; the log also gives
	 * the coverage of its 90 % intervals (mean ± 1.645 std).
	 */
	private Case vble(final PriorRegistry registry, final Case c) {
		final long t0 = System.nanoTime();
		final Problem problem = Problems.fromMeasurement(c.measurement, c.image);
		final Result r = Vble.reconstruct(problem, registry.load("cae-natural-gray",
			org.priorj.prior.LatentPrior.class), TaskDefaults.vble(problem.task()), 0, Progress.NONE);
		final double s = (System.nanoTime() - t0) / 1e9;
		c.estimates.add(new Estimate(r.parameters().get("model").replace("vble", "VBLE") +
			" cae-natural-gray", r.estimate(), c, s));
		log.println(String.format(java.util.Locale.ROOT, "%-40s %-28s %6.2f dB  %.1f s  (90 %% " +
			"intervals cover %.0f %% of the true pixels)", c.task, "VBLE", c.estimates.get(c.estimates
				.size() - 1).psnr, s, 100 * org.priorj.metrics.Coverage.gaussian(c.truth, r.estimate(), r
					.std().orElseThrow(), 0.9)));
		return c;
	}

	/** DDS with the task's shipped preset and a shipped prior, seed 0 (MRI shown as magnitude). */
	private Case dds(final PriorRegistry registry, final String prior, final Case c) {
		final long t0 = System.nanoTime();
		final Problem problem = Problems.fromMeasurement(c.measurement, c.image);
		final Result r = Dds.reconstruct(problem, registry.load(prior), TaskDefaults.dds(problem
			.task()), 0, Progress.NONE);
		final double s = (System.nanoTime() - t0) / 1e9;
		final boolean complex = Task.ofKind(c.measurement.operatorSpec().kind()).isComplex();
		c.estimates.add(new Estimate("DDS " + prior + ", " + r.iterations() + " network calls",
			complex ? SingleCoilMri.magnitude(r.estimate()) : r.estimate(), c, s));
		log.println(String.format("%-40s %-28s %6.2f dB  %.1f s", c.task, "DDS", c.estimates.get(c
			.estimates.size() - 1).psnr, s));
		return c;
	}

	/** Denoising with TV and with the shipped natural-gray prior (no tuning on this image). */
	private Case denoising(final PriorRegistry registry, final float[] truth) throws IOException {
		final double sigma = 25 / 255.0;
		final Measurement m = simulate("denoising", truth, "identity", new GaussianNoise(sigma));
		// TV at its defaults: weight 0.8 times the noise level it estimates from the data
		final Case c = solve(new Case("denoising, σ = 25/255", "astronaut", m, truth, m.data(), SIZE,
			SIZE), "tv", null, null);
		final long t0 = System.nanoTime();
		final float[] x = registry.load("natural-gray").denoise(m.data(), Shape.of(1, 1, SIZE, SIZE),
			sigma);
		c.estimates.add(new Estimate("prior natural-gray", x, c, (System.nanoTime() - t0) / 1e9));
		log.println(String.format("%-40s %-28s %6.2f dB", c.task, "prior natural-gray", c.estimates
			.get(c.estimates.size() - 1).psnr));
		return c;
	}

	/**
	 * Runs (method, lambda, iterations) triples on a case, null standing for the default a user
	 * gets; complex estimates are shown as magnitude.
	 */
	private Case solve(final Case c, final Object... runs) {
		final boolean complex = Task.ofKind(c.measurement.operatorSpec().kind()).isComplex();
		for (int i = 0; i < runs.length; i += 3) {
			final ClassicalMethods.Parameters p = new ClassicalMethods.Parameters();
			if (runs[i + 1] != null) p.lambda = java.util.OptionalDouble.of(((Number) runs[i + 1])
				.doubleValue());
			if (runs[i + 2] != null) p.iterations = java.util.OptionalInt.of((Integer) runs[i + 2]);
			p.nonnegative = !complex;
			final long t0 = System.nanoTime();
			final Result r = ClassicalMethods.reconstruct((String) runs[i], c.measurement, p,
				Progress.NONE);
			final double s = (System.nanoTime() - t0) / 1e9;
			final float[] x = complex ? SingleCoilMri.magnitude(r.estimate()) : r.estimate();
			final String label = r.method() + (r.method().equals("tv") ? " λ=" + String.format(java.util.Locale.ROOT, "%.3g", Double
				.parseDouble(r.parameters().get(r.parameters().containsKey("lambda") ? "lambda" : "weight"))) : "") + (r
				.history().length > 0 ? ", " + r.iterations() + " it." : "");
			c.estimates.add(new Estimate(label, x, c, s));
			log.println(String.format("%-40s %-28s %6.2f dB  %.1f s", c.task, label, c.estimates
				.get(c.estimates.size() - 1).psnr, s));
		}
		return c;
	}

	private Case mri() throws IOException {
		final ImagePlus imp = TestImages.open(images, "brain_slice_complex.tif");
		Checks.require(imp.getStackSize() == 2, "image", "brain_slice_complex.tif has " + imp
			.getStackSize() + " slices", "2 (real, imaginary)");
		final int w = imp.getWidth(), h = imp.getHeight();
		final float[] z = ImagePlusConverter.pixels(imp);
		double max = 0;
		for (final float v : SingleCoilMri.magnitude(z)) max = Math.max(max, v);
		for (int i = 0; i < z.length; i++) z[i] /= max;
		final OperatorSpec spec = OperatorSpec.parse("mri mask=uniform1d acceleration=4 seed=1");
		final Measurement k = Simulator.simulate(z, Shape.of(2, h, w), spec, new GaussianNoise(
			0.001), 7);
		MeasurementFile.write(k, new File(out, "mri-x4.tif"), overwrite);
		final float[] kmag = SingleCoilMri.magnitude(k.data());
		for (int i = 0; i < kmag.length; i++) kmag[i] = (float) Math.log1p(1000 * kmag[i]);
		return solve(new Case("MRI, uniform 1-D ×4, noise 0.001", "brain_slice_complex (magnitude)",
			k, SingleCoilMri.magnitude(z), kmag, h, w), "zero_filled", 0, 1, "tv", 0.015, 300);
	}

	private Measurement simulate(final String name, final float[] truth, final String spec,
		final NoiseModel noise) throws IOException
	{
		final Measurement m = Simulator.simulate(truth, Shape.of(SIZE, SIZE), OperatorSpec.parse(
			spec), noise, 7);
		MeasurementFile.write(m, new File(out, name + ".tif"), overwrite);
		return m;
	}

	private static float[] projectionOf(final float[] img) {
		final LinearOperator p = new ParallelBeamProjector(SIZE, SIZE, ParallelBeamProjector.halfTurn(
			30), 363);
		return p.apply(img);
	}



	/** Writes {@code text} under a tile, shortened to its width (no label where no font is found). */
	private static void label(final ByteProcessor m, final String text, final int x, final int y,
		final int width)
	{
		try {
			m.setColor(0);
			m.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
			m.setAntialiasedText(true);
			String t = text;
			while (t.length() > 4 && m.getStringWidth(t) > width) t = t.substring(0, t.length() - 2);
			m.drawString(t.equals(text) ? t : t + "…", x, y);
		}
		catch (final RuntimeException | Error e) {
			// a machine without fonts still gets the montage, unlabelled
		}
	}

	/** A sinogram or low-resolution image stretched to the montage's tile size, for display only. */
	private static float[] stretch(final float[] data, final Shape s) {
		final FloatProcessor fp = new FloatProcessor(s.dim(1), s.dim(0), data.clone());
		fp.setInterpolationMethod(ImageProcessor.NONE);
		return (float[]) fp.resize(SIZE, SIZE).getPixels();
	}

	private static double range(final float[] truth) {
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (final float v : truth) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return hi - lo;
	}

	/** A volume's central slice (of an image or of its data: all slices are the same size), or the image. */
	private static float[] central(final Case c, final float[] all) {
		if (c.planes == 1) return all;
		final int per = all.length / c.planes;
		return java.util.Arrays.copyOfRange(all, c.planes / 2 * per, (c.planes / 2 + 1) * per);
	}

	private void writeMontage(final List<Case> cases) {
		final int tile = SIZE, gap = 4, label = 18;
		int cols = 0;
		for (final Case c : cases) cols = Math.max(cols, 2 + c.estimates.size());
		final ByteProcessor m = new ByteProcessor(cols * (tile + gap) + gap, cases.size() * (tile +
			gap + label) + gap);
		m.setColor(255);
		m.fill();
		for (int r = 0; r < cases.size(); r++) {
			final Case c = cases.get(r);
			final List<float[]> row = new ArrayList<>();
			row.add(central(c, c.truth));
			row.add(c.shown != null ? c.shown : stretch(central(c, c.measurement.data()), Shape.of(c
				.measurement.dataShape().dim(1), c.measurement.dataShape().dim(2))));
			for (final Estimate e : c.estimates) row.add(central(c, e.image));
			double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
			for (final float v : row.get(0)) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			for (int k = 0; k < row.size(); k++) {
				final boolean measurement = k == 1;
				final int pw = measurement && row.get(1).length != c.h * c.w ? SIZE : c.w;
				final int ph = measurement && row.get(1).length != c.h * c.w ? SIZE : c.h;
				final FloatProcessor fp = new FloatProcessor(pw, ph, row.get(k).clone());
				if (measurement) fp.resetMinAndMax();
				else fp.setMinAndMax(lo, hi);
				ImageProcessor b = fp.convertToByteProcessor(true);
				if (b.getWidth() != tile || b.getHeight() != tile) {
					b.setInterpolationMethod(ImageProcessor.BILINEAR);
					b = b.resize(tile, tile);
				}
				final int x = gap + k * (tile + gap), y = gap + r * (tile + gap + label);
				m.insert(b, x, y);
				label(m, k == 0 ? c.image + " (truth)" : k == 1 ? "measurement" : String.format(
					java.util.Locale.ROOT, "%s %.2f dB", c.estimates.get(k - 2).method, c.estimates.get(k -
						2).psnr), x, y + tile + label - 4, tile);
			}
		}
		new FileSaver(new ImagePlus("montage", m)).saveAsPng(new File(out, "montage.png").getPath());
	}

	private void writeReport(final List<Case> cases) throws IOException {
		final StringBuilder sb = new StringBuilder();
		sb.append("# PriorJ demo\n\n");
		sb.append("Measurements simulated from held-out test images (256×256, values in [0, 1]; ");
		sb.append("the MRI slice is 181×217 complex, scaled to magnitude max 1) and reconstructed ");
		sb.append("with PriorJ's classical methods and its shipped priors. Each measurement file (`*.tif` here) carries its ");
		sb.append("operator in its Info, so Reconstruct needs no other parameter. PSNR and SSIM use ");
		sb.append("the ground truth's range; the `fbp`, `bicubic` and `zero_filled` rows are what the data alone ");
		sb.append("give. Regularisation weights and the presets of RED-Diff, DDS and VBLE were chosen on training images, ");
		sb.append("not these.\n\n");
		sb.append("| task | image | operator | method | PSNR dB | SSIM | seconds |\n");
		sb.append("|---|---|---|---|---|---|---|\n");
		for (final Case c : cases)
			for (final Estimate e : c.estimates)
				sb.append(String.format("| %s | %s | `%s` | %s | %.2f | %.3f | %.2f |%n", c.task, c.image,
					c.measurement.operatorSpec(), e.method, e.psnr, e.ssim, e.seconds));
		sb.append("\n![montage](montage.png)\n\n");
		sb.append("Montage, one row per task: ground truth, measurement (the sinogram, the ");
		sb.append("low-resolution image and the log-magnitude k-space stretched for display; for the volume ");
		sb.append("its central slice and that slice's sinogram, for the movie its middle frame and that frame's views), then ");
		sb.append("the methods in the table's order, each labelled with its method and PSNR.\n");
		Files.writeString(new File(out, "report.md").toPath(), sb.toString(),
			StandardCharsets.UTF_8);
	}
}
