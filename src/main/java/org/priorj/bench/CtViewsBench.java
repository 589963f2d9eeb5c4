package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;

import org.priorj.base.Progress;
import org.priorj.cli.TestImages;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.image.phantom.RandomEllipses;
import org.priorj.metrics.Masks;
import org.priorj.metrics.Psnr;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.NoiseModel;
import org.priorj.physics.Operators;
import org.priorj.physics.ct.FilteredBackProjection;
import org.priorj.physics.ct.ParallelBeamProjector;
import org.priorj.solve.Sart;
import org.priorj.solve.TaskDefaults;

/**
 * {@code priorj bench ct-views}: FBP (ramp) against SART (its defaults) by angular sampling, the
 * measurement behind {@code auto}'s choice between them ({@link TaskDefaults#ctBaseline}).
 * <p>
 * Images at {@value #SIZE}×{@value #SIZE}: the modified Shepp-Logan phantom, two random-ellipse
 * phantoms (seeds 101, 102), slice 150 of stent.tif (a training volume) and CT_small_hu.tif (held
 * out: reported, never tuned on). Each is rendered (phantoms) or resized (rasters) at
 * {@value #FINE}× the size and projected there, the sinogram then averaged down to the detector
 * of the reconstruction, so that the data do not come from the projector that reconstructs them
 * (which would favour SART, an inverse of that very projector). The detector has ceil(√2 N) bins
 * and so sees the whole image at every angle. Noise, seed 1: Gaussian σ 0.01 (what {@code priorj
 * simulate} adds by default) and 0.5 % of the sinogram's maximum. PSNR: data range 1, inside
 * {@link Masks#inscribedDisk}. Times (median of 3 rounds after a warm-up, one call each) on the
 * Shepp-Logan sinogram, each a whole call with its projector built inside.
 */
final class CtViewsBench {

	static final int SIZE = 256, FINE = 4;
	private static final String[] GEOMETRIES = { "0:180:30", "0:180:45", "0:180:60", "0:180:90",
		"0:180:120", "0:180:180", "0:120:120" };
	private static final double RELATIVE_NOISE = 0.005;

	private final File images;
	private final PrintStream out;

	CtViewsBench(final File images, final PrintStream out) {
		this.images = images;
		this.out = out;
	}

	void run() {
		final Map<String, float[]> fine = new LinkedHashMap<>();
		fine.put("Shepp-Logan", EllipsePhantom.sheppLogan(SIZE * FINE, true));
		fine.put("random ellipses #101", RandomEllipses.image(SIZE * FINE, 101));
		fine.put("random ellipses #102", RandomEllipses.image(SIZE * FINE, 102));
		fine.put("stent.tif slice 150 (training)", slice("stent.tif", 150));
		fine.put("CT_small_hu.tif (held out)", TestImages.gray(images, "CT_small_hu.tif", SIZE *
			FINE));
		final int detectors = (int) Math.ceil(Math.sqrt(2) * SIZE);
		final boolean[] disk = Masks.inscribedDisk(SIZE, SIZE);
		out.println("FBP (ramp) against SART (" + Sart.DEFAULT_ANGLES_PER_SUBSET + " angle per " +
			"subset, relaxation " + Sart.DEFAULT_RELAXATION + ", " + Sart.DEFAULT_ITERATIONS +
			" sweeps), " + SIZE + "×" + SIZE + ", data projected at " + FINE + "× the size onto " +
			detectors + " detector bins; PSNR dB inside the inscribed disk; " + Runtime.getRuntime()
				.availableProcessors() + " processor(s).");
		out.println();
		out.println("| angles | widest gap | auto | image | FBP, σ 0.01 | SART, σ 0.01 | gain | " +
			"FBP, 0.5 % of max | SART, 0.5 % of max | gain |");
		out.println("|---|---|---|---|---|---|---|---|---|---|");
		final StringBuilder times = new StringBuilder();
		for (final String geometry : GEOMETRIES) {
			final double[] angles = Operators.angles(geometry);
			final ParallelBeamProjector a = new ParallelBeamProjector(SIZE, SIZE, angles, detectors);
			final ParallelBeamProjector fineProjector = new ParallelBeamProjector(SIZE * FINE, SIZE *
				FINE, angles, detectors * FINE);
			final double gap = a.widestGap();
			boolean timed = false;
			for (final Map.Entry<String, float[]> e : fine.entrySet()) {
				final float[] truth = blockMeans(e.getValue());
				final float[] clean = binMeans(fineProjector.apply(e.getValue()), angles.length,
					detectors);
				final StringBuilder row = new StringBuilder(String.format("| %s | %.2f° | %s | %s |",
					geometry, gap, TaskDefaults.ctBaseline(gap).label(), e.getKey()));
				for (final NoiseModel noise : new NoiseModel[] { new GaussianNoise(0.01), GaussianNoise
					.relativeToMax(clean, RELATIVE_NOISE) })
				{
					final float[] y = noise.corrupt(clean, 1);
					final double fbp = Psnr.compute(truth, fbp(a, y), 1, disk);
					final double sart = Psnr.compute(truth, sart(a, y), 1, disk);
					row.append(String.format(" %.2f | %.2f | %+.2f |", fbp, sart, sart - fbp));
					if (!timed) {
						timed = true;
						final Timer.Result f = Timer.time(() -> fbp(a, y), 3, 1);
						final Timer.Result s = Timer.time(() -> sart(a, y), 3, 1);
						times.append(String.format("| %s | %.1f | %.1f | %.1f× |%n", geometry, f.medianMs,
							s.medianMs, s.medianMs / f.medianMs));
					}
				}
				out.println(row);
			}
		}
		out.println();
		out.println("| angles | FBP ms | SART ms | SART / FBP |");
		out.println("|---|---|---|---|");
		out.print(times);
	}

	/** FBP with its projector built inside, as a user's call does. */
	private static float[] fbp(final ParallelBeamProjector a, final float[] y) {
		return FilteredBackProjection.ramp(new ParallelBeamProjector(SIZE, SIZE, a.angles(), a
			.detectors())).apply(y);
	}

	private static float[] sart(final ParallelBeamProjector a, final float[] y) {
		return Sart.solve(a, y, Sart.DEFAULT_ITERATIONS, Progress.NONE).estimate();
	}

	/** A slice of a stack in [0, 1], resized to the fine size. */
	private float[] slice(final String name, final int z) {
		final ImagePlus imp = IJ.openImage(new File(images, name).getPath());
		imp.setSlice(z);
		return TestImages.scaled(new ImagePlus(name + "#" + z, imp.getProcessor().duplicate()), SIZE *
			FINE);
	}

	/** The image at SIZE: means of FINE × FINE blocks. */
	static float[] blockMeans(final float[] fine) {
		final int m = SIZE * FINE;
		final float[] t = new float[SIZE * SIZE];
		for (int y = 0; y < m; y++)
			for (int x = 0; x < m; x++) t[y / FINE * SIZE + x / FINE] += fine[y * m + x] / (FINE * FINE);
		return t;
	}

	/**
	 * The sinogram at the coarse detector: means of FINE bins, divided by FINE since line integrals
	 * count the fine grid's pixels (FINE per coarse pixel).
	 */
	static float[] binMeans(final float[] fine, final int angles, final int detectors) {
		final int m = detectors * FINE;
		final float[] s = new float[angles * detectors];
		for (int a = 0; a < angles; a++)
			for (int k = 0; k < m; k++) s[a * detectors + k / FINE] += fine[a * m + k] / (FINE * FINE);
		return s;
	}
}
