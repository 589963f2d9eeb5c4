package org.priorj.image.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.priorj.base.Checks;

/**
 * Random ellipse images in the style of DIVal's "ellipses" CT dataset
 * ({@code dival.datasets.EllipsesDataset}), and a 3-D variant with random ellipsoids.
 * <p>
 * Each image draws 70 ellipses and keeps the first K = min(Poisson(40), 70): value ~ U(-0.4, 1.0),
 * semi-axes a1, a2 ~ 0.2 Exp(1), centre x, y ~ U(-0.9, 0.9), rotation ~ U(0, 2 pi); they are
 * rendered by {@link EllipsePhantom} (pixel centres from -1 to +1, values add). Then, as in DIVal,
 * the image minimum (taken over all pixels, background 0 included) is subtracted from the non-zero
 * pixels only and the image is divided by its maximum, so values lie in [0, 1] and the background
 * stays 0. The 3-D variant draws three semi-axes, a centre in U(-0.9, 0.9)^3 and a uniformly
 * random orientation (a unit quaternion from four Gaussians) per ellipsoid.
 * <p>
 * The draws use {@link java.util.Random}: a seed gives the same images on every JVM, but not the
 * images numpy's {@code RandomState} gives DIVal for the same seed (DIVal's fixed seeds are train 42,
 * validation 2, test 1). An instance is a stream of images and is not thread-safe.
 */
public final class RandomEllipses {

	/** Ellipses drawn per image. */
	public static final int MAX_ELLIPSES = 70;
	/** Mean of the Poisson law of the number of ellipses kept. */
	public static final double MEAN_ELLIPSES = 40;

	private final Random random;

	public RandomEllipses(final long seed) {
		random = new Random(seed);
	}

	/** The next n x n image (layout and axes as in {@link EllipsePhantom}). */
	public float[] nextImage(final int n) {
		Checks.positive("size", n);
		return normalise(EllipsePhantom.render(n, nextEllipses()));
	}

	/** The next n x n x n volume, layout (Z, H, W). */
	public float[] nextVolume(final int n) {
		Checks.positive("size", n);
		return normalise(EllipsePhantom.render3d(n, nextEllipsoids()));
	}

	/** The ellipses of the next image, before rendering (values of dropped ellipses are 0). */
	public List<Ellipse> nextEllipses() {
		final double[] v = uniforms(-0.4, 1.0), a1 = exponentials(), a2 = exponentials();
		final double[] x = uniforms(-0.9, 0.9), y = uniforms(-0.9, 0.9);
		final double[] rot = uniforms(0, 2 * Math.PI);
		final int k = Math.min(poisson(MEAN_ELLIPSES), MAX_ELLIPSES);
		final List<Ellipse> list = new ArrayList<>(MAX_ELLIPSES);
		for (int i = 0; i < MAX_ELLIPSES; i++) list.add(new Ellipse(i < k ? v[i] : 0, a1[i], a2[i],
			x[i], y[i], rot[i]));
		return list;
	}

	/** The ellipsoids of the next volume (values of dropped ellipsoids are 0). */
	public List<Ellipsoid> nextEllipsoids() {
		final double[] v = uniforms(-0.4, 1.0);
		final double[] a1 = exponentials(), a2 = exponentials(), a3 = exponentials();
		final double[] x = uniforms(-0.9, 0.9), y = uniforms(-0.9, 0.9), z = uniforms(-0.9, 0.9);
		final double[][] rotation = new double[MAX_ELLIPSES][];
		for (int i = 0; i < MAX_ELLIPSES; i++) rotation[i] = randomRotation();
		final int k = Math.min(poisson(MEAN_ELLIPSES), MAX_ELLIPSES);
		final List<Ellipsoid> list = new ArrayList<>(MAX_ELLIPSES);
		for (int i = 0; i < MAX_ELLIPSES; i++) list.add(new Ellipsoid(i < k ? v[i] : 0,
			new double[] { a1[i], a2[i], a3[i] }, new double[] { x[i], y[i], z[i] }, rotation[i]));
		return list;
	}

	/** One image from a fresh generator with this seed. */
	public static float[] image(final int n, final long seed) {
		return new RandomEllipses(seed).nextImage(n);
	}

	/** One volume from a fresh generator with this seed. */
	public static float[] volume(final int n, final long seed) {
		return new RandomEllipses(seed).nextVolume(n);
	}

	private static float[] normalise(final float[] img) {
		float min = Float.POSITIVE_INFINITY;
		for (final float f : img) min = Math.min(min, f);
		float max = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < img.length; i++) {
			if (img[i] != 0) img[i] -= min;
			max = Math.max(max, img[i]);
		}
		if (max > 0) for (int i = 0; i < img.length; i++) img[i] /= max;
		return img;
	}

	private double[] uniforms(final double lo, final double hi) {
		final double[] d = new double[MAX_ELLIPSES];
		for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * random.nextDouble();
		return d;
	}

	/** 0.2 Exp(1), DIVal's semi-axis law. */
	private double[] exponentials() {
		final double[] d = new double[MAX_ELLIPSES];
		for (int i = 0; i < d.length; i++) d[i] = 0.2 * -Math.log(1 - random.nextDouble());
		return d;
	}

	/** Poisson by inversion of the distribution function (fine for a mean of 40). */
	private int poisson(final double mean) {
		final double u = random.nextDouble();
		double p = Math.exp(-mean), cdf = p;
		int k = 0;
		while (u > cdf && k < 10 * (int) mean + 100) {
			k++;
			p *= mean / k;
			cdf += p;
		}
		return k;
	}

	/** Rotation matrix (row-major) of a uniformly random unit quaternion. */
	private double[] randomRotation() {
		double w, x, y, z, norm;
		do {
			w = random.nextGaussian();
			x = random.nextGaussian();
			y = random.nextGaussian();
			z = random.nextGaussian();
			norm = Math.sqrt(w * w + x * x + y * y + z * z);
		}
		while (norm < 1e-12);
		w /= norm;
		x /= norm;
		y /= norm;
		z /= norm;
		return new double[] {
			1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
			2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
			2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y) };
	}
}
