package org.priorj.metrics;

import ij.IJ;
import ij.ImagePlus;

/**
 * The camera test image and the formula-based distortions of {@code scripts/ssim_reference.py},
 * evaluated in double and rounded to float as the script does.
 */
final class CameraDistortions {

	final int height, width;
	final float[] reference;

	CameraDistortions() {
		final ImagePlus imp = IJ.openImage("test-images/camera.png");
		height = imp.getHeight();
		width = imp.getWidth();
		reference = (float[]) imp.getProcessor().convertToFloat().getPixels();
	}

	private double a(final int y, final int x) {
		return reference[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math
			.max(0, x))];
	}

	/** Contrast change, offset and a smooth oscillating pattern. */
	float[] pattern() {
		final float[] out = new float[reference.length];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) out[y * width + x] = (float) (0.8 * a(y, x) + 25 + 20 * Math
				.sin(0.21 * x + 0.13 * y) * Math.cos(0.17 * y));
		}
		return out;
	}

	/** 3x3 box blur, edges clamped. */
	float[] blur() {
		final float[] out = new float[reference.length];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				double s = 0;
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) s += a(y + dy, x + dx);
				}
				out[y * width + x] = (float) (s / 9);
			}
		}
		return out;
	}

	/** Posterisation to 16 levels. */
	float[] poster() {
		final float[] out = new float[reference.length];
		for (int i = 0; i < out.length; i++) out[i] = (float) (16 * Math.floor(reference[i] / 16.0) +
			8);
		return out;
	}
}
