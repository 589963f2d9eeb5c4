package org.priorj.physics;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;

import org.priorj.image.Checks;

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
 * </ul>
 */
public final class Operators {

	private Operators() {}

	public static LinearOperator build(final OperatorSpec spec, final Shape image) {
		Checks.require(image.rank() == 2 || image.rank() == 3, "image", "shape " + image,
			"a 2-D image (H, W) or a stack (Z, H, W)");
		if (image.rank() == 3) {
			throw Checks.bad("image", "a stack of shape " + image, "a 2-D image (H, W)");
		}
		return build2d(spec, image.dim(0), image.dim(1));
	}

	private static LinearOperator build2d(final OperatorSpec spec, final int h, final int w) {
		switch (spec.kind()) {
			case "identity":
				return new Identity(Shape.of(h, w));
			case "mask":
				return new MaskOperator(h, w, mask(spec, h, w));
			case "blur":
				return new Blur(h, w, psf(spec.get("psf", "gaussian:2")), boundary(spec));
			case "downsample":
				return new Downsampling(h, w, spec.getInt("factor", 4), method(spec), boundary(spec));
			default:
				throw Checks.bad("operator", "kind '" + spec.kind() + "'",
					"identity, mask, blur, downsample");
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

	private static Boundary boundary(final OperatorSpec spec) {
		final String b = spec.get("boundary", "reflect");
		switch (b) {
			case "reflect":
				return Boundary.REFLECT;
			case "zero":
				return Boundary.ZERO;
			default:
				throw Checks.bad("boundary", "'" + b + "'", "reflect or zero");
		}
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
		Checks.require(new File(path).isFile(), parameter, "file '" + path + "' does not exist",
			"a readable image file");
		final ImagePlus imp = IJ.openImage(path);
		Checks.require(imp != null, parameter, "file '" + path + "' could not be read as an image",
			"a TIFF, PNG or other image ImageJ opens");
		Checks.require(imp.getStackSize() == 1, parameter, "'" + path + "' has " + imp
			.getStackSize() + " slices", "a single 2-D image");
		final float[] px = (float[]) imp.getProcessor().convertToFloatProcessor().getPixels();
		return new float[][] { Checks.finite(parameter, px.clone()), { imp.getWidth(), imp
			.getHeight() } };
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
