package org.priorj.solve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.priorj.base.Checks;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.Composition;
import org.priorj.physics.Crop;
import org.priorj.physics.GaussianNoise;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Problem;
import org.priorj.prior.Reflection;
import org.priorj.prior.Latent;
import org.priorj.prior.LatentPrior;
import org.priorj.prior.Latents;

/**
 * VBLE (Biquard, Chabert, Oberlin 2023): variational Bayes in the latent space of a compressive
 * autoencoder. The posterior of the latents (z, h) is approximated by a product of independent
 * uniforms (or Gaussians) of centres (z̄, h̄) and widths a = exp(clamp(ā, log 1.5e-5, log 20)),
 * fitted by Adam to the per-pixel loss
 * <pre>
 *   E_q[ ||A clip(g_s(z)) - y||^2 / (2 sigma^2) ] / N  +  lambda ( E_q[rate(z, h)] ln 2 - sum log a ) / N
 * </pre>
 * with one reparametrised draw per step (z = z̄ + a (u - 1/2), u uniform; or z̄ + a e, e normal),
 * N the image's pixel count, the gradient's norm clipped at 20. Then {@code samples} draws from q
 * are decoded: their mean is the estimate, their standard deviation (n - 1) the uncertainty map.
 * <p>
 * The chain starts at z̄ = g_a(x_init), h̄ = h_a(z̄) and ā = 0 (a = 1, the width of the
 * autoencoder's training noise; Gaussian q: ā = -3). The reference code leaves h̄ at 0 instead of
 * h_a(z̄) (its initialisation copies only z); PriorJ starts from the encoder's hyper-latent, as the
 * method describes. clip keeps decoded values in the prior's range widened by 10 % on each side
 * before A, as the reference does (it can be switched off). Noiseless data (sigma 0) use sigma =
 * 4e-3 of the range, as the reference does. A cancelled run samples the posterior as it is then.
 * <p>
 * <b>VBLE-xz</b> (Biquard et al. 2024, {@link #withImageNoise}): the decoder is a Gaussian
 * likelihood N(g_s(z), sigma_theta(z)^2) with the prior's variance decoder
 * ({@link LatentPrior#decodeStd}), and q adds image-space noise, x = g_s(z) + b sigma_theta(z) e
 * with e normal, sigma_theta held fixed in the gradient and b = exp(clamp(b̄, log 1e-4, log 3))
 * fitted per pixel (b̄ starts at 0, so q(x | z) starts at p(x | z)). The loss gains lambda KL_x with
 * KL_x = sum (b^2 - 2 log b - 1) / (2 N), the KL divergence of q(x | z) from p(x | z) per pixel; the
 * port this follows subtracts N instead of C N, leaving a constant (C - 1) / 2 for C channels, which
 * PriorJ drops so that KL_x(b = 1) = 0. Without image noise the loop is VBLE (VBLE-z) bit for bit:
 * e comes from a stream of its own. <b>Rate scale</b> rho in (0, 1] ({@link #withRateScale}): the
 * encoder sees rho x_init and every decoded image is divided by rho, a training-free way to lower the
 * bitrate of the representation and so strengthen the prior; 1 leaves the method as it is.
 */
public final class Vble {

	/** The variational family of each latent entry. */
	public enum Posterior {
		/** Uniform of width a: the relaxation of rounding that compressive autoencoders train with. */
		UNIFORM,
		/** Gaussian of standard deviation a: the variational family of a VAE. */
		GAUSSIAN
	}

	public static final int DEFAULT_ITERATIONS = 300;
	public static final double DEFAULT_LR = 0.1;
	public static final double DEFAULT_LAMBDA = 1;
	public static final int DEFAULT_SAMPLES = 100;
	/** Bounds of the widths a, as the reference bounds them. */
	static final double MIN_LOG_WIDTH = Math.log(1.5e-5), MAX_LOG_WIDTH = Math.log(20);
	static final double GRADIENT_NORM_CLIP = 20;
	/** Bounds of VBLE-xz's image-space width factors b. */
	static final double MIN_LOG_B = Math.log(1e-4), MAX_LOG_B = Math.log(3);
	/** Noise level used for noiseless data, relative to the prior's range. */
	static final double NOISELESS_SIGMA = 4e-3;
	private static final int DECODE_BATCH = 4;
	private static final double LN2 = Math.log(2);

	private int iterations = DEFAULT_ITERATIONS, samples = DEFAULT_SAMPLES, drawsPerStep = 1;
	private double lr = DEFAULT_LR, lambda = DEFAULT_LAMBDA;
	private Posterior posterior = Posterior.UNIFORM;
	private boolean clip = true, keepSamples = false, imageNoise = false;
	private double rateScale = 1;
	private long seed = 0;

	public Vble withIterations(final int n) {
		final Vble c = copy();
		Checks.require(n >= 1 && n <= 100_000, "iterations", "got " + n, "1 to 100000");
		c.iterations = n;
		return c;
	}

	/** Posterior draws decoded at the end, 2 to 10000. */
	public Vble withSamples(final int n) {
		final Vble c = copy();
		Checks.require(n >= 2 && n <= 10_000, "posterior_samples", "got " + n, "2 to 10000");
		c.samples = n;
		return c;
	}

	/** Reparametrised draws averaged in each step's gradient (the reference uses 1). */
	public Vble withDrawsPerStep(final int n) {
		final Vble c = copy();
		Checks.require(n >= 1 && n <= 1000, "draws_per_step", "got " + n, "1 to 1000");
		c.drawsPerStep = n;
		return c;
	}

	public Vble withLearningRate(final double l) {
		final Vble c = copy();
		Checks.require(l > 0 && l <= 10, "lr", "got " + l, "a number in (0, 10]");
		c.lr = l;
		return c;
	}

	/** Weight of the prior's term; 1 is the Bayesian value. */
	public Vble withLambda(final double l) {
		final Vble c = copy();
		Checks.require(l > 0 && Double.isFinite(l), "lambda", "got " + l, "a positive number");
		c.lambda = l;
		return c;
	}

	public Vble withPosterior(final Posterior p) {
		if (p == null) throw Checks.bad("posterior", "null", "uniform or gaussian");
		final Vble c = copy();
		c.posterior = p;
		return c;
	}

	/** Whether decoded values are clipped to the widened range before A (the reference clips). */
	public Vble withClip(final boolean on) {
		final Vble c = copy();
		c.clip = on;
		return c;
	}

	/** Whether the decoded posterior samples are returned with the result. */
	public Vble withKeptSamples(final boolean on) {
		final Vble c = copy();
		c.keepSamples = on;
		return c;
	}

	/** VBLE-xz: image-space noise from the prior's variance decoder (off: VBLE-z). */
	public Vble withImageNoise(final boolean on) {
		final Vble c = copy();
		c.imageNoise = on;
		return c;
	}

	/** The bitrate modulation rho in (0, 1]: smaller is a stronger prior; 1 is none. */
	public Vble withRateScale(final double rho) {
		final Vble c = copy();
		Checks.require(rho > 0 && rho <= 1, "rate_scale", "got " + rho,
			"a number in (0, 1] (1: no modulation; smaller: a stronger prior)");
		c.rateScale = rho;
		return c;
	}

	public Vble withSeed(final long s) {
		final Vble c = copy();
		c.seed = s;
		return c;
	}

	/** Whether this is VBLE-xz (image-space noise). */
	boolean imageNoise() {
		return imageNoise;
	}

	/** The settings a preset chooses, for tests and logs. */
	String settings() {
		return "lambda=" + lambda + " lr=" + lr + " iterations=" + iterations + " samples=" + samples +
			" rate_scale=" + rateScale + " keep=" + keepSamples;
	}

	/** Whether this is the refit of a fit that diverged (recorded in the result). */
	private boolean refitted;

	private Vble copy() {
		final Vble c = new Vble();
		c.iterations = iterations;
		c.samples = samples;
		c.drawsPerStep = drawsPerStep;
		c.lr = lr;
		c.lambda = lambda;
		c.posterior = posterior;
		c.clip = clip;
		c.keepSamples = keepSamples;
		c.imageNoise = imageNoise;
		c.rateScale = rateScale;
		c.seed = seed;
		return c;
	}

	/** Image-sized arrays of the loop: the start, its padded copy, gradients, mean, m2, std, estimate. */
	static final int IMAGE_COPIES = 8;

	/**
	 * VBLE on a user's problem, in the user's units ({@link PriorSpace}): the image mapped into the
	 * autoencoder's range and padded by reflection to its multiple (the data see the image's own
	 * window through a {@link Crop}), the encoder started from the preset's classical
	 * reconstruction (A^T y without one), the noise level the preset's or estimated from the data;
	 * the estimate, the std map and the kept samples come back cropped and in the user's units.
	 */
	public static Result reconstruct(final Problem problem, final LatentPrior prior,
		final VblePreset preset, final long seed, final Progress progress)
	{
		final PriorSpace space = PriorSpace.of(problem, prior, preset.init(), IMAGE_COPIES,
			Progress.NONE);
		final Shape b = space.batch();
		final int m = prior.multiple(), h = b.dim(2), w = b.dim(3);
		final Shape canvas = Shape.of(b.dim(0), b.dim(1), (h + m - 1) / m * m, (w + m - 1) / m * m);
		final Crop crop = new Crop(canvas, h, w, space.operator().domain());
		final float[] start = space.start() != null ? space.start() : space.operator().adjoint(space
			.data());
		final float[] padded = new float[canvas.size()];
		final int images = b.dim(0) * b.dim(1);
		for (int i = 0; i < images; i++)
			Reflection.pad(start, i * h * w, h, w, padded, i * canvas.dim(2) * canvas.dim(3), canvas.dim(
				2), canvas.dim(3));
		final double sigma = preset.noiseSigma().orElseGet(() -> TvWeight.noiseLevel(problem
			.operator(), problem.data()));
		final Result r = preset.solver(prior.decodesStd()).withSeed(seed).solve(new Composition(space.operator(), crop),
			space.data(), space.sigmaToPrior(sigma), padded, prior, canvas, progress);
		final float[] std = crop.apply(r.std().orElseThrow());
		final java.util.OptionalDouble scale = TaskDefaults.stdScale(r.parameters().get("model"),
			problem.task(), prior.name());
		for (int i = 0; i < std.length; i++) std[i] *= (float) scale.orElse(1);
		final Result cropped = new Result(crop.apply(r.estimate()), crop.range(), r.history(), r
			.historyLabel(), new Iterations.Outcome(r.iterations(), r.cancelled(), r.converged()), r
				.method(), r.parameters()).withUncertainty(std, r.samples().stream().map(crop::apply)
					.toList());
		return space.back(cropped, Map.of("init", preset.initLabel(), "noise_sigma", Double.toString(
			sigma), "std_scale", Double.toString(scale.orElse(1)), "std_calibration", scale.isPresent()
				? "conformal-90-training" : "none"));
	}

	/**
	 * Restores {@code y = A x + noise} in the prior's units.
	 *
	 * @param sigma the noise's standard deviation (0: noiseless)
	 * @param init the image the encoder starts from, of the operator's domain
	 * @param nchw the operator's domain as a batch of images for the prior
	 */
	public Result solve(final LinearOperator a, final float[] y, final double sigma,
		final float[] init, final LatentPrior prior, final Shape nchw, final Progress progress)
	{
		try {
			return sample(prior, fit(a, y, sigma, init, prior, nchw, progress), a.domain());
		}
		catch (final Diverged e) {
			// seen now and then at the deblurring preset's rate, not reproducibly: one refit at half
			// the rate, recorded; a second divergence is the user's to see
			final Vble slower = withLearningRate(lr / 2);
			slower.refitted = true;
			return slower.sample(prior, slower.fit(a, y, sigma, init, prior, nchw, progress), a.domain());
		}
	}

	/** Samples of a fit that diverged. */
	static final class Diverged extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		Diverged(final String message) {
			super(message);
		}
	}

	/** The fitted posterior, before sampling (what {@link #solve} samples). */
	Fit fit(final LinearOperator a, final float[] y, final double sigma, final float[] init,
		final LatentPrior prior, final Shape nchw, final Progress progress)
	{
		SolverInputs.measurement(a, y);
		Checks.require(sigma >= 0 && Double.isFinite(sigma), "sigma", "got " + sigma,
			"0 (noiseless) or a positive noise level");
		a.domain().check("init", init, "the operator's domain");
		Checks.finite("init", init);
		Checks.require(nchw != null && nchw.rank() == 4 && nchw.size() == a.domain().size(), "shape",
			String.valueOf(nchw), "(N, C, H, W) holding the operator's domain " + a.domain());
		final double range = prior.high() - prior.low();
		final double s = sigma > 0 ? sigma : NOISELESS_SIGMA * range;
		final double lo = prior.low() - 0.1 * range, hi = prior.high() + 0.1 * range;
		final double pixels = (double) nchw.dim(0) * nchw.dim(2) * nchw.dim(3);
		final float[] scaled = init.clone();
		for (int i = 0; i < scaled.length; i++) scaled[i] *= (float) rateScale;
		final Latents start = prior.encode(scaled, nchw);
		if (imageNoise && !prior.decodesStd()) throw Checks.bad("variance_decoder",
			"none in prior '" + prior.name() + "'", "a prior trained with a variance decoder " +
				"(priorj train --kind cae-variance) for VBLE-xz, or VBLE-z without image noise");
		final Parameters q = new Parameters(start, posterior, imageNoise ? nchw.size() : 0);
		final Adam adam = new Adam(q.values, lr, 0.9, 0.999, 1e-8);
		// the image-space noise has a stream of its own, so that the latents' draws are VBLE-z's
		final SplittableRandom rnd = new SplittableRandom(seed), noise = new SplittableRandom(seed ^
			0x9E3779B97F4A7C15L);
		final float[] ax = new float[a.range().size()], residual = new float[ax.length];
		final LatentPrior.ImageLoss data = (x, g) -> {
			final float[] xc = clip ? clipped(x, lo, hi) : x;
			a.apply(xc, ax);
			double l = 0;
			for (int i = 0; i < ax.length; i++) {
				residual[i] = (float) ((ax[i] - y[i]) / (s * s * pixels));
				l += (double) (ax[i] - y[i]) * (ax[i] - y[i]);
			}
			a.adjoint(residual, g);
			if (clip) for (int i = 0; i < x.length; i++) if (x[i] < lo || x[i] > hi) g[i] = 0;
			return l / (2 * s * s * pixels);
		};
		final double rateWeight = lambda * LN2 / pixels;
		final List<Double> history = new ArrayList<>();
		final float[] grad = new float[q.values.length];
		final Iterations.Outcome o = Iterations.run(imageNoise ? "VBLE-xz" : "VBLE", iterations,
			progress, k -> {
				java.util.Arrays.fill(grad, 0);
				double loss = 0;
				for (int d = 0; d < drawsPerStep; d++) {
					final Draw draw = q.draw(rnd);
					final LatentPrior.ImageLoss seen = q.imageSpace(draw, prior, noise, rateScale, data, grad,
						1.0 / drawsPerStep);
					final LatentPrior.Evaluation e = prior.evaluate(draw.latents, seen, rateWeight);
					loss += (e.imageLoss() + rateWeight * e.bits()) / drawsPerStep;
					q.accumulate(e.gradient(), draw, grad, 1.0 / drawsPerStep);
				}
				loss += q.entropyTerms(grad, lambda / pixels);
				loss += q.imageKl(grad, lambda / pixels);
				clipNorm(grad, GRADIENT_NORM_CLIP);
				adam.step(grad);
				history.add(loss);
				return true;
			});
		return new Fit(q, rnd, noise, o, history, sigma);
	}

	/** A fitted posterior q, the random streams to sample it with, and how the fit went. */
	static final class Fit {

		final Parameters q;
		final SplittableRandom latentStream, noiseStream;
		final Iterations.Outcome outcome;
		final List<Double> history;
		final double sigma;

		Fit(final Parameters q, final SplittableRandom latentStream,
			final SplittableRandom noiseStream, final Iterations.Outcome outcome,
			final List<Double> history, final double sigma)
		{
			this.q = q;
			this.latentStream = latentStream;
			this.noiseStream = noiseStream;
			this.outcome = outcome;
			this.history = history;
			this.sigma = sigma;
		}

		/** VBLE-xz's fitted width factors b, one per pixel (empty for VBLE-z). */
		double[] imageWidths() {
			final double[] b = new double[q.nb];
			for (int i = 0; i < b.length; i++) b[i] = q.imageWidth(i);
			return b;
		}

		/** The fitted centres z̄. */
		float[] latentCentres() {
			return java.util.Arrays.copyOfRange(q.values, 0, q.nz);
		}
	}

	/**
	 * Decodes {@code samples} draws from q (VBLE-xz: with their image-space noise; divided by the
	 * rate scale): mean, standard deviation (n - 1), kept samples.
	 */
	private Result sample(final LatentPrior prior, final Fit fit, final Shape domain) {
		final Parameters q = fit.q;
		final Shape zs = q.zShape;
		final int n = (int) zs.dim(0);
		final int per = zs.size();
		double[] mean = null, m2 = null;
		final List<float[]> kept = new ArrayList<>();
		int count = 0;
		final double[] widths = fit.imageWidths();
		for (int first = 0; first < samples; first += DECODE_BATCH) {
			final int b = Math.min(DECODE_BATCH, samples - first);
			final float[] batch = new float[b * per];
			for (int j = 0; j < b; j++)
				System.arraycopy(q.draw(fit.latentStream).latents.z().values(), 0, batch, j * per, per);
			final Latent z = new Latent(batch, Shape.of(b * n, zs.dim(1), zs.dim(2), zs.dim(3)));
			final float[] x = prior.decode(z);
			final int image = x.length / b;
			if (imageNoise) {
				final float[] std = prior.decodeStd(z).orElseThrow();
				for (int i = 0; i < x.length; i++)
					x[i] += (float) (widths[i % image] * std[i] * fit.noiseStream.nextGaussian());
			}
			requireFinite(x);
			if (rateScale != 1) for (int i = 0; i < x.length; i++) x[i] /= (float) rateScale;
			if (mean == null) {
				mean = new double[image];
				m2 = new double[image];
			}
			for (int j = 0; j < b; j++) {
				count++;
				for (int i = 0; i < image; i++) {
					final double v = x[j * image + i], delta = v - mean[i];
					mean[i] += delta / count;
					m2[i] += delta * (v - mean[i]);
				}
				if (keepSamples) kept.add(java.util.Arrays.copyOfRange(x, j * image, (j + 1) * image));
			}
		}
		final float[] estimate = new float[mean.length], std = new float[mean.length];
		for (int i = 0; i < mean.length; i++) {
			estimate[i] = (float) mean[i];
			std[i] = (float) Math.sqrt(m2[i] / (count - 1));
		}
		final Map<String, String> p = new LinkedHashMap<>();
		p.put("model", imageNoise ? "vble-xz" : "vble-z");
		p.put("iterations", Integer.toString(iterations));
		p.put("lr", Double.toString(lr));
		if (refitted) p.put("refit", "the first fit diverged; refitted at half the learning rate");
		p.put("lambda", Double.toString(lambda));
		p.put("rate_scale", Double.toString(rateScale));
		p.put("posterior", posterior.name().toLowerCase(java.util.Locale.ROOT));
		p.put("samples", Integer.toString(samples));
		p.put("draws_per_step", Integer.toString(drawsPerStep));
		p.put("sigma", Double.toString(fit.sigma));
		p.put("seed", Long.toString(seed));
		return new Result(estimate, domain, fit.history.stream().mapToDouble(Double::doubleValue)
			.toArray(), "loss per pixel", fit.outcome, "vble", p).withUncertainty(std, kept);
	}

	/**
	 * A fit that diverged (or a prior that returns NaN) must not hand the user a NaN image as its
	 * estimate: refused, naming what a user can change.
	 */
	private void requireFinite(final float[] samples) {
		for (int i = 0; i < samples.length; i++) if (!Float.isFinite(samples[i]))
			throw new Diverged("VBLE's posterior samples hold a non-finite value (" +
				samples[i] + " at index " + i + "): the fit diverged (learning_rate " + lr + ", lambda " +
				lambda + "); try a smaller learning_rate");
	}

	private static float[] clipped(final float[] x, final double lo, final double hi) {
		final float[] c = new float[x.length];
		for (int i = 0; i < x.length; i++) c[i] = (float) Math.min(hi, Math.max(lo, x[i]));
		return c;
	}

	/** Scales g so that its Euclidean norm is at most {@code max}. */
	static void clipNorm(final float[] g, final double max) {
		double n2 = 0;
		for (final float v : g) n2 += (double) v * v;
		final double n = Math.sqrt(n2);
		if (n > max) for (int i = 0; i < g.length; i++) g[i] *= (float) (max / n);
	}

	/** One reparametrised draw: the latents and the unit noise that made them. */
	record Draw(Latents latents, float[] noise) {}

	/**
	 * q's parameters packed for one Adam: z̄, h̄, then ā_z, ā_h, then VBLE-xz's b̄ (one per pixel). A
	 * draw is z̄ + a u with u uniform on [-1/2, 1/2) or standard normal.
	 */
	static final class Parameters {

		final float[] values;
		final Shape zShape;
		final Optional<Shape> hShape;
		final int nz, nh, nb;
		final Posterior family;

		Parameters(final Latents start, final Posterior family, final int imageEntries) {
			this.family = family;
			zShape = start.z().shape();
			hShape = start.hyper().map(Latent::shape);
			nz = zShape.size();
			nh = hShape.map(Shape::size).orElse(0);
			nb = imageEntries;
			values = new float[2 * (nz + nh) + nb];
			System.arraycopy(start.z().values(), 0, values, 0, nz);
			start.hyper().ifPresent(h -> System.arraycopy(h.values(), 0, values, nz, nh));
			final float logWidth = family == Posterior.UNIFORM ? 0 : -3;
			java.util.Arrays.fill(values, nz + nh, 2 * (nz + nh), logWidth);
		}

		/** b of pixel i: exp of its clamped b̄. */
		double imageWidth(final int i) {
			return Math.exp(Math.min(MAX_LOG_B, Math.max(MIN_LOG_B, values[2 * (nz + nh) + i])));
		}

		boolean imageWidthFree(final int i) {
			final double v = values[2 * (nz + nh) + i];
			return v > MIN_LOG_B && v < MAX_LOG_B;
		}

		/**
		 * The image loss as a draw sees it: VBLE-xz adds b sigma_theta(z) e (sigma_theta held fixed, e
		 * from {@code noise}) to the decoded image, then the rate scale divides it; the gradient with
		 * respect to b̄ goes into {@code grad} with {@code weight}. VBLE-z with rho 1 is {@code data}.
		 */
		LatentPrior.ImageLoss imageSpace(final Draw draw, final LatentPrior prior,
			final SplittableRandom noise, final double rho, final LatentPrior.ImageLoss data,
			final float[] grad, final double weight)
		{
			if (nb == 0 && rho == 1) return data;
			final float[] std = nb == 0 ? null : prior.decodeStd(draw.latents.z()).orElseThrow();
			// b sigma_theta e per pixel, and the weight of its gradient for b̄ (0 where b̄ is clamped)
			final float[] spread = new float[nb], free = new float[nb];
			for (int i = 0; i < nb; i++) {
				spread[i] = (float) (imageWidth(i) * std[i] * noise.nextGaussian());
				free[i] = imageWidthFree(i) ? (float) weight * spread[i] : 0;
			}
			return (xbar, g) -> {
				final float[] x = new float[xbar.length];
				for (int i = 0; i < x.length; i++)
					x[i] = (float) ((xbar[i] + (nb == 0 ? 0 : spread[i])) / rho);
				final double l = data.apply(x, g);
				final int offset = 2 * (nz + nh);
				for (int i = 0; i < g.length; i++) {
					g[i] /= (float) rho;
					if (nb > 0) grad[offset + i] += free[i] * g[i];
				}
				return l;
			};
		}

		/** Adds the gradient of c KL_x = c sum (b^2 - 2 log b - 1) / 2 to grad; returns its value. */
		double imageKl(final float[] grad, final double c) {
			final int offset = 2 * (nz + nh);
			double t = 0;
			for (int i = 0; i < nb; i++) {
				final double b = imageWidth(i);
				t += c * 0.5 * (b * b - 2 * Math.log(b) - 1);
				if (imageWidthFree(i)) grad[offset + i] += (float) (c * (b * b - 1));
			}
			return t;
		}

		double width(final int i) {
			return Math.exp(Math.min(MAX_LOG_WIDTH, Math.max(MIN_LOG_WIDTH, values[nz + nh + i])));
		}

		boolean widthFree(final int i) {
			final double v = values[nz + nh + i];
			return v > MIN_LOG_WIDTH && v < MAX_LOG_WIDTH;
		}

		Draw draw(final SplittableRandom rnd) {
			final int m = nz + nh;
			final float[] u = new float[m], v = new float[m];
			for (int i = 0; i < m; i++) {
				u[i] = (float) (family == Posterior.UNIFORM ? rnd.nextDouble() - 0.5 : GaussianNoise
					.gaussian(rnd));
				v[i] = (float) (values[i] + width(i) * u[i]);
			}
			final Latent z = new Latent(java.util.Arrays.copyOfRange(v, 0, nz), zShape);
			final Latents l = hShape.map(s -> Latents.of(z, new Latent(java.util.Arrays.copyOfRange(v,
				nz, m), s))).orElse(Latents.of(z));
			return new Draw(l, u);
		}

		/** grad += weight * d/d(params) of a loss whose latent gradient is {@code g}, at {@code draw}. */
		void accumulate(final Latents g, final Draw draw, final float[] grad, final double weight) {
			final float[] gz = g.z().values();
			final float[] gh = g.hyper().map(Latent::values).orElse(new float[0]);
			final int m = nz + nh;
			for (int i = 0; i < m; i++) {
				final double gi = i < nz ? gz[i] : gh[i - nz];
				grad[i] += (float) (weight * gi);
				if (widthFree(i)) grad[m + i] += (float) (weight * gi * draw.noise[i] * width(i));
			}
		}

		/** Adds the gradient of -c sum log a to grad and returns that term's value. */
		double entropyTerms(final float[] grad, final double c) {
			final int m = nz + nh;
			double t = 0;
			for (int i = 0; i < m; i++) {
				t -= c * Math.log(width(i));
				if (widthFree(i)) grad[m + i] -= (float) c;
			}
			return t;
		}
	}
}
