package org.priorj.cli;

import java.io.File;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.priorj.base.Checks;

/** The shipped test images as the demo and the benchmarks use them. */
public final class TestImages {

	private TestImages() {}

	public static ImagePlus open(final File folder, final String name) {
		final File f = new File(folder, name);
		Checks.require(f.isFile(), "images", "'" + f + "' is missing", "the shipped test images");
		final ImagePlus imp = IJ.openImage(f.getPath());
		Checks.require(imp != null, "images", "'" + f + "' could not be read", "images ImageJ opens");
		return imp;
	}

	/** A test image as grey values in [0, 1] (its min and max), resized to size x size with averaging. */
	public static float[] gray(final File folder, final String name, final int size) {
		return scaled(open(folder, name), size);
	}

	/** The image's current plane as grey values in [0, 1], resized to size x size with averaging. */
	public static float[] scaled(final ImagePlus imp, final int size) {
		ImageProcessor ip = imp.getProcessor().convertToFloatProcessor();
		ip.setInterpolationMethod(ImageProcessor.BILINEAR);
		if (ip.getWidth() != size || ip.getHeight() != size) ip = ip.resize(size, size, true);
		final float[] px = ((float[]) ip.getPixels()).clone();
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (final float v : px) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		for (int i = 0; i < px.length; i++) px[i] = (float) ((px[i] - lo) / (hi - lo));
		return px;
	}
}
