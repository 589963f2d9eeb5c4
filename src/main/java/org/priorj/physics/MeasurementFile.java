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
			"a measurement made by PriorJ's simulator, or give the operator explicitly");
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
