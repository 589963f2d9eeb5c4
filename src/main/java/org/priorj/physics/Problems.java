package org.priorj.physics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.priorj.base.Checks;
import org.priorj.image.Pixels;
import org.priorj.base.Shape;
import org.priorj.physics.ct.SinogramSupport;
import org.priorj.physics.mri.CoilMaps;
import org.priorj.physics.mri.MultiCoilMri;
import org.priorj.physics.mri.SamplingMask;
import org.priorj.physics.mri.SingleCoilMri;

/**
 * The one place a {@link Problem} is made and checked: from a PriorJ measurement, from a plain
 * image with its {@link SideInputs}, or from a simulated acquisition of an image. Every refusal
 * names the parameter at fault and what it allows. Inputs are read, never modified.
 */
public final class Problems {

	/** The downsampling factors super-resolution accepts (as the downsampling operator does). */
	public static final int MIN_FACTOR = 2, MAX_FACTOR = 4;

	/** Angles of a simulated scan when none are given. */
	public static final String DEFAULT_SCAN_ANGLES = "0:180:30";

	private Problems() {}

	/**
	 * A measurement's own operator and data. Its task must be one of {@code solvable};
	 * {@code asked}, when present, must be that task (refused as {@code task}).
	 *
	 * @param title the measurement's name, for the result's record
	 */
	public static Problem fromMeasurement(final Measurement m, final String title,
		final Collection<Task> solvable, final Optional<Task> asked)
	{
		final OperatorSpec spec = m.operatorSpec();
		final Task own = Task.ofKind(spec.kind());
		Checks.require(solvable.contains(own), "input", "a measurement of operator '" + spec + "' (" +
			own + ")", "a measurement of " + Task.labels(solvable));
		asked.ifPresent(t -> Checks.require(t == own, "task", "'" + t + "' but the measurement '" +
			title + "' was made by '" + spec + "'", "auto or " + own));
		if (own == Task.SUPER_RESOLUTION) checkDivisible(m.imageShape(), spec.getInt("factor", 4));
		final Problem p = new Problem(own, m.operator(), m.data(), spec.toString(), "measurement " +
			title, m.noise(), null);
		if (own == Task.INPAINTING) checkInpaintingMask(p, "input");
		return p;
	}

	/**
	 * A problem whose operator was built in code (a script, a test): {@code task} says how solvers
	 * treat it (complex or not, where the default value range comes from).
	 */
	public static Problem of(final Task task, final LinearOperator a, final float[] data,
		final String source)
	{
		return new Problem(task, a, data, a.describe(), source, Problem.UNKNOWN_NOISE, null);
	}

	/** A measurement's own operator and data, whatever its task. */
	public static Problem fromMeasurement(final Measurement m, final String title) {
		return fromMeasurement(m, title, java.util.EnumSet.allOf(Task.class), Optional.empty());
	}

	/** A plain image of {@code task}'s data with the side inputs the task needs. */
	public static Problem fromImage(final Task task, final Pixels input, final SideInputs side) {
		switch (task) {
			case INPAINTING:
			case SUPER_RESOLUTION:
			case DEBLURRING:
			case DENOISING:
				return restoration(task, input, as(SideInputs.Restoration.class, side, task));
			case CT:
				return sinogram(input, as(SideInputs.Sinogram.class, side, task));
			case MRI:
				return kspace(input, as(SideInputs.Kspace.class, side, task));
			default:
				throw Checks.bad("task", "'" + task + "' from a plain image", Task.labels(List.of(
					Task.INPAINTING, Task.SUPER_RESOLUTION, Task.DEBLURRING, Task.DENOISING, Task.CT,
					Task.MRI)) + " (dynamic CT: a measurement made by Simulate)");
		}
	}

	/**
	 * A simulated CT scan or MRI acquisition of {@code image}, with Gaussian noise of
	 * {@code relativeNoise} times the largest clean value.
	 */
	public static Problem simulate(final Task task, final Pixels image, final SideInputs side,
		final double relativeNoise, final long seed)
	{
		Checks.nonNegative("noise_level", relativeNoise);
		final LinearOperator a;
		final float[] x;
		final String text;
		switch (task) {
			case CT: {
				final SideInputs.Sinogram s = as(SideInputs.Sinogram.class, side, task);
				Checks.require(image.planes() == 1, image.parameter(), "a stack of " + image.planes() +
					" images", "one image to simulate a scan of");
				final OperatorSpec spec = scan(s);
				a = Operators.build(spec, image.shape());
				x = image.values();
				text = spec.toString();
				break;
			}
			case MRI: {
				final SideInputs.Kspace k = as(SideInputs.Kspace.class, side, task);
				Checks.require(image.planes() == 1 || image.planes() == 2, image.parameter(),
					"an image of " + image.planes() + " slices",
					"a real image (1 slice) or a complex one (2 slices: real, imaginary)");
				x = image.planes() == 2 ? image.values() : SingleCoilMri.complexFromReal(image.values());
				a = mriOperator(k, image.height(), image.width(), k.coils(), true); // maps, if given, decide
				text = a.describe();
				break;
			}
			default:
				throw Checks.bad("task", "'" + task + "' to simulate here", "ct or mri (other " +
					"operators: Simulate measurement)");
		}
		return simulated(task, a, x, text, "image " + image.title(), relativeNoise, seed);
	}

	/** The angles of a simulated scan: the given ones, else {@link #DEFAULT_SCAN_ANGLES}. */
	private static OperatorSpec scan(final SideInputs.Sinogram s) {
		return OperatorSpec.of("radon", "angles", blank(s.angles()) ? DEFAULT_SCAN_ANGLES : s.angles()
			.trim());
	}

	/** A x with Gaussian noise of {@code relativeNoise} times its largest value, as a problem. */
	private static Problem simulated(final Task task, final LinearOperator a, final float[] x,
		final String text, final String source, final double relativeNoise, final long seed)
	{
		final float[] clean = a.apply(x);
		final NoiseModel noise = relativeNoise > 0 ? GaussianNoise.relativeToMax(clean, relativeNoise)
			: NoiseModel.NONE;
		return new Problem(task, a, noise.corrupt(clean, seed), text + " (simulated, noise " +
			relativeNoise + " x max)", source, noise.describe(), null);
	}

	/**
	 * A volume's problem from a plain stack: CT from a stack of sinograms (one per slice, the same
	 * angles and detectors for every slice), MRI from a k-space stack of 2C planes per slice (real,
	 * imaginary per coil; C = 1 without coil maps), the same sampling for every slice.
	 */
	public static Problem volumeFromImage(final Task task, final Pixels input, final SideInputs side) {
		switch (task) {
			case CT: {
				final SideInputs.Sinogram s = as(SideInputs.Sinogram.class, side, task);
				final int z = input.planes(), rows = input.height(), bins = input.width();
				checkSlices(input, z, "sinograms", "Reconstruct CT (DDS)");
				final Problem one = sinogram(new Pixels(input.parameter(), input.title(), Shape.of(rows,
					bins), fullestPlane(input)), s);
				return new Problem(Task.CT, SliceWiseOperator.repeat(one.operator(), z), input.values(), one
					.operatorText() + " per slice", "sinogram stack " + input.title() + " (" + z +
						" slices)", Problem.UNKNOWN_NOISE, null);
			}
			case MRI: {
				final SideInputs.Kspace k = as(SideInputs.Kspace.class, side, task);
				final int coils = k.coilMaps() == null ? 1 : k.coilMaps().planes() / 2;
				final int planes = input.planes();
				Checks.require(coils >= 1 && planes % (2 * coils) == 0, input.parameter(), "k-space with " +
					planes + " slices for " + coils + " coil" + (coils == 1 ? "" : "s"), "2C slices (real, " +
						"imaginary per coil) per volume slice: a multiple of " + 2 * coils);
				final int z = planes / (2 * coils);
				checkSlices(input, z, "k-space slices", "Reconstruct MRI (DDS)");
				final LinearOperator a = SliceWiseOperator.repeat(mriOperator(k, input.height(), input
					.width(), coils, false), z);
				return new Problem(Task.MRI, a, input.values(), a.describe(), "k-space stack " + input
					.title() + " (" + z + " slices)", Problem.UNKNOWN_NOISE, null);
			}
			default:
				throw Checks.bad("task", "'" + task + "' for a volume", "ct or mri");
		}
	}

	/**
	 * A simulated CT scan or MRI acquisition of each slice of a volume (Z, H, W) with the same
	 * angles or sampling, Gaussian noise of {@code relativeNoise} times the largest clean value;
	 * MRI's slices are real images made complex.
	 */
	public static Problem simulateVolume(final Task task, final Pixels volume, final SideInputs side,
		final double relativeNoise, final long seed)
	{
		Checks.nonNegative("noise_level", relativeNoise);
		final int z = volume.planes(), h = volume.height(), w = volume.width();
		checkSlices(volume, z, "slices", task == Task.MRI ? "Reconstruct MRI (DDS)"
			: "Reconstruct CT (DDS)");
		final LinearOperator a;
		final float[] x;
		final String text;
		switch (task) {
			case CT: {
				final SideInputs.Sinogram s = as(SideInputs.Sinogram.class, side, task);
				final OperatorSpec spec = scan(s);
				a = SliceWiseOperator.repeat(Operators.build(spec, Shape.of(h, w)), z);
				x = volume.values();
				text = spec + " per slice";
				break;
			}
			case MRI: {
				final SideInputs.Kspace k = as(SideInputs.Kspace.class, side, task);
				a = SliceWiseOperator.repeat(mriOperator(k, h, w, k.coils(), true), z);
				x = new float[2 * volume.values().length];
				for (int s = 0; s < z; s++)
					System.arraycopy(volume.values(), s * h * w, x, 2 * s * h * w, h * w);
				text = a.describe();
				break;
			}
			default:
				throw Checks.bad("task", "'" + task + "' for a volume", "ct or mri");
		}
		return simulated(task, a, x, text, "volume " + volume.title() + " (" + z + " slices)",
			relativeNoise, seed);
	}

	private static void checkSlices(final Pixels input, final int z, final String what,
		final String command)
	{
		Checks.require(z >= 2, input.parameter(), "a single image (" + z + " " + what.replaceAll(
			"s$", "") + ")", "a stack of at least 2 " + what + " (for one image use " + command + ")");
	}

	/** The plane of a stack with the largest total magnitude (the object's support shows best). */
	private static float[] fullestPlane(final Pixels input) {
		final int per = input.height() * input.width();
		int best = 0;
		double most = -1;
		for (int z = 0; z < input.planes(); z++) {
			double sum = 0;
			for (int i = z * per; i < (z + 1) * per; i++) sum += Math.abs(input.values()[i]);
			if (sum > most) {
				most = sum;
				best = z;
			}
		}
		return Arrays.copyOfRange(input.values(), best * per, (best + 1) * per);
	}

	private static <S extends SideInputs> S as(final Class<S> type, final SideInputs side,
		final Task task)
	{
		if (type.isInstance(side)) return type.cast(side);
		throw Checks.bad("task", "'" + task + "' with " + (side == null ? "no side inputs" : side
			.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " inputs"), "the inputs of " +
				type.getSimpleName().toLowerCase(Locale.ROOT));
	}

	private static boolean blank(final String s) {
		return s == null || s.isBlank();
	}

	private static Problem restoration(final Task task, final Pixels input,
		final SideInputs.Restoration side)
	{
		final Shape shape = input.shape();
		final int z = input.planes(), h = input.height(), w = input.width();
		final LinearOperator a;
		final String text, maskParameter;
		switch (task) {
			case INPAINTING: {
				final boolean hasBoxes = !blank(side.boxes());
				Checks.require(side.mask() != null || hasBoxes, "mask", "no mask image and no boxes",
					"a mask image (nonzero = known pixel) or boxes x,y,w,h;x,y,w,h of missing pixels");
				Checks.require(side.mask() == null || !hasBoxes, "boxes", "given together with a mask " +
					"image", "either a mask image or boxes");
				if (side.mask() != null) {
					a = maskOperator(side.mask(), z, h, w);
					text = "mask image=" + side.mask().title();
					maskParameter = side.mask().parameter();
				}
				else {
					final OperatorSpec spec = OperatorSpec.of("mask", "boxes", side.boxes().trim()
						.replaceAll("\\s+", ""));
					a = Operators.build(spec, shape);
					text = spec.toString();
					maskParameter = "boxes";
				}
				break;
			}
			case SUPER_RESOLUTION: {
				final int factor = side.factor();
				Checks.require(factor >= MIN_FACTOR && factor <= MAX_FACTOR, "factor", "got " + factor,
					MIN_FACTOR + ", 3 or " + MAX_FACTOR);
				final OperatorSpec spec = OperatorSpec.of("downsample", "factor", Integer.toString(
					factor));
				a = Operators.build(spec, z > 1 ? Shape.of(z, h * factor, w * factor) : Shape.of(h *
					factor, w * factor));
				text = spec.toString();
				maskParameter = null;
				break;
			}
			case DEBLURRING: {
				final Kernel k;
				final String name;
				final Pixels psf = side.psfImage();
				if (psf != null) {
					Checks.require(psf.planes() == 1, psf.parameter(), "a stack of " + psf.planes() +
						" slices", "a single 2-D PSF image");
					k = Kernel.of(psf.parameter(), psf.values(), psf.height(), psf.width());
					name = psf.parameter();
					text = "blur psf=image:" + psf.title();
				}
				else {
					final String t = side.psf() == null ? "" : side.psf().trim();
					k = Operators.psf(t);
					name = "psf";
					text = "blur psf=" + t;
				}
				checkPsfSize(name, k.width(), k.height(), w, h);
				a = slices(new Blur(h, w, k, Boundary.REFLECT), z);
				maskParameter = null;
				break;
			}
			default:
				a = Operators.build(OperatorSpec.of("identity"), shape);
				text = "identity";
				maskParameter = null;
		}
		final Problem p = new Problem(task, a, task == Task.INPAINTING ? a.apply(input.values())
			: input.values(), text, "image " + input.title(), Problem.UNKNOWN_NOISE, null);
		if (maskParameter != null) checkInpaintingMask(p, maskParameter);
		return p;
	}

	private static Problem sinogram(final Pixels input, final SideInputs.Sinogram side) {
		Checks.require(input.planes() == 1, input.parameter(), "a stack of " + input.planes() +
			" sinograms", "one sinogram (rows = angles, columns = detector bins); a stack of " +
				"sinograms is a volume: Reconstruct volume (DDS-3D / DiffusionMBIR)");
		final int rows = input.height(), bins = input.width();
		Checks.require(side.detectors() == 0 || side.detectors() == bins, "detectors", side
			.detectors() + " for a sinogram " + bins + " bins wide", "the sinogram's width " + bins +
				" (or 0)");
		final String text = blank(side.angles()) ? "0:180:" + rows : side.angles().trim();
		final double[] list = Operators.angles(text);
		Checks.require(list.length == rows, "angles", list.length + " angles ('" + text + "')",
			"one angle per sinogram row: " + rows);
		Checks.require(side.size() >= 0, "size", "got " + side.size(), "0 (from the sinogram) or " +
			"more");
		final int n = side.size() > 0 ? side.size() : SinogramSupport.objectSize(input.values(), list,
			bins);
		final OperatorSpec spec = OperatorSpec.of("radon", "angles", text, "detectors", Integer
			.toString(bins));
		return new Problem(Task.CT, Operators.build(spec, Shape.of(n, n)), input.values(), spec
			.toString(), "sinogram " + input.title(), Problem.UNKNOWN_NOISE, null);
	}

	private static Problem kspace(final Pixels input, final SideInputs.Kspace side) {
		final int planes = input.planes(), h = input.height(), w = input.width();
		Checks.require(planes % 2 == 0, input.parameter(), "k-space with " + planes + " slice" +
			(planes == 1 ? " (complex data passed as one channel)" : "s"),
			"complex k-space: 2 slices (real, imaginary), or 2C slices for C coils");
		final LinearOperator a = mriOperator(side, h, w, planes / 2, false);
		return new Problem(Task.MRI, a, input.values(), a.describe(), "k-space " + input.title(),
			Problem.UNKNOWN_NOISE, null);
	}

	/**
	 * The MRI operator for an (H, W) image: the mask image or generator, and the coil maps or else
	 * {@code coilCount} coils (synthetic ones to simulate; for k-space, the count its planes give,
	 * which the maps must match).
	 */
	private static LinearOperator mriOperator(final SideInputs.Kspace side, final int h,
		final int w, final int coilCount, final boolean simulate)
	{
		final SamplingMask m = samplingMask(side, h, w); // refuses a mask with no sampled point
		final Pixels maps = side.coilMaps();
		if (maps != null) {
			final int cp = maps.planes();
			Checks.require(maps.width() == w && maps.height() == h && cp % 2 == 0, maps.parameter(),
				cp + " slices of " + maps.width() + "x" + maps.height(),
				"2C slices (real, imaginary per coil) of the image's size " + w + "x" + h);
			Checks.require(simulate || cp / 2 == coilCount, maps.parameter(), cp / 2 + " coils",
				"as many coils as the k-space has: " + coilCount);
			return new MultiCoilMri(h, w, m, CoilMaps.of(Shape.of(cp / 2, 2, h, w), maps.values()));
		}
		if (coilCount == 1) return new SingleCoilMri(h, w, m);
		Checks.require(simulate, "coil_maps", "none for k-space of " + coilCount + " coils",
			"the coils' sensitivity maps (a stack of " + 2 * coilCount + " slices)");
		return new MultiCoilMri(h, w, m, CoilMaps.synthetic(coilCount, h, w));
	}

	private static SamplingMask samplingMask(final SideInputs.Kspace side, final int h,
		final int w)
	{
		final Pixels image = side.maskImage();
		if (image != null) {
			Checks.require(image.width() == w && image.height() == h && image.planes() == 1, image
				.parameter(), "one plane of " + image.width() + "x" + image.height() + " (" + image
					.planes() + " slices)", "one plane of the k-space size " + w + "x" + h);
			return SamplingMask.fromImage(h, w, image.values());
		}
		final String mask = side.mask() == null ? "" : side.mask().trim();
		final OperatorSpec spec = OperatorSpec.parse("mri seed=" + side.seed() + " mask=" + mask);
		Checks.require(!spec.params().containsKey("coils") && !spec.params().containsKey(
			"coil_maps"), "mask", "'" + mask + "'", "a mask generator only (coils and coil_maps are " +
				"parameters of their own)");
		return ((SingleCoilMri) Operators.build(spec, Shape.of(2, h, w))).mask();
	}

	private static void checkInpaintingMask(final Problem p, final String parameter) {
		int known = 0;
		final float[] m = p.operator().apply(Problem.ones(p.operator().domain().size()));
		for (final float v : m)
			if (v != 0) known++;
		Checks.require(known > 0, parameter, "no known pixel (the mask is zero everywhere)",
			"a mask with known pixels (nonzero) and missing ones (zero)");
		Checks.require(known < m.length, parameter, "every pixel known, nothing to inpaint",
			"a mask with missing pixels (zero); for a noisy image use task=denoising");
	}

	private static void checkPsfSize(final String parameter, final int pw, final int ph,
		final int w, final int h)
	{
		Checks.require(ph <= h && pw <= w, parameter, "a PSF of " + pw + "x" + ph +
			" pixels for an image of " + w + "x" + h, "a PSF no larger than the image");
	}

	private static LinearOperator maskOperator(final Pixels mask, final int z, final int h,
		final int w)
	{
		final float[] m = mask.values();
		final int planes = mask.planes();
		Checks.require(mask.width() == w && mask.height() == h && (planes == 1 || planes == z), mask
			.parameter(), "an image of " + mask.width() + "x" + mask.height() + "x" + planes,
			"a mask of the input's size " + w + "x" + h + (z > 1 ? " (one plane, or " + z +
				" planes)" : ""));
		if (planes == 1) return slices(new MaskOperator(h, w, m), z);
		final List<LinearOperator> ops = new ArrayList<>();
		for (int s = 0; s < z; s++) ops.add(new MaskOperator(h, w, Arrays.copyOfRange(m, s * h * w,
			(s + 1) * h * w)));
		return SliceWiseOperator.of(ops);
	}

	private static LinearOperator slices(final LinearOperator op, final int z) {
		return z > 1 ? SliceWiseOperator.repeat(op, z) : op;
	}

	/** Super-resolution needs image sides that are multiples of the factor. */
	static void checkDivisible(final Shape image, final int factor) {
		final int h = image.dim(-2), w = image.dim(-1);
		if (h % factor == 0 && w % factor == 0) return;
		throw Checks.bad("factor", String.format(Locale.ROOT,
			"%d does not divide the image size %dx%d", factor, w, h), String.format(Locale.ROOT,
				"images whose width and height are multiples of %d, e.g. %dx%d (crop) or %dx%d (pad)",
				factor, w / factor * factor, h / factor * factor, (w + factor - 1) / factor * factor, (h +
					factor - 1) / factor * factor));
	}
}
