package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.priorj.base.Checks;
import org.priorj.physics.Downsampling;
import org.priorj.physics.Identity;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Measurement;
import org.priorj.base.Shape;
import org.priorj.physics.SliceWiseOperator;
import org.priorj.physics.Task;
import org.priorj.physics.ct.FbpFilter;
import org.priorj.physics.ct.FilteredBackProjection;
import org.priorj.physics.ct.ParallelBeamProjector;
import org.priorj.physics.mri.MultiCoilMri;
import org.priorj.physics.mri.SingleCoilMri;

/**
 * The classical reconstruction methods by name, as the commands, the command line and the demo
 * offer them, each applied to a self-describing {@link Measurement}. {@code auto} picks the usual
 * baseline for the measurement's operator: for CT SART when the angles leave a gap of 2° or more
 * (sparse views, limited angle; {@link TaskDefaults#ctBaseline}) and FBP otherwise, CGLS for
 * dynamic CT, zero filling for MRI, biharmonic inpainting for masks, bicubic interpolation for
 * super-resolution, Richardson-Lucy for blur, TV denoising for denoising. Masks can also be filled
 * by harmonic inpainting, which flattens the slopes at a hole's rim.
 */
public final class ClassicalMethods {

	/** Every name {@link #reconstruct} accepts, {@code auto} first. */
	public static final String[] NAMES = java.util.stream.Stream.concat(java.util.stream.Stream.of(
		"auto"), java.util.Arrays.stream(ClassicalMethod.values()).map(ClassicalMethod::label))
		.toArray(String[]::new);

	private ClassicalMethods() {}

	/** Parameters shared by the methods; each method reads the ones it uses. */
	public static final class Parameters {

		/** Iterations of iterative methods; empty: the method's own default ({@link #defaultIterations}). */
		public OptionalInt iterations = OptionalInt.empty();
		/**
		 * Regularisation weight of tv and tikhonov, in the data's units (TV: per unit gradient);
		 * empty: TV's from the data's noise level ({@link TvWeight}), Tikhonov's
		 * {@value #TIKHONOV_LAMBDA}.
		 */
		public OptionalDouble lambda = OptionalDouble.empty();
		/** FBP filter: ramp, shepp_logan or hann. */
		public String filter = "ramp";
		/** Keep the estimate >= 0 (sart, sirt, tv). */
		public boolean nonnegative = false;
	}

	/** Tikhonov's weight when none is given. */
	public static final double TIKHONOV_LAMBDA = 0.01;

	/** The relative change of the estimate below which TV stops before its iterations run out. */
	static final double TV_TOLERANCE = 1e-4;

	/** The iterations {@code method} runs when none are asked for. */
	public static int defaultIterations(final String method) {
		return ClassicalMethod.parse("method", method).defaultIterations();
	}

	/** The method {@code auto} stands for, given a measurement's operator. */
	public static String auto(final Measurement m) {
		return auto(Task.ofKind(m.operatorSpec().kind()), m.operator()).label();
	}

	/** The task's baseline; for CT the one for its angles (sparse or limited: SART). */
	private static ClassicalMethod auto(final Task task, final LinearOperator a) {
		return task == Task.CT ? TaskDefaults.ctBaseline(projector(a, "auto").widestGap())
			: TaskDefaults.baseline(task);
	}

	public static Result reconstruct(final String method, final Measurement m,
		final Parameters p, final Progress progress)
	{
		final Task task = Task.ofKind(m.operatorSpec().kind());
		final ClassicalMethod c = "auto".equals(method) ? auto(task, m.operator())
			: ClassicalMethod.parse("method", method);
		return reconstruct(c, m.operator(), m.data(), task, p, progress);
	}

	/** {@code method} on any operator posing {@code task} (which says whether the image is complex). */
	public static Result reconstruct(final ClassicalMethod method, final LinearOperator a,
		final float[] y, final Task task, final Parameters p, final Progress progress)
	{
		final boolean complex = task.isComplex();
		final String name = method.label();
		final int iterations = Checks.positive("iterations", p.iterations.orElse(method
			.defaultIterations()));
		if (p.lambda.isPresent()) Checks.nonNegative("lambda", p.lambda.getAsDouble());
		switch (method) {
			case ADJOINT:
				return direct("adjoint", a.adjoint(y), a.domain(), Map.of());
			case FBP:
				return fbp(a, y, p.filter);
			case CGLS:
				return Cgls.solve(a, y, null, 0, iterations, Cgls.DEFAULT_TOLERANCE, progress);
			case SART:
				// refused as the method, as fbp is, before Sart would refuse the operator
				projector(a, name);
				return Sart.solve(a, y, null, Sart.DEFAULT_ANGLES_PER_SUBSET, Sart.DEFAULT_RELAXATION,
					p.nonnegative, iterations, progress);
			case SIRT:
				Checks.require(!complex, "method", "sirt for MRI", "a real operator (CT, blur...)");
				return Sirt.solve(a, y, null, Sirt.DEFAULT_RELAXATION, p.nonnegative, iterations, 0,
					progress);
			case TIKHONOV:
				return Tikhonov.solve(a, y, p.lambda.orElse(TIKHONOV_LAMBDA), Tikhonov.Regulariser.IDENTITY, iterations,
					Tikhonov.DEFAULT_TOLERANCE, progress);
			case TV: {
				final double lambda = p.lambda.isPresent() ? p.lambda.getAsDouble() : TvWeight.of(task,
					a, y);
				if (a instanceof Identity) return new TvDenoiser(lambda).withIterations(iterations)
					.denoise(y, a.domain(), progress);
				return new TvRegularized(lambda).withIterations(iterations).withNonNegativity(
					p.nonnegative).withComplexImage(complex).withTolerance(TV_TOLERANCE).solve(a, y,
						progress);
			}
			case RICHARDSON_LUCY:
				Checks.require(!complex, "method", "richardson_lucy for MRI",
					"an operator with non-negative entries (blur, CT)");
				return RichardsonLucy.solve(a, y, iterations, progress);
			case BICUBIC:
				return bicubic(a, y);
			case HARMONIC_INPAINTING:
				return HarmonicInpainting.solve(y, masks(a, y, name), a.domain(), iterations,
					HarmonicInpainting.DEFAULT_TOLERANCE, progress);
			case BIHARMONIC_INPAINTING:
				return BiharmonicInpainting.solve(y, masks(a, y, name), a.domain(), iterations,
					BiharmonicInpainting.DEFAULT_TOLERANCE, progress);
			case ZERO_FILLED: {
				// a volume: each slice's own zero filling
				final LinearOperator[] slices = slices(a);
				final int in = y.length / slices.length;
				final float[] x = new float[a.domain().size()];
				final int out = x.length / slices.length;
				for (int z = 0; z < slices.length; z++)
					System.arraycopy(zeroFilled(slices[z], java.util.Arrays.copyOfRange(y, z * in, (z + 1) *
						in), a), 0, x, z * out, out);
				return direct("zero_filled", x, a.domain(), Map.of());
			}
			default:
				throw new AssertionError(method);
		}
	}

	private static float[] zeroFilled(final LinearOperator slice, final float[] y,
		final LinearOperator whole)
	{
		if (slice instanceof MultiCoilMri) return ((MultiCoilMri) slice).zeroFilled(y);
		Checks.require(slice instanceof SingleCoilMri, "method", "zero_filled for operator '" + whole
			.describe() + "'", "zero_filled for mri measurements");
		return ((SingleCoilMri) slice).zeroFilled(y);
	}

	private static Result direct(final String name, final float[] x, final Shape shape,
		final Map<String, String> used)
	{
		return new Result(x, shape, new double[0], "", Result.direct(), name, used);
	}

	/** FBP, slice by slice for a volume. */
	private static Result fbp(final LinearOperator a, final float[] y, final String filterName) {
		final FbpFilter filter = fbpFilter(filterName);
		final ParallelBeamProjector p = projector(a, "fbp");
		final FilteredBackProjection fbp = new FilteredBackProjection(p, filter);
		final int in = p.range().size(), out = p.domain().size();
		final int slices = y.length / in;
		final float[] x = new float[slices * out];
		for (int z = 0; z < slices; z++) {
			final float[] s = new float[in];
			System.arraycopy(y, z * in, s, 0, in);
			System.arraycopy(fbp.apply(s), 0, x, z * out, out);
		}
		return direct("fbp", x, a.domain(), Map.of("filter", filterName));
	}

	/** The (first slice's) projector of a radon measurement; refuses {@code method} otherwise. */
	static ParallelBeamProjector projector(final LinearOperator a, final String method) {
		if (a instanceof ParallelBeamProjector) return (ParallelBeamProjector) a;
		if (a instanceof SliceWiseOperator && ((SliceWiseOperator) a)
			.slice(0) instanceof ParallelBeamProjector) return (ParallelBeamProjector) ((SliceWiseOperator) a)
				.slice(0);
		throw Checks.bad("method", method + " for " + a.describe(), method +
			" only for radon measurements");
	}

	private static Result bicubic(final LinearOperator a, final float[] y) {
		if (a instanceof Downsampling) return BicubicUpsampling.solve((Downsampling) a, y);
		if (a instanceof SliceWiseOperator && ((SliceWiseOperator) a)
			.slice(0) instanceof Downsampling)
		{
			final Downsampling d = (Downsampling) ((SliceWiseOperator) a).slice(0);
			return BicubicUpsampling.solve(y, a.range(), d.factor());
		}
		throw Checks.bad("method", "bicubic for " + a.describe(),
			"bicubic only for downsample measurements");
	}

	/** Whether {@code a} masks pixels: a mask, or a stack of them. */
	static boolean isMasking(final LinearOperator a) {
		for (final LinearOperator s : slices(a)) if (!(s instanceof MaskOperator)) return false;
		return true;
	}

	/** The planes' operators of a stack, or {@code a} alone. */
	static LinearOperator[] slices(final LinearOperator a) {
		if (!(a instanceof SliceWiseOperator)) return new LinearOperator[] { a };
		final SliceWiseOperator s = (SliceWiseOperator) a;
		final LinearOperator[] slices = new LinearOperator[s.slices()];
		for (int z = 0; z < slices.length; z++) slices[z] = s.slice(z);
		return slices;
	}

	/**
	 * The masks of an inpainting measurement, one per slice of a stack (each slice's own), after
	 * checking the data against the operator's range.
	 */
	static float[] masks(final LinearOperator a, final float[] y, final String method) {
		final LinearOperator[] slices = slices(a);
		for (final LinearOperator s : slices)
			if (!(s instanceof MaskOperator)) throw Checks.bad("method", method + " for " + a
				.describe(), method + " only for mask measurements");
		SolverInputs.measurement(a, y);
		final float[] masks = new float[y.length];
		final int plane = y.length / slices.length;
		for (int z = 0; z < slices.length; z++)
			System.arraycopy(((MaskOperator) slices[z]).mask(), 0, masks, z * plane, plane);
		return masks;
	}

	static FbpFilter fbpFilter(final String name) {
		return Checks.choice("filter", name, FbpFilter.class);
	}
}
