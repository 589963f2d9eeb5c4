package org.priorj.physics.mri;

import java.util.Locale;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * Complex coil sensitivity maps of a multi-coil MRI acquisition, shape {@code (C, 2, H, W)}: for each
 * coil c, a real plane and an imaginary plane of {@code H x W} (row-major), on the same pixel grid as
 * the image. Values are finite; maps need not be normalised (see {@link #isNormalized}).
 * Immutable.
 * <p>
 * Memory: {@code C*2*H*W} floats for the maps, plus {@code H*W} floats for the sum of squares.
 */
public final class CoilMaps {

	private final int coils;
	private final int height;
	private final int width;
	private final float[] maps;
	private final float[] sumOfSquares;
	private final String description;

	private CoilMaps(final int coils, final int height, final int width, final float[] maps,
		final String description)
	{
		this.coils = coils;
		this.height = height;
		this.width = width;
		this.maps = maps;
		this.description = description;
		final int plane = height * width;
		this.sumOfSquares = new float[plane];
		for (int c = 0; c < coils; c++) {
			final int re = 2 * c * plane;
			final int im = re + plane;
			for (int p = 0; p < plane; p++) {
				sumOfSquares[p] += maps[re + p] * maps[re + p] + maps[im + p] * maps[im + p];
			}
		}
	}

	/**
	 * Maps given as an array of shape {@code (C, 2, H, W)} (copied). Refuses shapes of another rank
	 * or without the complex dimension of 2, a length that does not match, and NaN or infinite values.
	 */
	public static CoilMaps of(final Shape shape, final float[] coilMaps) {
		final String allowed = "complex maps of shape (C, 2, H, W): C coils, real and imaginary plane";
		if (shape == null) throw Checks.bad("coil_maps", "no shape", allowed);
		Checks.require(shape.rank() == 4 && shape.dim(1) == 2, "coil_maps", "shape " + shape,
			allowed);
		Checks.length("coil_maps", coilMaps, shape.size());
		Checks.finite("coil_maps", coilMaps);
		return new CoilMaps(shape.dim(0), shape.dim(2), shape.dim(3), coilMaps.clone(),
			"coil maps " + shape);
	}

	/**
	 * Smooth synthetic maps for simulation: coil c sits on a circle of radius {@code 0.6 D} around
	 * the image centre {@code (H/2, W/2)} at angle {@code 2 pi c / C} ({@code D = max(H, W)},
	 * angle from the x axis towards +y), with a Gaussian magnitude falloff of standard deviation
	 * {@code 0.5 D} from the coil, and a phase {@code 2 pi c / C} plus a linear ramp of half a turn
	 * per D along the coil's direction. The maps are then normalised so that
	 * {@code sum_c |S_c|^2 = 1} at every pixel (one coil: a pure phase map).
	 */
	public static CoilMaps synthetic(final int coils, final int height, final int width) {
		Checks.positive("coils", coils);
		Checks.positive("height", height);
		Checks.positive("width", width);
		final int plane = height * width;
		final double d = Math.max(height, width);
		final double cy = height / 2;
		final double cx = width / 2;
		final double[] mag = new double[coils * plane];
		final double[] phase = new double[coils * plane];
		final double[] total = new double[plane];
		for (int c = 0; c < coils; c++) {
			final double angle = 2 * Math.PI * c / coils;
			final double ux = Math.cos(angle);
			final double uy = Math.sin(angle);
			final double py = cy + 0.6 * d * uy;
			final double px = cx + 0.6 * d * ux;
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					final int p = y * width + x;
					final double dy = y - py;
					final double dx = x - px;
					final double g = Math.exp(-(dx * dx + dy * dy) / (2 * 0.25 * d * d));
					mag[c * plane + p] = g;
					phase[c * plane + p] = angle + Math.PI * ((x - cx) * ux + (y - cy) * uy) / d;
					total[p] += g * g;
				}
			}
		}
		final float[] maps = new float[2 * coils * plane];
		for (int c = 0; c < coils; c++) {
			for (int p = 0; p < plane; p++) {
				final double m = mag[c * plane + p] / Math.sqrt(total[p]);
				maps[2 * c * plane + p] = (float) (m * Math.cos(phase[c * plane + p]));
				maps[(2 * c + 1) * plane + p] = (float) (m * Math.sin(phase[c * plane + p]));
			}
		}
		return new CoilMaps(coils, height, width, maps, String.format(Locale.ROOT,
			"synthetic coil maps %dx2x%dx%d (Gaussian falloff, linear phase, normalised)", coils,
			height, width));
	}

	public int coils() {
		return coils;
	}

	public int height() {
		return height;
	}

	public int width() {
		return width;
	}

	/** {@code (C, 2, H, W)}. */
	public Shape shape() {
		return Shape.of(coils, 2, height, width);
	}

	/** A copy of the maps, {@code (C, 2, H, W)}. */
	public float[] values() {
		return maps.clone();
	}

	/** The maps themselves, not a copy, for operators in this package (never modified). */
	float[] data() {
		return maps;
	}

	/** A copy of {@code sum_c |S_c|^2} per pixel, {@code (H, W)}. */
	public float[] sumOfSquares() {
		return sumOfSquares.clone();
	}

	/** The sum of squares itself, not a copy (never modified). */
	float[] sumOfSquaresData() {
		return sumOfSquares;
	}

	/** Whether {@code sum_c |S_c|^2 = 1} at every pixel, within {@code tol}. */
	public boolean isNormalized(final double tol) {
		for (final float s : sumOfSquares) if (Math.abs(s - 1) > tol) return false;
		return true;
	}

	public String describe() {
		return description;
	}
}
