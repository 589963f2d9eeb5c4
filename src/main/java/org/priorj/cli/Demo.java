package org.priorj.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.priorj.image.Checks;
import org.priorj.metrics.Psnr;
import org.priorj.metrics.Ssim;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Measurement;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.NoiseModel;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Shape;
import org.priorj.physics.Simulator;
import org.priorj.physics.ct.FilteredBackProjection;
import org.priorj.physics.ct.ParallelBeamProjector;
import org.priorj.physics.mri.SingleCoilMri;

/**
 * {@code priorj demo}: simulates one measurement per task from the held-out test images, writes each
 * as a self-describing measurement file, reconstructs it with what the operator alone gives (its
 * pseudo-inverse where that is closed-form: FBP for CT, zero filling for MRI, the masked image for
 * inpainting; the scaled adjoint for super-resolution; the measurement itself for deblurring), and
 * writes a report with PSNR/SSIM and a montage. These are the floor that PriorJ's solvers start from.
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

	private static final class Case {

		final String task, image, method;
		final float[] truth, shown, estimate;
		final int h, w;
		final double psnr, ssim;
		final OperatorSpec spec;

		Case(final String task, final String image, final OperatorSpec spec, final String method,
			final float[] truth, final float[] shown, final float[] estimate, final int h,
			final int w)
		{
			this.task = task;
			this.image = image;
			this.spec = spec;
			this.method = method;
			this.truth = truth;
			this.shown = shown;
			this.estimate = estimate;
			this.h = h;
			this.w = w;
			final double range = range(truth);
			this.psnr = Psnr.compute(truth, estimate, range);
			this.ssim = Ssim.compute(truth, estimate, h, w, range);
		}
	}

	void run() throws IOException {
		Checks.require(images.isDirectory(), "images", "folder '" + images + "' does not exist",
			"the test-images folder (run from the repository root, or give --images)");
		Checks.require(overwrite || !new File(out, "report.md").exists(), "out", "'" + out +
			"' already holds a report", "a new folder, or --overwrite");
		Files.createDirectories(out.toPath());
		final List<Case> cases = new ArrayList<>();
		final float[] camera = gray("camera.png");
		final float[] astronaut = gray("astronaut.png");
		final float[] coins = gray("coins.png");
		final float[] ct = gray("CT_small_hu.tif");

		final Measurement inp = simulate("inpainting", camera, "mask missing_fraction=0.5 seed=1",
			new GaussianNoise(0.01));
		cases.add(new Case("inpainting, 50 % missing, noise 0.01", "camera", inp.operatorSpec(),
			"masked image (A⁺y)", camera, inp.data(), inp.data(), SIZE, SIZE));

		final Measurement sr = simulate("super-resolution", astronaut,
			"downsample factor=4 method=bicubic", new GaussianNoise(0.01));
		final float[] up = sr.operator().adjoint(sr.data());
		for (int i = 0; i < up.length; i++) up[i] *= 16;
		cases.add(new Case("super-resolution x4, noise 0.01", "astronaut", sr.operatorSpec(),
			"16·Aᵀy", astronaut, up, up, SIZE, SIZE));

		final Measurement blur = simulate("deblurring", coins, "blur psf=gaussian:2",
			new GaussianNoise(0.01));
		cases.add(new Case("deblurring, Gaussian σ=2, noise 0.01", "coins", blur.operatorSpec(),
			"measurement y", coins, blur.data(), blur.data(), SIZE, SIZE));

		final Measurement sino = simulate("ct-30-views", ct, "radon angles=0:180:30 detectors=363",
			GaussianNoise.relativeToMax(projectionOf(ct), 0.005));
		final float[] fbp = FilteredBackProjection.ramp((ParallelBeamProjector) sino.operator())
			.apply(sino.data());
		cases.add(new Case("CT, 30 views, 363 detectors (whole square), noise 0.5 % of max", "CT_small (real CT)", sino
			.operatorSpec(), "FBP (ramp)", ct, resizeForMontage(sino.data(), sino.dataShape()), fbp,
			SIZE, SIZE));

		mri(cases);

		writeMontage(cases);
		writeReport(cases);
		log.println("Wrote " + new File(out, "report.md") + " and " + new File(out,
			"montage.png"));
	}

	private void mri(final List<Case> cases) throws IOException {
		final ImagePlus imp = open("brain_slice_complex.tif");
		Checks.require(imp.getStackSize() == 2, "image", "brain_slice_complex.tif has " + imp
			.getStackSize() + " slices", "2 (real, imaginary)");
		final int w = imp.getWidth(), h = imp.getHeight();
		final float[] z = new float[2 * w * h];
		for (int p = 0; p < 2; p++) System.arraycopy((float[]) imp.getStack().getProcessor(p + 1)
			.convertToFloatProcessor().getPixels(), 0, z, p * w * h, w * h);
		double max = 0;
		for (final float v : SingleCoilMri.magnitude(z)) max = Math.max(max, v);
		for (int i = 0; i < z.length; i++) z[i] /= max;
		final OperatorSpec spec = OperatorSpec.parse("mri mask=uniform1d acceleration=4 seed=1");
		final Measurement k = Simulator.simulate(z, Shape.of(2, h, w), spec, new GaussianNoise(
			0.001), 7);
		MeasurementFile.write(k, new File(out, "mri-x4.tif"), overwrite);
		final float[] zf = SingleCoilMri.magnitude(k.operator().adjoint(k.data()));
		final float[] truth = SingleCoilMri.magnitude(z);
		final float[] kmag = SingleCoilMri.magnitude(k.data());
		for (int i = 0; i < kmag.length; i++) kmag[i] = (float) Math.log1p(1000 * kmag[i]);
		cases.add(new Case("MRI, uniform 1-D x4, complex, noise 0.001", "brain_slice_complex", spec,
			"zero-filled |A⁺y|", truth, kmag, zf, h, w));
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

	private ImagePlus open(final String name) {
		final File f = new File(images, name);
		Checks.require(f.isFile(), "images", "'" + f + "' is missing", "the shipped test images");
		final ImagePlus imp = IJ.openImage(f.getPath());
		Checks.require(imp != null, "images", "'" + f + "' could not be read", "images ImageJ opens");
		return imp;
	}

	/** A test image as gray values in [0, 1], resized to SIZE x SIZE with averaging. */
	private float[] gray(final String name) {
		ImageProcessor ip = open(name).getProcessor().convertToFloatProcessor();
		ip.setInterpolationMethod(ImageProcessor.BILINEAR);
		if (ip.getWidth() != SIZE || ip.getHeight() != SIZE) ip = ip.resize(SIZE, SIZE, true);
		final float[] px = ((float[]) ip.getPixels()).clone();
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (final float v : px) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		for (int i = 0; i < px.length; i++) px[i] = (float) ((px[i] - lo) / (hi - lo));
		return px;
	}

	/** A sinogram stretched to the montage's tile size, for display only. */
	private static float[] resizeForMontage(final float[] data, final Shape s) {
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

	private void writeMontage(final List<Case> cases) {
		final int tile = SIZE, gap = 4;
		final ByteProcessor m = new ByteProcessor(3 * tile + 4 * gap, cases.size() * (tile + gap) +
			gap);
		m.setColor(255);
		m.fill();
		for (int r = 0; r < cases.size(); r++) {
			final Case c = cases.get(r);
			final float[][] cols = { c.truth, c.shown, c.estimate };
			for (int k = 0; k < 3; k++) {
				final boolean ownRange = k == 1;
				final FloatProcessor fp = new FloatProcessor(c.w, c.h, cols[k].clone());
				if (ownRange) fp.resetMinAndMax();
				else {
					double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
					for (final float v : c.truth) {
						lo = Math.min(lo, v);
						hi = Math.max(hi, v);
					}
					fp.setMinAndMax(lo, hi);
				}
				ImageProcessor b = fp.convertToByteProcessor(true);
				if (c.w != tile || c.h != tile) {
					b.setInterpolationMethod(ImageProcessor.BILINEAR);
					b = b.resize(tile, tile);
				}
				m.insert(b, gap + k * (tile + gap), gap + r * (tile + gap));
			}
		}
		new FileSaver(new ImagePlus("montage", m)).saveAsPng(new File(out, "montage.png").getPath());
	}

	private void writeReport(final List<Case> cases) throws IOException {
		final StringBuilder sb = new StringBuilder();
		sb.append("# PriorJ demo\n\n");
		sb.append("Measurements simulated from held-out test images (256×256, values in [0, 1]; ");
		sb.append("the MRI slice is 181×217 complex, scaled to magnitude max 1). Each measurement ");
		sb.append("file (`*.tif` here) carries its operator in its Info, so a solver needs no ");
		sb.append("other flag. The estimate is what the operator alone gives: the floor that ");
		sb.append("PriorJ's solvers start from. PSNR and SSIM use the ground truth's range.\n\n");
		sb.append("| task | image | operator | estimate | PSNR dB | SSIM |\n|---|---|---|---|---|---|\n");
		for (final Case c : cases)
			sb.append(String.format("| %s | %s | `%s` | %s | %.2f | %.3f |%n", c.task, c.image,
				c.spec, c.method, c.psnr, c.ssim));
		sb.append("\n![montage: ground truth | measurement | estimate](montage.png)\n\n");
		sb.append("Montage columns: ground truth, measurement (sinogram and log-magnitude ");
		sb.append("k-space stretched for display), estimate.\n");
		Files.writeString(new File(out, "report.md").toPath(), sb.toString(),
			StandardCharsets.UTF_8);
	}
}
