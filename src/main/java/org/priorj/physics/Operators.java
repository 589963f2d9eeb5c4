package org.priorj.physics;

import org.priorj.base.Shape;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.priorj.base.Checks;
import org.priorj.image.ImageFiles;
import org.priorj.image.ImagePlusConverter;
import org.priorj.physics.ct.AngleSchedule;
import org.priorj.physics.ct.DynamicProjector;
import org.priorj.physics.ct.ParallelBeamProjector;
import org.priorj.physics.ct.RotationCentre;
import org.priorj.physics.mri.CoilMaps;
import org.priorj.physics.mri.MultiCoilMri;
import org.priorj.physics.mri.SamplingMask;
import org.priorj.physics.mri.SamplingMasks;
import org.priorj.physics.mri.SingleCoilMri;

/**
 * Builds a {@link LinearOperator} from its {@link OperatorSpec} and the shape of the unknown image.
 * A 2-D operator given a volume or time series (Z, H, W) is applied slice by slice.
 * <p>
 * Kinds and keys (every key has the default shown):
 * <ul>
 * <li>{@code identity} (denoising)</li>
 * <li>{@code mask missing_fraction=0.5 seed=0}, or {@code boxes=x,y,w,h[;x,y,w,h...]}, or
 * {@code file=PATH} (nonzero = observed)</li>
 * <li>{@code blur psf=gaussian:2} ({@code gaussian:SIGMA}, {@code box:SIZE},
 * {@code motion:LENGTH:ANGLE}, {@code file:PATH}) {@code boundary=reflect} ({@code zero})</li>
 * <li>{@code downsample factor=4 method=bicubic} ({@code block}) {@code boundary=reflect}</li>
 * <li>{@code radon angles=0:180:180 detectors=max(H,W) center=geometric}: angles in degrees as
 * {@code START:STOP:COUNT} (STOP excluded) or a comma-separated list; {@code center=pixel} for
 * sinograms made with scikit-image's convention (see {@link RotationCentre})</li>
 * <li>{@code dynamic-ct views=1 schedule=golden range=180 detectors=max(H,W)} (schedules
 * {@code linear}, {@code golden}, {@code bit-reversal}, {@code random} with {@code seed=0}) on a time
 * series (T, H, W)</li>
 * <li>{@code mri mask=uniform1d acceleration=4 center_fraction=0.32/acceleration seed=0 coils=1}
 * on a complex image (2, H, W); masks {@code uniform1d}, {@code gaussian1d} (key {@code std},
 * default W/6), {@code radial} ({@code spokes=30}, {@code golden=false}), {@code random2d}
 * ({@code fraction=1/acceleration}, {@code center_radius=0}) or {@code file:PATH}; {@code coils=C}
 * uses synthetic smooth coil maps, {@code coil_maps=file:PATH} a stack of 2C slices (real and
 * imaginary plane of each coil in turn)</li>
 * </ul>
 */
public final class Operators {

	private Operators() {}

	public static LinearOperator build(final OperatorSpec spec, final Shape image) {
		Checks.require(image.rank() == 2 || image.rank() == 3, "image", "shape " + image,
			"a 2-D image (H, W) or a stack (Z, H, W)");
		final Task task = Task.ofKind(spec.kind());
		switch (task) {
			case MRI:
				Checks.require(image.rank() == 3 && image.dim(0) == 2, "image", "shape " + image,
					"a complex image (2, H, W): real and imaginary plane as two channels");
				return mri(spec, image.dim(1), image.dim(2));
			case DYNAMIC_CT:
				Checks.require(image.rank() == 3, "image", "shape " + image,
					"a time series (T, H, W)");
				return dynamicCt(spec, image.dim(0), image.dim(1), image.dim(2));
			default:
				if (image.rank() == 3) return SliceWiseOperator.repeat(build2d(task, spec, image.dim(1),
					image.dim(2)), image.dim(0));
				return build2d(task, spec, image.dim(0), image.dim(1));
		}
	}

	private static LinearOperator build2d(final Task task, final OperatorSpec spec, final int h,
		final int w)
	{
		switch (task) {
			case DENOISING:
				return new Identity(Shape.of(h, w));
			case INPAINTING:
				return new MaskOperator(h, w, mask(spec, h, w));
			case DEBLURRING:
				return new Blur(h, w, psf(spec.get("psf", "gaussian:2")), boundary(spec));
			case SUPER_RESOLUTION:
				return new Downsampling(h, w, spec.getInt("factor", 4), method(spec), boundary(spec));
			case CT:
				return new ParallelBeamProjector(h, w, angles(spec.get("angles", "0:180:180")), spec
					.getInt("detectors", Math.max(h, w)), centre(spec));
			default:
				throw new AssertionError(task);
		}
	}

	/** {@code START:STOP:COUNT} (STOP excluded, evenly spaced) or a comma-separated list, degrees. */
	public static double[] angles(final String text) {
		final String allowed = "START:STOP:COUNT in degrees (e.g. 0:180:30) or a list such as 0,45,90";
		if (text.contains(":")) {
			final String[] t = text.split(":");
			Checks.require(t.length == 3, "angles", "'" + text + "'", allowed);
			final double start = parseDouble("angles", t[0]), stop = parseDouble("angles", t[1]);
			final int count = parseInt("angles", t[2]);
			Checks.require(count > 0 && stop > start, "angles", "'" + text + "'",
				"STOP > START and COUNT > 0");
			final double[] a = new double[count];
			for (int i = 0; i < count; i++) a[i] = start + i * (stop - start) / count;
			return a;
		}
		final String[] t = text.split(",");
		final double[] a = new double[t.length];
		for (int i = 0; i < t.length; i++) a[i] = parseDouble("angles", t[i]);
		return a;
	}

	private static LinearOperator dynamicCt(final OperatorSpec spec, final int frames,
		final int h, final int w)
	{
		final int views = spec.getInt("views", 1);
		final double range = spec.getDouble("range", 180);
		final String schedule = spec.get("schedule", "golden");
		final double[][] angles;
		switch (schedule) {
			case "linear":
				angles = AngleSchedule.linear(frames, views, range);
				break;
			case "golden":
				angles = AngleSchedule.goldenAngle(frames, views, range);
				break;
			case "bit-reversal":
				angles = AngleSchedule.bitReversal(frames, views, range);
				break;
			case "random":
				angles = AngleSchedule.random(frames, views, range, spec.getInt("seed", 0));
				break;
			default:
				throw Checks.bad("schedule", "'" + schedule + "'", "linear, golden, bit-reversal or random");
		}
		return new DynamicProjector(h, w, angles, spec.getInt("detectors", Math.max(h, w)));
	}

	private static LinearOperator mri(final OperatorSpec spec, final int h, final int w) {
		final SamplingMask mask = samplingMask(spec, h, w);
		if (spec.params().containsKey("coil_maps")) {
			final String path = spec.require("coil_maps");
			Checks.require(path.startsWith("file:"), "coil_maps", "'" + path + "'", "file:PATH");
			final float[][] stack = readStack("coil_maps", path.substring(5));
			final int planes = (int) stack[1][2];
			Checks.require(stack[1][0] == w && stack[1][1] == h && planes % 2 == 0, "coil_maps",
				"a stack of " + planes + " slices of " + (int) stack[1][0] + "x" + (int) stack[1][1],
				"2C slices (real, imaginary per coil) of the image's size " + w + "x" + h);
			return new MultiCoilMri(h, w, mask, CoilMaps.of(Shape.of(planes / 2, 2, h, w),
				stack[0]));
		}
		final int coils = spec.getInt("coils", 1);
		if (coils == 1) return new SingleCoilMri(h, w, mask);
		return new MultiCoilMri(h, w, mask, CoilMaps.synthetic(coils, h, w));
	}

	private static SamplingMask samplingMask(final OperatorSpec spec, final int h, final int w) {
		final String kind = spec.get("mask", "uniform1d");
		final double r = spec.getDouble("acceleration", 4);
		final long seed = spec.getLong("seed", 0);
		switch (kind) {
			case "uniform1d":
				return SamplingMasks.uniformLines(h, w, r, spec.getDouble("center_fraction",
					SamplingMasks.defaultCenterFraction(r)), seed);
			case "gaussian1d":
				return SamplingMasks.gaussianLines(h, w, r, spec.getDouble("center_fraction",
					SamplingMasks.defaultCenterFraction(r)), spec.getDouble("std", w / 6.0), seed);
			case "radial":
				return SamplingMasks.radial(h, w, spec.getInt("spokes", 30), Boolean.parseBoolean(spec
					.get("golden", "false")));
			case "random2d":
				return SamplingMasks.randomPixels(h, w, spec.getDouble("fraction", 1 / r), spec
					.getDouble("center_radius", 0), seed);
			default:
				if (kind.startsWith("file:")) {
					final float[][] m = readPlane("mask", kind.substring(5));
					Checks.require(m[1][0] == w && m[1][1] == h, "mask", "image of " + (int) m[1][0] +
						"x" + (int) m[1][1], "a mask of the image's size " + w + "x" + h);
					return SamplingMask.fromImage(h, w, m[0]);
				}
				throw Checks.bad("mask", "'" + kind + "'",
					"uniform1d, gaussian1d, radial, random2d or file:PATH");
		}
	}

	private static float[] mask(final OperatorSpec spec, final int h, final int w) {
		if (spec.params().containsKey("file")) {
			final float[][] m = readPlane("mask", spec.require("file"));
			Checks.require(m[1][0] == w && m[1][1] == h, "mask", "image of " + (int) m[1][0] + "x" +
				(int) m[1][1], "a mask of the image's size " + w + "x" + h);
			return m[0];
		}
		if (spec.params().containsKey("boxes")) {
			final List<int[]> boxes = new ArrayList<>();
			for (final String b : spec.require("boxes").split(";")) {
				final String[] t = b.split(",");
				Checks.require(t.length == 4, "boxes", "'" + b + "'", "x,y,w,h");
				final int[] r = new int[4];
				for (int i = 0; i < 4; i++) r[i] = parseInt("boxes", t[i]);
				boxes.add(r);
			}
			return InpaintingMasks.boxes(h, w, boxes.toArray(new int[0][]));
		}
		return InpaintingMasks.randomPixels(h, w, spec.getDouble("missing_fraction", 0.5), spec
			.getLong("seed", 0));
	}

	/** Parses {@code gaussian:SIGMA}, {@code box:SIZE}, {@code motion:LENGTH:ANGLE}, {@code file:PATH}. */
	public static Kernel psf(final String text) {
		try {
			return parsePsf(text);
		}
		catch (final IllegalArgumentException e) {
			if (e.getMessage() != null && e.getMessage().startsWith("Parameter 'psf'")) throw e;
			// a Kernel's own check names its argument (sigma, size); the user wrote psf
			throw Checks.bad("psf", "'" + text + "' (" + e.getMessage().replaceFirst(
				"^Parameter '([^']*)': ", "$1: ").replaceFirst("\\.$", "") + ")",
				"gaussian:SIGMA, box:SIZE, motion:LENGTH:ANGLE (positive) or file:PATH");
		}
	}

	private static Kernel parsePsf(final String text) {
		final String[] t = text.split(":", 2);
		final String allowed = "gaussian:SIGMA, box:SIZE, motion:LENGTH:ANGLE or file:PATH";
		switch (t[0]) {
			case "gaussian":
				return Kernel.gaussian(parseDouble("psf", arg(t, allowed)));
			case "box":
				return Kernel.box(parseInt("psf", arg(t, allowed)));
			case "motion": {
				final String[] la = arg(t, allowed).split(":");
				Checks.require(la.length == 2, "psf", "'" + text + "'", allowed);
				return Kernel.motion(parseDouble("psf", la[0]), parseDouble("psf", la[1]));
			}
			case "file": {
				final float[][] p = readPlane("psf", arg(t, allowed));
				return Kernel.of(p[0], (int) p[1][1], (int) p[1][0]);
			}
			default:
				throw Checks.bad("psf", "'" + text + "'", allowed);
		}
	}

	private static String arg(final String[] t, final String allowed) {
		if (t.length < 2 || t[1].isEmpty()) throw Checks.bad("psf", "'" + String.join(":", t) + "'",
			allowed);
		return t[1];
	}

	private static RotationCentre centre(final OperatorSpec spec) {
		return Checks.choice("center", spec.get("center", "geometric"), RotationCentre.class);
	}

	private static Boundary boundary(final OperatorSpec spec) {
		return Checks.choice("boundary", spec.get("boundary", "reflect"), Boundary.class);
	}

	private static Downsampling.Method method(final OperatorSpec spec) {
		final String m = spec.get("method", "bicubic");
		switch (m) {
			case "bicubic":
				return Downsampling.Method.BICUBIC;
			case "block":
				return Downsampling.Method.BLOCK_AVERAGE;
			default:
				throw Checks.bad("method", "'" + m + "'", "bicubic or block");
		}
	}

	/** One 2-D plane from an image file: {pixels, {width, height}}. */
	static float[][] readPlane(final String parameter, final String path) {
		final float[][] s = readStack(parameter, path);
		Checks.require(s[1][2] == 1, parameter, "'" + path + "' has " + (int) s[1][2] + " slices",
			"a single 2-D image");
		return s;
	}

	/** All slices of an image file, concatenated: {pixels, {width, height, slices}}. */
	static float[][] readStack(final String parameter, final String path) {
		final ImagePlus imp = ImageFiles.open(parameter, path);
		Checks.require(imp.getBitDepth() != 24, parameter, "'" + path + "' is a colour image",
			"a gray image");
		return new float[][] { Checks.finite(parameter, ImagePlusConverter.pixels(imp)), { imp
			.getWidth(), imp.getHeight(), imp.getStackSize() } };
	}

	static int parseInt(final String parameter, final String s) {
		try {
			return Integer.parseInt(s.trim());
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(parameter, "'" + s + "'", "an integer");
		}
	}

	static double parseDouble(final String parameter, final String s) {
		try {
			return Double.parseDouble(s.trim());
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(parameter, "'" + s + "'", "a number");
		}
	}
}
