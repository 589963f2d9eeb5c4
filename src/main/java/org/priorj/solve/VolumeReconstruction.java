package org.priorj.solve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.priorj.base.Checks;
import org.priorj.base.Memory;
import org.priorj.base.SliceStore;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.Problem;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.physics.Task;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DiffusionSchedule;

/**
 * A CT or MRI volume reconstructed with a 2-D diffusion prior on its slices and total variation
 * along z, in the user's units ({@link PriorSpace}): DDS-3D ({@link Dds#solveVolume}) or
 * DiffusionMBIR ({@link DiffusionMbir}), as the preset says. The TV_z weight and ADMM's penalty
 * are the preset's times ||A||^2; the chain starts from the preset's classical reconstruction
 * noised to the largest level the prior was trained on (DDS: that diffusion time unless the preset
 * gives one; DiffusionMBIR: sigma_max = that level, sigma_min = the lowest it was trained on but
 * at least the reference's 0.01 on [0, 1] data, instead of the
 * reference's 0.01–378 from pure noise, which a prior trained on a limited range cannot follow).
 * The unknown is (Z, H, W), or (Z, 2, H, W) for complex MRI slices.
 */
public final class VolumeReconstruction {

	/**
	 * Volume-sized arrays of the loops besides PriorSpace's: the sampler's state, estimate,
	 * network output and Tweedie estimate, ADMM's split variable, dual, D x, right-hand side and
	 * A^T y, and the conjugate gradient's vectors.
	 */
	static final int VOLUME_COPIES = 16;

	/** DiffusionMBIR's lowest level, the reference's 0.01 on [0, 1] data, on [-1, 1]. */
	static final double SIGMA_MIN = 0.02;
	/**
	 * The highest level DiffusionMBIR starts from (half the [-1, 1] range, where the shipped CT
	 * prior's training ends): started from a classical reconstruction, a chain from higher levels
	 * only adds steps, and ADMM's split variable and dual, kept across steps, would carry the
	 * early steps' noise for long.
	 */
	static final double SIGMA_MAX = 1;

	/**
	 * TV along z wraps the last slice to the first, as both reference codes do. Neumann (no
	 * difference past the last slice) would seem the better model of a slab, but measured 0.4–0.7 dB
	 * lower on the tuning volumes (docs/tomography-3d.md), so PriorJ keeps the wrap.
	 */
	static final boolean PERIODIC = true;

	private VolumeReconstruction() {}

	/** Refuses a problem whose unknown is not a volume, pointing a 2-D one to the 2-D commands. */
	public static void check(final Problem problem) {
		final Shape v = problem.imageShape();
		final boolean complex = problem.isComplex();
		Checks.require(problem.task() == Task.CT || problem.task() == Task.MRI, "task", "'" + problem
			.task() + "'", "ct or mri (volumes of other tasks: the 2-D commands restore stacks slice by " +
				"slice)");
		final boolean volume = complex ? v.rank() == 4 && v.dim(1) == 2 : v.rank() == 3;
		Checks.require(volume, "input", "an unknown of shape " + v + (v.rank() == (complex ? 3 : 2)
			? " (one image)" : ""), complex ? "a volume of complex slices (Z, 2, H, W); for one image " +
				"use Reconstruct MRI (DDS)" : "a volume (Z, H, W); for one image use Reconstruct CT (DDS)");
		Checks.require(v.dim(0) >= 2, "input", v.dim(0) + " slice", "a volume of at least 2 slices " +
			"(for one image use the 2-D command)");
	}

	/**
	 * Volume-sized arrays on the heap when the solver's volumes are on disk: the start image in the
	 * user's units and in the prior's, the result in both, and the image the user gets.
	 */
	static final int ON_DISK_HEAP_COPIES = 5;

	/** Reconstructs the problem's volume with the preset's method and {@code seed}, volumes {@link VolumeStorage#AUTO}. */
	public static Result reconstruct(final Problem problem, final Denoiser prior,
		final VolumePreset preset, final long seed, final Progress progress)
	{
		return reconstruct(problem, prior, preset, VolumeStorage.AUTO, seed, progress);
	}

	/**
	 * Reconstructs the problem's volume with the preset's method and {@code seed}, the solver's
	 * volumes where {@code storage} says.
	 */
	public static Result reconstruct(final Problem problem, final Denoiser prior,
		final VolumePreset preset, final VolumeStorage storage, final long seed,
		final Progress progress)
	{
		if (storage == null) throw Checks.bad("volumes", "none", "auto, heap or disk");
		if (problem == null) throw Checks.bad("problem", "none", "a CT or MRI volume problem");
		if (prior == null) throw Checks.bad("prior", "none", "a diffusion prior");
		if (preset == null) throw Checks.bad("preset", "none", "a volume preset");
		check(problem);
		final Shape v = problem.imageShape();
		final int perSlice = PriorBatch.of(v, prior, problem.isComplex()).dim(0) / v.dim(0);
		final int items = preset.batch() * perSlice;
		final ClassicalMethod start = preset.init().orElseGet(() -> TaskDefaults.volumeStart(problem
			.task(), problem.task() == Task.CT ? ClassicalMethods.projector(problem.operator(), "auto")
				.widestGap() : 0));
		final int heapCopies = PriorSpace.SHARED_IMAGE_COPIES + VOLUME_COPIES;
		final boolean ddsThreeD = preset.method() == VolumeMethod.DDS_3D;
		Checks.require(!ddsThreeD || problem.operator() instanceof SliceWiseOperator, "operator", problem
			.operator().describe(), "one operator per slice (CT or MRI of a volume) for dds-3d");
		final SliceStore.Factory stores = storage.stores(PriorSpace.heapBytes(problem, heapCopies) <=
			Memory.maxHeap(), ddsThreeD, preset.method().label());
		final boolean onDisk = stores != SliceStore.Factory.HEAP;
		if (onDisk) stores.check(Dds.VOLUME_STORES + SliceAdmmTvZ.STORES, v.dim(0), v.size() / v.dim(0));
		final PriorSpace space = PriorSpace.ofVolume(problem, prior, Optional.of(start), onDisk
			? ON_DISK_HEAP_COPIES : heapCopies, items, Progress.NONE);
		final double n = space.operator().norm(Dds.NORM_ITERATIONS, Dds.NORM_TOLERANCE, 1);
		final double lambda = preset.lambda() * n * n, rho = preset.rho() * n * n;
		final Result r;
		if (ddsThreeD) {
			final Dds base = new Dds(DiffusionSchedule.linear()).withSteps(preset.steps()).withEta(preset
				.eta()).withCgIterations(preset.cgIterations()).withSeed(seed);
			final Dds dds = base.withStartTime(space.startTime(preset.startTime(), base.schedule()));
			r = dds.solveVolume((SliceWiseOperator) space.operator(), space.data(), space.start(), space
				.epsilonModel(), space.batch(), lambda, rho, items, PERIODIC, stores, progress);
		}
		else {
			final double[] sigmas = space.sigmaRange();
			final double low = Math.max(sigmas[0], SIGMA_MIN), high = Math.min(sigmas[1], SIGMA_MAX);
			Checks.require(high > low, "prior", "trained up to noise level " + sigmas[1] +
				" on [-1, 1]", "a prior trained beyond " + low + " for diffusion-mbir");
			final VePredictorCorrector sampler = new VePredictorCorrector(new VeSchedule(low, high,
				preset.steps()), VePredictorCorrector.SNR);
			r = new DiffusionMbir(sampler, lambda, rho, preset.cgIterations(), items, true, seed).solve(
				space.operator(), space.data(), space.start(), space.batch(), PERIODIC, space.score(),
				progress);
		}
		final Map<String, String> p = new LinkedHashMap<>();
		p.put("method", preset.method().label());
		p.put("lambda_relative", Double.toString(preset.lambda()));
		p.put("rho_relative", Double.toString(preset.rho()));
		p.put("batch_slices", Integer.toString(preset.batch()));
		p.put("volumes", onDisk ? "disk (" + stores.describe() + ")" : "heap");
		p.put("init", start.label() + (preset.init().isPresent() ? "" : " (auto)"));
		p.put("network_calls_per_slice", Integer.toString(preset.networkCallsPerSlice() / preset
			.steps() * r.iterations()));
		return space.back(r, p);
	}
}
