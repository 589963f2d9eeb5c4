package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.cli.Montage;
import org.priorj.image.Pixels;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.image.phantom.RandomEllipses;
import org.priorj.metrics.Psnr;
import org.priorj.metrics.VolumePlanes;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.SideInputs;
import org.priorj.physics.Task;
import org.priorj.prior.Denoiser;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.solve.ClassicalMethod;
import org.priorj.solve.ClassicalMethods;
import org.priorj.solve.Dds;
import org.priorj.solve.Result;
import org.priorj.solve.TaskDefaults;
import org.priorj.solve.TvRegularized;
import org.priorj.solve.VolumeMethod;
import org.priorj.solve.VolumePreset;
import org.priorj.solve.VolumeReconstruction;

/**
 * {@code priorj bench volume}: 3-D CT (and MRI: task {@code mri}, the ×4 uniform 1-D mask on every
 * slice, estimates compared by magnitude; "fbp" is zero filling there) with the {@code ct} prior, slab by slab in the sense of
 * docs/tomography-3d.md: the central {@code slices} slices of a size³ phantom volume (the 3-D
 * modified Shepp-Logan and random-ellipsoid volumes; held-out seeds, or training seeds for tuning),
 * sparse view (30 views over 180°) and limited angle (120 views over 0–119°), Gaussian noise of
 * 0.5 % of the sinogram's maximum as in the 2-D DDS benchmark. Methods: FBP, 3-D TV (best weight of
 * a grid by mean PSNR: an oracle choice that favours TV), 2-D DDS slice by slice (its CT preset),
 * DDS-3D and DiffusionMBIR (their presets, or the overrides given). PSNR over the volume and the
 * mean over the axial, coronal and sagittal planes; seconds, network calls per slice and the share
 * of time in the network.
 */
final class VolumeBench {

	static final class Settings {
		boolean training;
		int size = 128, slices = 32, count = 1;
		List<String> tasks = List.of("sparse", "limited");
		List<String> methods = List.of("fbp", "tv", "dds", "dds-3d", "diffusion-mbir");
		Double lambda, rho, eta;
		String init;
		Integer steps, mbirSteps, cgIterations, batch;
		double[] tvWeights = { 0.02, 0.04, 0.08, 0.16, 0.32, 0.64 };
		File pictures;
		File images = new File("test-images");
		String prior = "ct";
		List<String> volumes = List.of("shepp-logan", "ellipsoids", "stent");
	}

	private static final double NOISE = 0.005;
	private static final Map<String, String> ANGLES = Map.of("sparse", "0:180:30", "limited",
		"0:120:120");
	/**
	 * 3-D MRI: the same ×4 uniform 1-D mask (with its fully sampled centre) for every slice,
	 * noiseless as the 2-D DDS benchmark's MRI (noise relative to the k-space maximum, the DC
	 * term, would bury every other coefficient).
	 */
	static final String MRI_MASK = "uniform1d acceleration=4";
	static final double MRI_NOISE = 0;

	private final Settings s;
	private final PrintStream out;

	VolumeBench(final Settings s, final PrintStream out) {
		this.s = s;
		this.out = out;
	}

	private record Volume(String name, float[] voxels) {}

	private List<Volume> volumes() {
		final List<Volume> v = new ArrayList<>();
		for (final String name : s.volumes)
			if (!List.of("shepp-logan", "ellipsoids", "stent").contains(name))
				throw new IllegalArgumentException("Parameter 'volumes': got '" + name +
					"'; allowed: shepp-logan, ellipsoids, stent.");
		if (!s.training && s.volumes.contains("shepp-logan")) v.add(new Volume(
			"Shepp-Logan 3-D (modified)", slab(EllipsePhantom.sheppLogan3d(s.size, true))));
		final long seed = s.training ? 11 : 1_000_003; // held out: a seed no training or tuning used
		final RandomEllipses r = new RandomEllipses(seed);
		for (int i = 0; i < (s.volumes.contains("ellipsoids") ? s.count : 0); i++)
			v.add(new Volume("random ellipsoids #" + (i + 1) + " (seed " + seed + ")", slab(r.nextVolume(
				s.size))));
		if (!s.training && s.size == 128 && s.volumes.contains("stent")) v.add(stent());
		return v;
	}

	/** First slice (0-based) of the stent slab that the ct-holdout prior's training left out. */
	static final int STENT_SLAB_FIRST = 96, STENT_SLAB_LAST = 159;

	/**
	 * The central {@code slices} slices of the stent volume's held-out slab (slices 97–160, 1-based),
	 * divided by the volume's largest value; only at the volume's own size, 128.
	 */
	private Volume stent() {
		final ij.ImagePlus imp = ij.IJ.openImage(new File(s.images, "stent.tif").getPath());
		final int plane = imp.getWidth() * imp.getHeight();
		final int first = (STENT_SLAB_FIRST + STENT_SLAB_LAST + 1 - s.slices) / 2;
		final float[] v = new float[s.slices * plane];
		double max = 0;
		for (int z = 1; z <= imp.getStackSize(); z++)
			for (final float x : (float[]) imp.getStack().getProcessor(z).convertToFloat().getPixels())
				max = Math.max(max, x);
		for (int z = 0; z < s.slices; z++) {
			final float[] px = (float[]) imp.getStack().getProcessor(first + z + 1).convertToFloat()
				.getPixels();
			for (int i = 0; i < plane; i++) v[z * plane + i] = (float) (px[i] / max);
		}
		return new Volume("stent.tif slices " + (first + 1) + "–" + (first + s.slices) + (s.prior
			.equals("ct") ? " (seen by the shipped ct prior: no bar)" : " (held out of " + s.prior + ")"), v);
	}

	/** The central {@code slices} axial slices of a cube. */
	private float[] slab(final float[] cube) {
		final int plane = s.size * s.size, first = (s.size - s.slices) / 2;
		return java.util.Arrays.copyOfRange(cube, first * plane, (first + s.slices) * plane);
	}

	void run() {
		if (s.slices > s.size || s.slices < 2) throw new IllegalArgumentException(
			"Parameter 'slices': got " + s.slices + "; allowed: 2 to the size " + s.size + ".");
		final PriorRegistry registry = PriorRegistries.standard("cpu");
		try {
			final Denoiser ct = registry.load(s.prior);
			final List<float[][]> pictures = new ArrayList<>();
			for (final String task : s.tasks) {
				final String angles = task.equals("mri") ? MRI_MASK : ANGLES.get(task);
				if (angles == null) throw new IllegalArgumentException("Parameter 'tasks': got '" + task +
					"'; allowed: sparse, limited, mri.");
				for (final Volume v : volumes()) {
					final Map<String, float[]> est = ct(ct, task, angles, v);
					if (s.pictures != null && pictures.isEmpty()) pictures.addAll(picture(v.voxels(), est));
				}
			}
			if (s.pictures != null && !pictures.isEmpty()) {
				Montage.write(pictures, s.size, s.pictures);
				out.println();
				out.println("Pictures written to " + s.pictures + " (rows: axial, coronal, sagittal " +
					"through the centre of the first volume of the first task; columns: truth, then " +
					String.join(", ", s.methods) + ").");
			}
		}
		finally {
			registry.releaseAll();
		}
	}

	/**
	 * The methods on one task and volume; for MRI (a complex volume measured from the real one)
	 * every estimate is the magnitude of its complex slices.
	 */
	private Map<String, float[]> ct(final Denoiser prior, final String task, final String scan,
		final Volume v)
	{
		final Shape zhw = Shape.of(s.slices, s.size, s.size);
		final boolean mri = task.equals("mri");
		final Task t = mri ? Task.MRI : Task.CT;
		final Problem p = mri ? Problems.simulateVolume(Task.MRI, new Pixels("volume", v.name(), zhw,
			v.voxels()), new SideInputs.Kspace(scan, null, null, 1, 7), MRI_NOISE, 7) : Problems
				.simulateVolume(Task.CT, new Pixels("volume", v.name(), zhw, v.voxels()),
					new SideInputs.Sinogram(scan, 0, 0), NOISE, 7);
		out.println();
		out.println((mri ? "MRI" : task.equals("sparse") ? "Sparse-view CT" : "Limited-angle CT") +
			", " + v.name() + ", " + s.size + "×" + s.size + "×" + s.slices + " (central slab), `" + (mri
				? "mri mask=" : "radon angles=") + scan + "` per slice, " + (mri ? "noiseless" : "noise " +
					NOISE + " × sinogram max") + ", prior " + s.prior + ":");
		out.println();
		out.println("| method | PSNR dB | axial dB | coronal dB | sagittal dB | network calls / slice | s | network share |");
		out.println("|---|---|---|---|---|---|---|---|");
		final Map<String, float[]> estimates = new LinkedHashMap<>();
		for (final String m : s.methods) {
			final TimedDenoiser timed = new TimedDenoiser(prior);
			final long t0 = System.nanoTime();
			final Result r;
			String label = m;
			switch (m) {
				case "fbp":
					r = ClassicalMethods.reconstruct(mri ? ClassicalMethod.ZERO_FILLED : ClassicalMethod.FBP, p
						.operator(), p.data(), t, new ClassicalMethods.Parameters(), Progress.NONE);
					if (mri) label = "zero filling";
					break;
				case "tv": {
					Result best = null;
					double bestPsnr = Double.NEGATIVE_INFINITY, bestW = 0;
					for (final double w : s.tvWeights) {
						final Result tv = new TvRegularized(w).withIterations(1000).withNonNegativity(!mri)
							.withComplexImage(mri).withTolerance(1e-4).solve(p.operator(), p.data(), Progress.NONE);
						final double q = Psnr.compute(v.voxels(), magnitude(tv.estimate(), mri), 1);
						if (q > bestPsnr) {
							bestPsnr = q;
							best = tv;
							bestW = w;
						}
					}
					r = best;
					label = "3-D TV (best λ " + bestW + " of " + java.util.Arrays.toString(s.tvWeights) + ")";
					break;
				}
				case "dds":
					r = Dds.reconstruct(p, timed, TaskDefaults.dds(t), 0, Progress.NONE);
					label = "2-D DDS per slice";
					break;
				case "dds-3d":
				case "diffusion-mbir": {
					final VolumePreset preset = preset(t, VolumeMethod.parse("methods", m));
					r = VolumeReconstruction.reconstruct(p, timed, preset, 0, Progress.NONE);
					label = m + " (" + preset + ")";
					break;
				}
				default:
					throw new IllegalArgumentException("Parameter 'methods': got '" + m +
						"'; allowed: fbp, tv, dds, dds-3d, diffusion-mbir.");
			}
			final double secs = (System.nanoTime() - t0) / 1e9;
			final float[] e = magnitude(r.estimate(), mri);
			estimates.put(m, e);
			out.println(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %s | %.1f | %s |",
				label, Psnr.compute(v.voxels(), e, 1), VolumePlanes.meanPsnr(v.voxels(), e, zhw,
					VolumePlanes.AXIAL, 1), VolumePlanes.meanPsnr(v.voxels(), e, zhw, VolumePlanes.CORONAL, 1),
				VolumePlanes.meanPsnr(v.voxels(), e, zhw, VolumePlanes.SAGITTAL, 1), Long.toString(timed.images / s
					.slices), secs,
				timed.calls == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * timed.nanos / 1e9 / secs)));
			out.flush();
		}
		out.println();
		out.println("Peak RSS so far: " + OperatorBench.bytes(DenoiserBench.procStatusKb("VmHWM") * 1024));
		return estimates;
	}

	/** The magnitudes of a volume of complex slices (Z, 2, H, W); a real volume as it is. */
	private float[] magnitude(final float[] e, final boolean complex) {
		if (!complex) return e;
		final int plane = s.size * s.size;
		final float[] m = new float[e.length / 2];
		for (int z = 0; z < m.length / plane; z++)
			for (int i = 0; i < plane; i++) {
				final float re = e[2 * z * plane + i], im = e[(2 * z + 1) * plane + i];
				m[z * plane + i] = (float) Math.sqrt(re * re + im * im);
			}
		return m;
	}

	private VolumePreset preset(final Task t, final VolumeMethod m) {
		VolumePreset p = TaskDefaults.volume(t, m);
		if (s.lambda != null) p = p.withLambda(s.lambda);
		if (s.rho != null) p = p.withRho(s.rho);
		if (s.cgIterations != null) p = p.withCgIterations(s.cgIterations);
		if (s.eta != null) p = p.withEta(s.eta);
		if (s.batch != null) p = p.withBatch(s.batch);
		if (s.init != null) p = p.withInit(java.util.Optional.of(ClassicalMethod.parse("init", s.init)));
		final Integer steps = m == VolumeMethod.DDS_3D ? s.steps : s.mbirSteps;
		if (steps != null) p = p.withSteps(steps);
		return p;
	}

	/** Axial, coronal and sagittal planes through the centre, each padded to size × size. */
	private List<float[][]> picture(final float[] truth, final Map<String, float[]> est) {
		final Shape zhw = Shape.of(s.slices, s.size, s.size);
		final List<float[][]> rows = new ArrayList<>();
		final int[] centre = { s.slices / 2, s.size / 2, s.size / 2 };
		for (int axis = 0; axis < 3; axis++) {
			final float[][] row = new float[est.size() + 1][];
			row[0] = square(VolumePlanes.plane(truth, zhw, axis, centre[axis]), axis);
			int c = 1;
			for (final float[] e : est.values())
				row[c++] = square(VolumePlanes.plane(e, zhw, axis, centre[axis]), axis);
			rows.add(row);
		}
		return rows;
	}

	/** A plane centred on a size × size black canvas (coronal and sagittal planes are slices tall). */
	private float[] square(final float[] plane, final int axis) {
		if (axis == VolumePlanes.AXIAL) return plane;
		final float[] out = new float[s.size * s.size];
		final int y0 = (s.size - s.slices) / 2;
		System.arraycopy(plane, 0, out, y0 * s.size, plane.length);
		return out;
	}
}
