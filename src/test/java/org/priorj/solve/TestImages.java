package org.priorj.solve;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

/** Test images from {@code test-images/}, resized with ImageJ's averaging resize. */
final class TestImages {

	private TestImages() {}

	/** camera.png (512x512, 8-bit) resized to size x size, values 0..255. */
	static float[] camera(final int size) {
		final ImagePlus imp = IJ.openImage("test-images/camera.png");
		final ImageProcessor ip = imp.getProcessor().convertToFloat().resize(size, size, true);
		return (float[]) ip.getPixels();
	}
}
