package org.priorj.solve;

import java.util.SplittableRandom;

import org.priorj.base.Checks;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.LinearOperator;

/**
 * DiffusionMBIR (shared ALGORITHMS §3.1): a volume (Z, H, W) sampled with a 2-D prior slice by
 * slice and kept consistent along z by total variation. Each step runs the VE predictor and corrector
 * on batches of slices ({@link VePredictorCorrector}), then one ADMM-TV_z iteration with
 * {@code cgIterations} conjugate-gradient steps on the whole volume ({@link Admm}, periodic
 * difference along z as the reference has it; its split variable and dual kept across steps), and
 * after the last step the reference's Kaczmarz-type correction x += A^T (y - A x) / A^T (A 1)
 * (element-wise; pixels that no measurement sees are left alone). The volume starts from
 * N(0, sigma_max^2). Values are in the prior's units; not safe for concurrent use.
 */
public final class DiffusionMbir {

	private final VePredictorCorrector sampler;
	private final double lambda, rho;
	private final int cgIterations, batch;
	private final boolean kaczmarz;
	private final long seed;

	/**
	 * @param lambda the TV_z weight (0: none)
	 * @param rho ADMM's penalty (0: no coupling, the data step alone)
	 * @param batch slices the prior sees at once
	 */
	public DiffusionMbir(final VePredictorCorrector sampler, final double lambda, final double rho,
		final int cgIterations, final int batch, final boolean kaczmarz, final long seed)
	{
		if (sampler == null) throw Checks.bad("sampler", "got null", "a VE sampler");
		Checks.require(lambda >= 0 && Double.isFinite(lambda), "lambda", "got " + lambda,
			"0 or a positive number");
		Checks.require(rho >= 0 && Double.isFinite(rho), "rho", "got " + rho, "0 or a positive number");
		this.sampler = sampler;
		this.lambda = lambda;
		this.rho = rho;
		this.cgIterations = SolverInputs.iterations(cgIterations);
		this.batch = Checks.positive("batch", batch);
		this.kaczmarz = kaczmarz;
		this.seed = seed;
	}

	/**
	 * Reconstructs the volume {@code a.domain()} (Z, H, W) from y with the prior's {@code score}
	 * of 2-D slices, from N(0, sigma_max^2) as the reference starts; a cancelled run returns the
	 * current volume.
	 */
	public Result solve(final LinearOperator a, final float[] y, final VePredictorCorrector.Score score,
		final Progress progress)
	{
		final Shape v = a.domain();
		Checks.require(v.rank() == 3, "operator", "an unknown of shape " + v,
			"a volume (Z, H, W); for one image use the 2-D solvers");
		return solve(a, y, null, Shape.of(v.dim(0), 1, v.dim(1), v.dim(2)), true, score, progress);
	}

	/**
	 * Reconstructs the volume {@code a.domain()} (slices first) whose slices the prior sees as the
	 * batch {@code nchw} ({@code batch} counts items of that batch), starting from
	 * {@code init} + sigma_max z (null: sigma_max z): a prior trained on a limited noise range is
	 * started from a classical reconstruction at its largest level, as come-closer-diffuse-faster
	 * does, instead of from the reference's sigma_max = 378. The difference along z wraps the last
	 * slice to the first ({@code periodic}, as the reference does) or has none past the last slice
	 * (Neumann).
	 */
	public Result solve(final LinearOperator a, final float[] y, final float[] init,
		final Shape nchw, final boolean periodic, final VePredictorCorrector.Score score,
		final Progress progress)
	{
		SolverInputs.measurement(a, y);
		final Shape volume = a.domain();
		Checks.require(volume.rank() >= 3, "operator", "an unknown of shape " + volume,
			"a volume (Z, H, W); for one image use the 2-D solvers");
		Checks.require(nchw != null && nchw.rank() == 4 && nchw.size() == volume.size(), "shape",
			String.valueOf(nchw), "(N, C, H, W) holding the volume " + volume);
		if (init != null) {
			volume.check("init", init, "the volume's shape");
			Checks.finite("init", init);
		}
		final int items = nchw.dim(0);
		// rho 0 leaves only the data step: a vanishing penalty keeps ADMM's algebra and adds nothing
		final Admm dc = new Admm(a, y, new AxisDifference(volume, periodic), Prox.l1(lambda), rho > 0
			? rho : Float.MIN_NORMAL, cgIterations);
		final SplittableRandom rnd = new SplittableRandom(seed);
		final float[] x = new float[volume.size()];
		final double start = sampler.schedule().sigmaMax();
		for (int i = 0; i < x.length; i++)
			x[i] = (float) ((init == null ? 0 : init[i]) + start * rnd.nextGaussian());
		final SlabProgress slabs = new SlabProgress(progress, "DiffusionMBIR", sampler.schedule()
			.steps(), items, items / volume.dim(0), batch);
		final Iterations.Outcome o = Iterations.run("DiffusionMBIR", sampler.schedule().steps(),
			slabs, j -> {
				SliceBatches.each(x, nchw, batch, slabs::slab, x, (slab, shape) -> {
					sampler.step(j, slab, shape, score, rnd);
					return slab;
				});
				dc.step(x);
				return true;
			});
		if (kaczmarz) kaczmarz(a, y, x);
		return new Result(x, volume, new double[0], "", o, "diffusion-mbir", SolverInputs.parameters(
			"steps", sampler.schedule().steps(), "sigma_max", start, "lambda", lambda, "rho", rho,
			"cg_iterations", cgIterations, "batch", batch, "z_boundary", periodic ? "periodic" : "neumann",
			"seed", seed));
	}

	/** x += A^T (y - A x) / A^T (A 1), element-wise, where A^T (A 1) is not zero. */
	static void kaczmarz(final LinearOperator a, final float[] y, final float[] x) {
		final float[] ones = new float[x.length];
		java.util.Arrays.fill(ones, 1f);
		final float[] weight = a.adjoint(a.apply(ones));
		final float[] r = a.apply(x);
		for (int i = 0; i < r.length; i++) r[i] = y[i] - r[i];
		final float[] step = a.adjoint(r);
		for (int i = 0; i < x.length; i++) if (weight[i] != 0) x[i] += step[i] / weight[i];
	}
}
