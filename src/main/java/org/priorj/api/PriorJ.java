package org.priorj.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import org.priorj.base.Checks;
import org.priorj.base.Progress;
import org.priorj.image.FloatArrays;
import org.priorj.image.Pixels;
import org.priorj.metrics.Psnr;
import org.priorj.physics.Measurement;
import org.priorj.physics.NoiseKind;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Simulator;
import org.priorj.prior.Prior;
import org.priorj.prior.Denoiser;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.solve.ClassicalMethods;
import org.priorj.solve.Dds;
import org.priorj.solve.DdsPreset;
import org.priorj.solve.RedDiff;
import org.priorj.solve.Reconstructor;
import org.priorj.solve.RedDiffPreset;
import org.priorj.solve.Result;
import org.priorj.solve.TaskDefaults;

/**
 * PriorJ for programmers and script writers, on ImgLib2 images: simulate a measurement, reconstruct
 * it classically, with RED-Diff or with DDS, and score the result. Inputs are any
 * {@code RandomAccessibleInterval} of a real type (8-, 16-bit, float, double; any interval, views
 * included), read by copy and never modified; axes X, Y and optionally a third (Z, time, or the
 * real and imaginary channel of a complex MRI image). Results are {@code Img<FloatType>}s with
 * their record attached ({@link Estimate#info}); a {@link Measured} carries its operator, so it
 * goes to the next call as it is.
 *
 * <pre>{@code
 * Img<UnsignedByteType> truth = ...;                        // any real type, any interval
 * PriorJ.Measured m = PriorJ.simulate(truth, "mask missing_fraction=0.5", "gaussian", 2, 1);
 * PriorJ.Estimate baseline = PriorJ.reconstruct(m, "auto"); // biharmonic inpainting
 * PriorJ.Estimate restored = PriorJ.redDiff(m, "natural-gray", 0);
 * double gain = PriorJ.psnr(truth, restored.image()) - PriorJ.psnr(truth, baseline.image());
 * System.out.println(restored.info().get("priorj.method"));
 * }</pre>
 *
 * With Maven: {@code org.priorj:priorj:0.1.0-SNAPSHOT} (see docs/api.md).
 */
public final class PriorJ {

	private PriorJ() {}

	/** A measurement: its data as an image and what produced them (operator, noise, seed). */
	public record Measured(Img<FloatType> data, Measurement measurement) {

		/** The operator as text, e.g. {@code radon angles=0:180:30}. */
		public String operator() {
			return measurement.operatorSpec().toString();
		}
	}

	/**
	 * An estimate in the measurement's units, and its record: {@code priorj.method} (the method
	 * with every parameter it used), {@code priorj.task}, {@code priorj.operator},
	 * {@code priorj.noise}, and for a learned solver {@code priorj.preset} and {@code priorj.prior}.
	 * An MRI estimate is complex: X, Y and the real and imaginary channel.
	 */
	public record Estimate(Img<FloatType> image, Map<String, String> info) {}

	private static final class Priors {

		static final PriorRegistry REGISTRY = PriorRegistries.standard("auto");
	}

	/** The installed priors (the standard roots, on the GPU when there is one). */
	public static PriorRegistry priors() {
		return Priors.REGISTRY;
	}

	/**
	 * The measurement {@code operator} (e.g. {@code blur psf=gaussian:2}, {@code radon
	 * angles=0:180:30}, {@code mri mask=uniform1d acceleration=4}) makes of {@code truth}, with
	 * {@code noise} ({@code gaussian}, {@code gaussian_relative}, {@code poisson}, {@code none}) at
	 * {@code level}, seeded.
	 */
	public static Measured simulate(final RandomAccessibleInterval<? extends RealType<?>> truth,
		final String operator, final String noise, final double level, final long seed)
	{
		final Measurement m = Simulator.simulate(Pixels.of("truth", "truth", truth), OperatorSpec
			.parse(operator), NoiseKind.parse("noise", noise), level, seed);
		return new Measured(FloatArrays.wrap(m.data(), m.dataShape().dims()), m);
	}

	/** The measurement as the problem every solver takes (for the solvers' own settings). */
	public static Problem problem(final Measured m) {
		return Problems.fromMeasurement(measurement(m), "measurement");
	}

	/**
	 * A classical reconstruction: {@code method} is {@code auto} (the task's baseline: SART for
	 * sparse-view or limited-angle CT and FBP for finer sampled CT, zero filling, biharmonic
	 * inpainting, bicubic, Richardson-Lucy, TV) or a method's name.
	 */
	public static Estimate reconstruct(final Measured m, final String method) {
		final Problem p = problem(m);
		return estimate(ClassicalMethods.reconstruct(method, measurement(m), new ClassicalMethods
			.Parameters(), Progress.NONE), p, Map.of());
	}

	/** RED-Diff with the task's preset and the installed prior {@code prior}. */
	public static Estimate redDiff(final Measured m, final String prior, final long seed) {
		final Problem p = problem(m);
		return redDiff(p, prior, TaskDefaults.redDiff(p.task()), seed, Progress.NONE);
	}

	/** RED-Diff with a preset of your own ({@code TaskDefaults.redDiff(task).withSteps(50)}, ...). */
	public static Estimate redDiff(final Problem p, final String prior, final RedDiffPreset preset,
		final long seed, final Progress progress)
	{
		return learned(RedDiff::reconstruct, p, prior, preset, seed, progress);
	}

	/** DDS (CT or MRI) with the task's preset and the installed prior {@code prior}. */
	public static Estimate dds(final Measured m, final String prior, final long seed) {
		final Problem p = problem(m);
		return dds(p, prior, TaskDefaults.dds(p.task()), seed, Progress.NONE);
	}

	/** DDS with a preset of your own. */
	public static Estimate dds(final Problem p, final String prior, final DdsPreset preset,
		final long seed, final Progress progress)
	{
		return learned(Dds::reconstruct, p, prior, preset, seed, progress);
	}

	/** Any learned solver on the seam, with the installed prior {@code prior}. */
	public static <S> Estimate learned(final Reconstructor<Denoiser, S> solver, final Problem p,
		final String prior, final S preset, final long seed, final Progress progress)
	{
		return learned(solver, Denoiser.class, p, prior, preset, seed, progress);
	}

	/** Any learned solver on the seam, with the installed prior {@code prior} of type {@code type}. */
	public static <P extends Prior, S> Estimate learned(final Reconstructor<P, S> solver,
		final Class<P> type, final Problem p, final String prior, final S preset, final long seed,
		final Progress progress)
	{
		return estimate(solver.reconstruct(p, priors().load(prior, type), preset, seed, progress), p,
			Map.of("priorj.preset", preset.toString(), "priorj.prior", prior));
	}

	/** PSNR of {@code estimate} against {@code reference}, over the reference's range of values. */
	public static double psnr(final RandomAccessibleInterval<? extends RealType<?>> reference,
		final RandomAccessibleInterval<? extends RealType<?>> estimate)
	{
		final float[] r = FloatArrays.copyOf(reference), e = FloatArrays.copyOf(estimate);
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (final float v : r) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return Psnr.compute(r, e, hi > lo ? hi - lo : 1);
	}

	private static Measurement measurement(final Measured m) {
		if (m == null) throw Checks.bad("measurement", "none", "a measurement from PriorJ.simulate");
		return m.measurement();
	}

	private static Estimate estimate(final Result r, final Problem p,
		final Map<String, String> more)
	{
		final Map<String, String> info = new LinkedHashMap<>();
		info.put("priorj.method", r.describe());
		info.put("priorj.task", p.task().label());
		info.put("priorj.operator", p.operatorText());
		info.put("priorj.noise", p.noise());
		info.putAll(more);
		return new Estimate(FloatArrays.wrap(r.estimate(), r.shape().dims()), Collections
			.unmodifiableMap(info));
	}
}
