package org.priorj.physics;

import org.priorj.base.Shape;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import org.priorj.base.Checks;
import org.priorj.image.ImageFiles;
import org.priorj.image.ImagePlusConverter;
import org.priorj.physics.ct.SinogramSupport;

/**
 * Reads and writes a {@link Measurement} as a 32-bit TIFF that ImageJ opens: the data's last two
 * axes are the image plane (a sinogram shows angles as rows and detector bins as columns), any
 * leading axes are slices. The image's Info text carries {@code priorj.*} lines (operator, image
 * shape, data shape, noise, seed), which ImageJ keeps in the file and shows with Image > Show Info.
 */
public final class MeasurementFile {

	public static final String FORMAT = "priorj-measurement 1";

	private MeasurementFile() {}

	/** The measurement as a new ImagePlus titled {@code title}, metadata in its Info. */
	public static ImagePlus toImagePlus(final Measurement m, final String title) {
		final Shape s = m.dataShape();
		final int h = s.rank() >= 2 ? s.dim(-2) : 1, w = s.dim(-1);
		final int planes = s.size() / (h * w);
		final ImageStack stack = new ImageStack(w, h);
		for (int p = 0; p < planes; p++) {
			final float[] px = new float[w * h];
			System.arraycopy(m.data(), p * w * h, px, 0, w * h);
			stack.addSlice(new FloatProcessor(w, h, px));
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setProperty("Info", info(m));
		imp.resetDisplayRange();
		return imp;
	}

	public static String info(final Measurement m) {
		return "priorj.format=" + FORMAT + "\n" + "priorj.operator=" + m.operatorSpec() + "\n" +
			"priorj.image_shape=" + m.imageShape() + "\n" + "priorj.data_shape=" + m.dataShape() +
			"\n" + "priorj.noise=" + m.noise() + "\n" + "priorj.seed=" + m.seed() + "\n";
	}

	/** Writes a TIFF; refuses to replace an existing file unless {@code overwrite}. */
	public static void write(final Measurement m, final File file, final boolean overwrite) {
		Checks.require(overwrite || !file.exists(), "output", "file '" + file + "' exists",
			"a new file name, or overwrite=true");
		final ImagePlus imp = toImagePlus(m, file.getName());
		final FileSaver saver = new FileSaver(imp);
		final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.getPath()) : saver
			.saveAsTiff(file.getPath());
		if (!ok) throw new IllegalStateException("Could not write '" + file + "'.");
	}

	public static Measurement read(final File file) {
		return fromImagePlus(ImageFiles.open("measurement", file.getPath()));
	}

	/** Rebuilds a measurement from an ImagePlus whose Info has PriorJ's lines; the image is not modified. */
	public static Measurement fromImagePlus(final ImagePlus imp) {
		final Object infoObj = imp.getProperty("Info");
		final Map<String, String> info = parseInfo(infoObj == null ? "" : infoObj.toString());
		Checks.require(FORMAT.equals(info.get("priorj.format")), "measurement", "image '" + imp
			.getTitle() + "' has no PriorJ measurement metadata",
			"a measurement made by PriorJ's simulator, or a plain image with its 'operator' (" +
				"e.g. 'radon angles=0:180:60' or 'blur psf=gaussian:2')");
		final OperatorSpec spec = OperatorSpec.parse(info.get("priorj.operator"));
		final Shape imageShape = parseShape("priorj.image_shape", info.get("priorj.image_shape"));
		final Shape dataShape = parseShape("priorj.data_shape", info.get("priorj.data_shape"));
		final int w = imp.getWidth(), h = imp.getHeight(), n = imp.getStackSize();
		Checks.require((long) w * h * n == dataShape.size(), "measurement", "image of " + w + "x" +
			h + "x" + n + " pixels but metadata says " + dataShape, "pixels matching priorj.data_shape");
		final float[] data = ImagePlusConverter.pixels(imp);
		Checks.finite("measurement", data);
		long seed = 0;
		try {
			seed = Long.parseLong(info.getOrDefault("priorj.seed", "0"));
		}
		catch (final NumberFormatException e) {
			throw Checks.bad("priorj.seed", "'" + info.get("priorj.seed") + "'", "an integer");
		}
		return new Measurement(spec, imageShape, dataShape, data, info.getOrDefault("priorj.noise",
			"unknown"), seed);
	}

	/**
	 * A plain image read as the data of {@code operatorText}, for an unknown image of
	 * {@code imageSize} ({@code WxH}, or {@code auto}: the data's size, times the factor for
	 * downsampling, the size {@link SinogramSupport} finds for a sinogram, (2, H, W) for k-space).
	 * The image is not modified.
	 */
	public static Measurement withOperator(final ImagePlus imp, final String operatorText,
		final String imageSize)
	{
		final OperatorSpec parsed = OperatorSpec.parse(operatorText);
		final Task task = Task.ofKind(parsed.kind());
		final int w = imp.getWidth(), h = imp.getHeight(), n = imp.getStackSize();
		final Shape dataShape = n == 1 ? Shape.of(h, w) : Shape.of(n, h, w);
		final float[] data = ImagePlusConverter.pixels(imp);
		Checks.finite("measurement", data);
		final OperatorSpec spec = task == Task.CT && parsed.get("detectors", null) == null ? parsed
			.with("detectors", Integer.toString(w)) : parsed;
		final Shape imageShape = imageShape(spec, task, imageSize, dataShape, data);
		final LinearOperator a = Operators.build(spec, imageShape);
		Checks.require(a.range().equals(dataShape), "image_size", "operator '" + spec + "' on a " +
			imageShape + " image gives data of shape " + a.range() + ", but the image is " +
			dataShape, "the size of the image the data were measured from (WxH)");
		return new Measurement(spec, imageShape, dataShape, data, "unknown", 0);
	}

	private static Shape imageShape(final OperatorSpec spec, final Task task, final String text,
		final Shape data, final float[] values)
	{
		final int planes = data.rank() == 3 ? data.dim(0) : 1, h = data.dim(-2), w = data.dim(-1);
		final String t = text == null ? "" : text.trim();
		if (!t.isEmpty() && !t.equalsIgnoreCase("auto")) {
			final String[] wh = t.split("x");
			Checks.require(wh.length == 2, "image_size", "'" + text + "'", "auto or WxH, e.g. 256x256");
			final int iw = Operators.parseInt("image_size", wh[0]), ih = Operators.parseInt(
				"image_size", wh[1]);
			Checks.require(iw > 0 && ih > 0, "image_size", "'" + text + "'", "positive sizes");
			if (task == Task.MRI) return Shape.of(2, ih, iw);
			return planes == 1 ? Shape.of(ih, iw) : Shape.of(planes, ih, iw);
		}
		switch (task) {
			case MRI:
				return Shape.of(2, h, w);
			case DYNAMIC_CT:
				throw Checks.bad("image_size", "auto for dynamic CT", "the frames' size WxH");
			case SUPER_RESOLUTION: {
				final int f = spec.getInt("factor", 4);
				return planes == 1 ? Shape.of(h * f, w * f) : Shape.of(planes, h * f, w * f);
			}
			case CT: {
				final double[] angles = Operators.angles(spec.get("angles", "0:180:180"));
				Checks.require(angles.length == h, "operator", angles.length + " angles for a sinogram of "
					+ h + " rows", "one angle per row (angles=START:STOP:" + h + ")");
				final int side = SinogramSupport.objectSize(java.util.Arrays.copyOf(values, h * w),
					angles, w);
				return planes == 1 ? Shape.of(side, side) : Shape.of(planes, side, side);
			}
			default:
				return data;
		}
	}

	static Map<String, String> parseInfo(final String text) {
		final Map<String, String> m = new LinkedHashMap<>();
		for (final String line : text.split("\\R")) {
			final int eq = line.indexOf('=');
			if (line.startsWith("priorj.") && eq > 0) m.put(line.substring(0, eq).trim(), line
				.substring(eq + 1).trim());
		}
		return m;
	}

	static Shape parseShape(final String key, final String text) {
		if (text == null) throw Checks.bad(key, "missing", "a shape such as 256x256");
		final String[] t = text.split("x");
		final int[] d = new int[t.length];
		for (int i = 0; i < t.length; i++) d[i] = Operators.parseInt(key, t[i]);
		return Shape.of(d);
	}
}
