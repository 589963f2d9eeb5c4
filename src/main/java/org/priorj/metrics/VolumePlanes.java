package org.priorj.metrics;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * A volume (Z, H, W) seen in the three orientations of a tomography viewer: axial planes (H, W)
 * at each z, coronal planes (Z, W) at each y, sagittal planes (Z, H) at each x; and PSNR as such
 * papers report it, the mean over the planes of one orientation.
 */
public final class VolumePlanes {

	/** The orientations, by the axis they cut across. */
	public static final int AXIAL = 0, CORONAL = 1, SAGITTAL = 2;

	private VolumePlanes() {}

	/** Plane {@code index} across {@code axis} (0 axial, 1 coronal, 2 sagittal), row-major. */
	public static float[] plane(final float[] volume, final Shape zhw, final int axis,
		final int index)
	{
		check(zhw, volume, axis);
		final int z = zhw.dim(0), h = zhw.dim(1), w = zhw.dim(2);
		Checks.require(index >= 0 && index < zhw.dim(axis), "index", "got " + index, "0 to " + (zhw
			.dim(axis) - 1));
		if (axis == AXIAL) return java.util.Arrays.copyOfRange(volume, index * h * w, (index + 1) * h *
			w);
		final int cols = axis == CORONAL ? w : h;
		final float[] p = new float[z * cols];
		for (int k = 0; k < z; k++)
			for (int c = 0; c < cols; c++)
				p[k * cols + c] = volume[k * h * w + (axis == CORONAL ? index * w + c : c * w + index)];
		return p;
	}

	/** The mean PSNR of the planes across {@code axis}. */
	public static double meanPsnr(final float[] truth, final float[] estimate, final Shape zhw,
		final int axis, final double dataRange)
	{
		check(zhw, truth, axis);
		Inputs.sameSize("truth", truth, "estimate", estimate);
		double sum = 0;
		final int n = zhw.dim(axis);
		for (int i = 0; i < n; i++)
			sum += Psnr.compute(plane(truth, zhw, axis, i), plane(estimate, zhw, axis, i), dataRange);
		return sum / n;
	}

	private static void check(final Shape zhw, final float[] volume, final int axis) {
		Checks.require(zhw != null && zhw.rank() == 3, "shape", String.valueOf(zhw),
			"a volume (Z, H, W)");
		zhw.check("volume", volume, "Z x H x W");
		Checks.require(axis >= 0 && axis <= 2, "axis", "got " + axis,
			"0 (axial), 1 (coronal) or 2 (sagittal)");
	}
}
