package org.priorj.image.phantom;

import org.priorj.base.Checks;

/**
 * A time series of a real static image under a known smooth motion, for dynamic tomography
 * benchmarks (a "walnut-like" object: real texture, a deformation one can write down). With
 * s = t / T and frame coordinates in [-1, 1] (centre of the frame at 0):
 * <ul>
 * <li>breathing: the image is scaled about the centre by 1 + A_b b(s) along x and 1 + A_b b(s) / 2
 * along y, b(s) = (1 - cos(2 pi s)) / 2 (one cycle over the series, as {@link DynamicPhantom});</li>
 * <li>a swirl: a Gaussian neighbourhood (width w = 0.35) of the point (0.2, -0.15) turns about it by
 * the angle A_s sin(4 pi s) exp(-r^2 / (2 w^2)) at distance r (two cycles over the series).</li>
 * </ul>
 * Frame t samples the static image bilinearly at the inverse-mapped positions (outside it: 0).
 * Defaults A_b = 0.05, A_s = 0.35 rad. The series has layout (T, H, W).
 */
public final class DeformedImage {

	static final double SWIRL_X = 0.2, SWIRL_Y = -0.15, SWIRL_WIDTH = 0.35;

	private final float[] image;
	private final int height, width, frames;
	private final double breathing, swirl;

	public DeformedImage(final float[] image, final int height, final int width, final int frames) {
		this(image, height, width, frames, 0.05, 0.35);
	}

	public DeformedImage(final float[] image, final int height, final int width, final int frames,
		final double breathing, final double swirl)
	{
		Checks.require(image != null && image.length == height * width && height > 1 && width > 1,
			"image", image == null ? "none" : image.length + " pixels", "a " + height + "x" + width + " image");
		this.image = image.clone();
		this.height = height;
		this.width = width;
		this.frames = Checks.positive("frames", frames);
		this.breathing = Checks.inRange("breathing_amplitude", breathing, 0, 0.2);
		this.swirl = Checks.inRange("swirl_angle", swirl, 0, Math.PI);
	}

	/** Frame t (0 <= t < T), row-major. */
	public float[] frame(final int t) {
		Checks.require(t >= 0 && t < frames, "frame", "got " + t, "0 .. " + (frames - 1));
		final double s = (double) t / frames;
		final double b = 0.5 * (1 - Math.cos(2 * Math.PI * s));
		final double sx = 1 + breathing * b, sy = 1 + 0.5 * breathing * b;
		final double turn = swirl * Math.sin(4 * Math.PI * s);
		final float[] out = new float[height * width];
		for (int r = 0; r < height; r++) {
			for (int c = 0; c < width; c++) {
				// where this pixel came from: undo the breathing, then the swirl
				double x = (2.0 * c / (width - 1) - 1) / sx, y = (2.0 * r / (height - 1) - 1) / sy;
				final double dx = x - SWIRL_X, dy = y - SWIRL_Y;
				final double a = -turn * Math.exp(-(dx * dx + dy * dy) / (2 * SWIRL_WIDTH * SWIRL_WIDTH));
				final double cos = Math.cos(a), sin = Math.sin(a);
				x = SWIRL_X + cos * dx - sin * dy;
				y = SWIRL_Y + sin * dx + cos * dy;
				out[r * width + c] = sample((x + 1) * (width - 1) / 2, (y + 1) * (height - 1) / 2);
			}
		}
		return out;
	}

	/** All frames, layout (T, H, W). */
	public float[] series() {
		final float[] out = new float[frames * height * width];
		for (int t = 0; t < frames; t++) System.arraycopy(frame(t), 0, out, t * height * width, height *
			width);
		return out;
	}

	private float sample(final double x, final double y) {
		final int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		final double fx = x - x0, fy = y - y0;
		return (float) ((1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(
			x0, y0 + 1) + fx * at(x0 + 1, y0 + 1)));
	}

	private double at(final int x, final int y) {
		return x < 0 || y < 0 || x >= width || y >= height ? 0 : image[y * width + x];
	}
}
