package org.priorj.image;

import org.priorj.base.Checks;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;

/**
 * Converts between ImageJ 1.x {@link ImagePlus} images and ImgLib2 float images.
 * <p>
 * <b>Accepted:</b> 8-bit, 16-bit and 32-bit grayscale images, stacks and hyperstacks. RGB and
 * indexed-colour (8-bit colour) images are refused rather than silently reduced to luminance,
 * because a restoration of the luminance alone is rarely what a colour user expects; they can
 * convert explicitly (Image &gt; Type &gt; 32-bit, or Image &gt; Color &gt; Split Channels).
 * <p>
 * <b>Axes:</b> the float image has axes X, Y, then C, Z, T in ImageJ's order, each only when its
 * size is above one; {@link #axes(ImagePlus)} names them (e.g. {@code "XY"}, {@code "XYZ"},
 * {@code "XYCT"}). A complex image is a two-channel hyperstack: {@code "XYC"} with C = 2 (real,
 * imaginary). The flat order (X fastest) equals ImageJ's stack order, and, read slowest-first,
 * PriorJ's array layout ({@code (Z, H, W)}, {@code (2, H, W)}, ...).
 * <p>
 * <b>Values:</b> 8-bit and 16-bit pixels become their calibrated values when the image has a
 * density calibration (for example signed 16-bit), else their raw values; 32-bit values are taken
 * as they are.
 * <p>
 * <b>Wrap or copy:</b> {@link #view} wraps the pixel arrays of a 32-bit image (no copy: writing to
 * the view writes to the user's image, so treat it as read-only) and copies other types.
 * {@link #copy} always returns a new, independent image; solvers, which work in place, use it so
 * that the user's input is never modified. {@link #toImagePlus} always copies.
 */
public final class ImagePlusConverter {

	static final String ALLOWED =
		"an 8-bit, 16-bit or 32-bit grayscale image, stack or hyperstack (axes X, Y and any of C, Z, T)";

	private ImagePlusConverter() {}

	/** The axes of the float image made from {@code imp}: X, Y, then those of C, Z, T above 1. */
	public static String axes(final ImagePlus imp) {
		check(imp);
		final StringBuilder sb = new StringBuilder("XY");
		if (imp.getNChannels() > 1) sb.append('C');
		if (imp.getNSlices() > 1) sb.append('Z');
		if (imp.getNFrames() > 1) sb.append('T');
		return sb.toString();
	}

	/**
	 * A float view of {@code imp}: shares the pixel arrays of a 32-bit image held in memory, and is
	 * a copy for other types and for virtual stacks. Do not write to it.
	 */
	public static RandomAccessibleInterval<FloatType> view(final ImagePlus imp) {
		check(imp);
		final ImageStack stack = imp.getImageStack();
		if (imp.getBitDepth() != 32 || stack.isVirtual()) return copy(imp);
		final List<FloatArray> planes = new ArrayList<>(stack.getSize());
		for (int i = 1; i <= stack.getSize(); i++) planes.add(new FloatArray((float[]) stack
			.getPixels(i)));
		final PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, dimensions(imp),
			new Fraction());
		img.setLinkedType(new FloatType(img));
		return img;
	}

	/** A new float image holding the (calibrated) values of {@code imp}; never shares memory. */
	public static ArrayImg<FloatType, FloatArray> copy(final ImagePlus imp) {
		check(imp);
		final ImageStack stack = imp.getImageStack();
		final int planeSize = imp.getWidth() * imp.getHeight();
		final long total = (long) planeSize * stack.getSize();
		Checks.require(total <= Integer.MAX_VALUE - 8, "image", total + " pixels",
			"at most 2^31 - 9 pixels");
		final float[] out = new float[(int) total];
		final Calibration cal = imp.getCalibration();
		final float[] table = imp.getBitDepth() != 32 && cal.calibrated() ? cal.getCTable() : null;
		for (int p = 0; p < stack.getSize(); p++) {
			copyPlane(stack.getPixels(p + 1), table, out, p * planeSize);
		}
		return ArrayImgs.floats(out, dimensions(imp));
	}

	/** The (calibrated) values of all planes of {@code imp}, in stack order, as a new array. */
	public static float[] pixels(final ImagePlus imp) {
		return FloatArrays.sharedArray(copy(imp));
	}

	/**
	 * A new 32-bit image (single image, stack or hyperstack) holding a copy of {@code image}.
	 *
	 * @param axes what each dimension of {@code image} is: {@code "XY"} followed by any of C, Z, T
	 *          in that order, one letter per dimension (for example {@link #axes(ImagePlus)} of
	 *          the input)
	 * @param title the window title
	 * @param calibration spatial calibration to carry over (copied, density calibration removed);
	 *          null for none
	 * @param info text for the image's "Info" property (Image &gt; Show Info); null for none
	 */
	public static ImagePlus toImagePlus(final RandomAccessibleInterval<FloatType> image,
		final String axes, final String title, final Calibration calibration, final String info)
	{
		final int[] czt = checkAxes(image, axes);
		final int w = (int) image.dimension(0);
		final int h = (int) image.dimension(1);
		final int planes = czt[0] * czt[1] * czt[2];
		final ImageStack stack = new ImageStack(w, h);
		final Cursor<FloatType> c = Views.flatIterable(image).cursor();
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int p = 0; p < planes; p++) {
			final float[] pixels = new float[w * h];
			for (int i = 0; i < pixels.length; i++) {
				final float v = c.next().get();
				pixels[i] = v;
				if (v < min) min = v;
				if (v > max) max = v;
			}
			stack.addSlice(new FloatProcessor(w, h, pixels));
		}
		final ImagePlus imp = new ImagePlus(title == null ? "PriorJ" : title, stack);
		imp.setDimensions(czt[0], czt[1], czt[2]);
		if (czt[0] > 1 || czt[2] > 1) imp.setOpenAsHyperStack(true);
		if (calibration != null) {
			final Calibration cal = calibration.copy();
			cal.disableDensityCalibration();
			imp.setCalibration(cal);
		}
		if (info != null) imp.setProperty("Info", info);
		// The first plane alone would set the display range of a stack; use all of it.
		if (min <= max && Double.isFinite(min) && Double.isFinite(max)) imp.setDisplayRange(min,
			max);
		return imp;
	}

	private static void check(final ImagePlus imp) {
		if (imp == null) throw Checks.bad("image", "no image (null)", ALLOWED);
		switch (imp.getType()) {
			case ImagePlus.GRAY8:
			case ImagePlus.GRAY16:
			case ImagePlus.GRAY32:
				return;
			case ImagePlus.COLOR_RGB:
				throw Checks.bad("image", "an RGB image '" + imp.getTitle() + "'", ALLOWED +
					" (convert with Image > Type > 32-bit, or Image > Color > Split Channels)");
			default:
				throw Checks.bad("image", "an 8-bit colour (indexed) image '" + imp.getTitle() + "'",
					ALLOWED + " (convert with Image > Type > RGB Color, then to 32-bit)");
		}
	}

	private static long[] dimensions(final ImagePlus imp) {
		final List<Long> dims = new ArrayList<>(List.of((long) imp.getWidth(), (long) imp
			.getHeight()));
		if (imp.getNChannels() > 1) dims.add((long) imp.getNChannels());
		if (imp.getNSlices() > 1) dims.add((long) imp.getNSlices());
		if (imp.getNFrames() > 1) dims.add((long) imp.getNFrames());
		return dims.stream().mapToLong(Long::longValue).toArray();
	}

	private static void copyPlane(final Object pixels, final float[] table, final float[] out,
		final int offset)
	{
		if (pixels instanceof float[]) {
			final float[] p = (float[]) pixels;
			System.arraycopy(p, 0, out, offset, p.length);
		}
		else if (pixels instanceof byte[]) {
			final byte[] p = (byte[]) pixels;
			for (int i = 0; i < p.length; i++) {
				final int raw = p[i] & 0xff;
				out[offset + i] = table == null ? raw : table[raw];
			}
		}
		else {
			final short[] p = (short[]) pixels;
			for (int i = 0; i < p.length; i++) {
				final int raw = p[i] & 0xffff;
				out[offset + i] = table == null ? raw : table[raw];
			}
		}
	}

	/** Validates {@code axes} against {@code image}; returns the sizes of C, Z, T (1 if absent). */
	private static int[] checkAxes(final RandomAccessibleInterval<FloatType> image,
		final String axes)
	{
		if (image == null) throw Checks.bad("image", "no image (null)", "a float image");
		final String allowed = "\"XY\" followed by any of C, Z, T in that order, one letter per " +
			"dimension of the image (" + image.numDimensions() + ")";
		Checks.require(axes != null && axes.startsWith("XY") && axes.length() == image
			.numDimensions() && inCztOrder(axes.substring(2)), "axes", "\"" + axes + "\"",
			allowed);
		final long planeSize = image.dimension(0) * image.dimension(1);
		Checks.require(planeSize <= Integer.MAX_VALUE - 8, "image", "planes of " + image.dimension(
			0) + "x" + image.dimension(1), "at most 2^31 - 9 pixels per plane");
		final int[] czt = { 1, 1, 1 };
		for (int d = 2; d < axes.length(); d++) {
			czt["CZT".indexOf(axes.charAt(d))] = (int) image.dimension(d);
		}
		return czt;
	}

	private static boolean inCztOrder(final String extra) {
		int last = -1;
		for (int i = 0; i < extra.length(); i++) {
			final int k = "CZT".indexOf(extra.charAt(i));
			if (k <= last) return false;
			last = k;
		}
		return true;
	}
}
