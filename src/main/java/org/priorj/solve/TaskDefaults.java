package org.priorj.solve;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.priorj.base.Checks;
import org.priorj.physics.Task;

/**
 * What PriorJ does for each {@link Task} unless told otherwise, in one table: its classical
 * baseline (what {@code auto} means for a classical reconstruction) and the preset of the learned
 * solver that handles it (RED-Diff for image restoration, DDS for CT and MRI). The presets were
 * tuned on training images, never on the held-out images the benchmarks report.
 */
public final class TaskDefaults {

	private static final Map<Task, ClassicalMethod> BASELINE = new EnumMap<>(Map.of(
		Task.INPAINTING, ClassicalMethod.BIHARMONIC_INPAINTING,
		Task.SUPER_RESOLUTION, ClassicalMethod.BICUBIC,
		Task.DEBLURRING, ClassicalMethod.RICHARDSON_LUCY,
		Task.DENOISING, ClassicalMethod.TV,
		Task.CT, ClassicalMethod.FBP,
		Task.DYNAMIC_CT, ClassicalMethod.CGLS,
		Task.MRI, ClassicalMethod.ZERO_FILLED));

	/**
	 * TV's weight factor c in lambda = c sigma ||A|| ({@link TvWeight}): the mean-PSNR optimum over
	 * four training photographs (coffee, chelsea, brick, rocket; 256² crops) at TV's default
	 * iterations, on a grid of about 3 steps a decade: denoising sigma 0.05 to 0.2 of the range, super-resolution ×4
	 * and Gaussian blur sigma 2 at noise 0.01, CT with 30 views over 180° and 120 views over 120° at
	 * noise 1 % of the sinogram's maximum, inpainting of 50 % missing pixels at noise 0.01 (the
	 * noise level from the observed pixels). Dynamic CT and MRI take CT's factor, unmeasured.
	 */
	private static final Map<Task, Double> TV_FACTOR = new EnumMap<>(Map.of(
		Task.DENOISING, 0.8, Task.INPAINTING, 0.8, Task.SUPER_RESOLUTION, 0.3, Task.DEBLURRING, 0.2,
		Task.CT, 0.07, Task.DYNAMIC_CT, 0.07, Task.MRI, 0.07));

	private static final Map<Task, RedDiffPreset> RED_DIFF = new EnumMap<>(Map.of(
		Task.INPAINTING, redDiff(Task.INPAINTING, 0.1, 100, ClassicalMethod.BIHARMONIC_INPAINTING),
		Task.SUPER_RESOLUTION, redDiff(Task.SUPER_RESOLUTION, 0.25, 100, ClassicalMethod.BICUBIC),
		Task.DEBLURRING, redDiff(Task.DEBLURRING, 0.05, 60, ClassicalMethod.RICHARDSON_LUCY),
		Task.DENOISING, new RedDiffPreset(Task.DENOISING, 32, 0.001, 30, OptionalInt.empty(), 0,
			RedDiff.Weighting.LINEAR, Optional.empty())));

	/**
	 * VBLE: lambda tuned for the shipped cae-natural-gray (stage 2, alpha 0.18) on two training
	 * photographs (coffee, chelsea; table in docs/vble.md): inpainting 2, SR ×4 0.05, Gaussian
	 * deblurring 0.4, denoising the Bayesian 1; Adam's lr 0.1, 100 iterations (150 for denoising:
	 * from the classical start, 300 iterations gain nothing, within 0.1 dB), 100 posterior samples;
	 * starts as RED-Diff's.
	 */
	private static final Map<Task, VblePreset> VBLE = new EnumMap<>(Map.of(
		Task.INPAINTING, vble(Task.INPAINTING, 2, 100, ClassicalMethod.BIHARMONIC_INPAINTING),
		Task.SUPER_RESOLUTION, vble(Task.SUPER_RESOLUTION, 0.05, 100, ClassicalMethod.BICUBIC),
		Task.DEBLURRING, vble(Task.DEBLURRING, 0.4, 100, ClassicalMethod.RICHARDSON_LUCY),
		Task.DENOISING, vble(Task.DENOISING, 1, 150, null)));

	private static final Map<Task, DdsPreset> DDS = new EnumMap<>(Map.of(
		Task.CT, new DdsPreset(Task.CT, 50, 1.0, 5, 1000, OptionalInt.of(100), Optional.of(
			ClassicalMethod.FBP)),
		Task.MRI, new DdsPreset(Task.MRI, 50, 1.0, 5, 1000, OptionalInt.of(100), Optional.of(
			ClassicalMethod.ZERO_FILLED))));

	/**
	 * The volume presets (CT; MRI's complex slices take CT's TV_z settings and start from zero
	 * filling), tuned on random-ellipsoid volumes of training seeds with the {@code ct} prior:
	 * see docs/tomography-3d.md.
	 */
	private static final Map<VolumeMethod, VolumePreset> VOLUME = new EnumMap<>(Map.of(
		VolumeMethod.DDS_3D, new VolumePreset(Task.CT, VolumeMethod.DDS_3D, 50, 0.001, 0.003, 5, 8, 1.0,
			OptionalInt.of(100), Optional.empty()),
		VolumeMethod.DIFFUSION_MBIR, new VolumePreset(Task.CT, VolumeMethod.DIFFUSION_MBIR, 100, 0.001,
			0.003, 5, 8, 1.0, OptionalInt.empty(), Optional.empty())));

	/**
	 * CT whose measured directions leave a gap this wide or wider (a missing wedge: limited-angle
	 * data) starts a volume reconstruction from SART, finer sampled CT from FBP. On the tuning
	 * volume DDS-3D from SART gained 0.6 dB over FBP at 120 views over 0–119° (a 60° gap) and lost
	 * 0.4 dB at 30 views (6°) (docs/tomography-3d.md).
	 */
	public static final double MISSING_WEDGE_DEGREES = 20;

	/**
	 * Split-conformal scales of the std maps (the metrics layer's StdCalibration, 90 %
	 * intervals), per method, task and prior, fitted on four training photographs with the presets
	 * ({@code priorj bench vble --set training}, RED-Diff's spread over 8 seeds with
	 * {@code --red_diff_seeds 8}); keys "method/task/prior".
	 */
	private static final Map<String, Double> STD_SCALES = Map.of(
		"vble-xz/inpainting/cae-natural-gray", 0.8424,
		"vble-xz/super_resolution/cae-natural-gray", 2.1456,
		"vble-xz/deblurring/cae-natural-gray", 1.7769,
		"vble-xz/denoising/cae-natural-gray", 0.7225,
		"red-diff/inpainting/natural-gray", 10.3735,
		"red-diff/deblurring/natural-gray", 8.7024);

	private TaskDefaults() {}

	/**
	 * The calibration scale of the std map of {@code method} (e.g. vble-xz) for {@code task} with
	 * {@code prior}; empty where none was fitted (the std map is then the method's own).
	 */
	public static java.util.OptionalDouble stdScale(final String method, final Task task,
		final String prior)
	{
		final Double c = STD_SCALES.get(method + "/" + task.label() + "/" + prior);
		return c == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(c);
	}

	/** lr 0.02, 100 steps, linear weighting; start time 0: where the prior's range begins. */
	private static RedDiffPreset redDiff(final Task task, final double lambda, final int startTime,
		final ClassicalMethod init)
	{
		return new RedDiffPreset(task, lambda, 0.02, 100, startTime > 0 ? OptionalInt.of(startTime)
			: OptionalInt.empty(), 0, RedDiff.Weighting.LINEAR, Optional.ofNullable(init));
	}

	private static VblePreset vble(final Task task, final double lambda, final int iterations,
		final ClassicalMethod init)
	{
		return new VblePreset(task, lambda, Vble.DEFAULT_LR, iterations, Vble.DEFAULT_SAMPLES,
			Optional.ofNullable(init), java.util.OptionalDouble.empty());
	}

	/**
	 * CT whose measured directions leave a gap this wide or wider (in degrees; 90 or fewer evenly
	 * spaced views over a half turn, or a limited angular range) is reconstructed by {@code auto}
	 * with SART, finer sampled CT with FBP. Measured on phantoms and a training slice at 256×256,
	 * projected at 1024×1024 (no inverse crime) onto a detector that covers the whole image, with
	 * noise as {@code simulate} adds it and at 0.5 % of the sinogram's maximum: SART (its defaults)
	 * beat FBP on every image at gaps of 2° or more (by 0.4 to 7 dB; over 0–120°, by 2.5 to 5.8 dB),
	 * gained 0 to 1.2 dB at 1.5° (120 views) for 8 times FBP's time, and lost up to 2.3 dB at 1°
	 * (180 views with noise, where a sweep's many updates fit the noise). The held-out CT slice,
	 * measured only, agreed: +2.9 to +10.6 dB from 2° on, −2.5 dB at 1° with noise
	 * ({@code priorj bench ct-views}, docs/BENCHMARKS.md).
	 */
	public static final double SPARSE_GAP_DEGREES = 2;

	/**
	 * The classical method {@code auto} stands for; for CT the one of densely sampled data (FBP),
	 * {@link #ctBaseline} says which for a given set of angles.
	 */
	public static ClassicalMethod baseline(final Task task) {
		return BASELINE.get(task);
	}

	/** The factor c of TV's default weight for {@code task} ({@link TvWeight}). */
	static double tvFactor(final Task task) {
		if (task == null) throw Checks.bad("task", "none", Task.labels(TV_FACTOR.keySet()));
		return TV_FACTOR.get(task);
	}

	/**
	 * The classical method {@code auto} stands for with CT whose widest gap between measured
	 * directions is {@code widestGapDegrees}: SART from {@value #SPARSE_GAP_DEGREES}° on, else FBP.
	 */
	public static ClassicalMethod ctBaseline(final double widestGapDegrees) {
		// 90 views over 180° leave exactly 2° up to rounding in the angles
		return widestGapDegrees >= SPARSE_GAP_DEGREES - 1e-9 ? ClassicalMethod.SART : BASELINE.get(
			Task.CT);
	}

	/** The tasks RED-Diff has a preset for, in menu order. */
	public static Set<Task> redDiffTasks() {
		return Collections.unmodifiableSet(RED_DIFF.keySet());
	}

	/** The tasks VBLE has a preset for, in menu order. */
	public static Set<Task> vbleTasks() {
		return Collections.unmodifiableSet(VBLE.keySet());
	}

	/** VBLE's preset for {@code task}, refused as {@code task} if it has none. */
	public static VblePreset vble(final Task task) {
		return presetOf(VBLE, task, "VBLE");
	}

	/** The tasks DDS has a preset for, in menu order. */
	public static Set<Task> ddsTasks() {
		return Collections.unmodifiableSet(DDS.keySet());
	}

	/** RED-Diff's preset for {@code task}, refused as {@code task} if it has none. */
	public static RedDiffPreset redDiff(final Task task) {
		return presetOf(RED_DIFF, task, "RED-Diff");
	}

	/** DDS's preset for {@code task}, refused as {@code task} if it has none. */
	public static DdsPreset dds(final Task task) {
		return presetOf(DDS, task, "DDS");
	}

	/**
	 * RED-PSM's preset for a series of {@code frames} frames: the reference's model sizes (K = 6,
	 * d = 9 up to 128 frames; K = 10, d = 11 beyond), its 25 Adam steps of rate 5e-3 per outer
	 * iteration; lambda, beta, sigma and the outer iterations tuned on the training series
	 * (docs/red-psm.md).
	 */
	public static RedPsmPreset redPsm(final int frames) {
		Checks.positive("frames", frames);
		final boolean longSeries = frames > 128;
		return new RedPsmPreset(longSeries ? 10 : 6, longSeries ? 11 : 9, RED_PSM_LAMBDA, RED_PSM_BETA,
			RED_PSM_SIGMA, RED_PSM_ITERATIONS, 25, 5e-3, PsmStart.FIT);
	}

	static final double RED_PSM_LAMBDA = 0.003, RED_PSM_BETA = 0.001, RED_PSM_SIGMA = 0.05;
	static final int RED_PSM_ITERATIONS = 60;

	/**
	 * The volume preset of {@code method} for {@code task} (ct or mri); its start is the scan's own
	 * ({@link #volumeStart}) unless one is set.
	 */
	public static VolumePreset volume(final Task task, final VolumeMethod method) {
		Checks.require(task == Task.CT || task == Task.MRI, "task", "'" + task + "' for a volume",
			"ct or mri");
		if (method == null) throw Checks.bad("method", "none", "dds-3d or diffusion-mbir");
		final VolumePreset p = VOLUME.get(method);
		return task == Task.CT ? p : new VolumePreset(task, method, p.steps(), p.lambda(), p.rho(), p
			.cgIterations(), p.batch(), p.eta(), p.startTime(), p.init());
	}

	/**
	 * The classical reconstruction a volume run starts from when its preset names none: zero filling
	 * for MRI; for CT, SART when the widest gap between the measured directions is
	 * {@link #MISSING_WEDGE_DEGREES} or more, else FBP.
	 */
	public static ClassicalMethod volumeStart(final Task task, final double widestGapDegrees) {
		if (task == Task.MRI) return ClassicalMethod.ZERO_FILLED;
		return widestGapDegrees >= MISSING_WEDGE_DEGREES ? ClassicalMethod.SART : ClassicalMethod.FBP;
	}

	private static <P> P presetOf(final Map<Task, P> presets, final Task task, final String solver) {
		final P p = presets.get(task); // an EnumMap: null for a null task too
		if (p == null) throw Checks.bad("task", "'" + task + "' for " + solver, Task.labels(presets
			.keySet()));
		return p;
	}
}
