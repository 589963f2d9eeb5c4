package org.priorj.physics.mri;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/**
 * Single-coil Cartesian MRI: {@code A = M F}, where F is the centred orthonormal 2-D FFT
 * ({@link CenteredFft2}) and M multiplies by a binary {@link SamplingMask}.
 * <p>
 * Domain: a complex image {@code (2, H, W)} (plane 0 real, plane 1 imaginary). Range: the k-space
 * {@code (2, H, W)} on the full grid, in the centred layout (DC at {@code (H/2, W/2)}), with zeros
 * where the mask does not sample; values there are ignored by {@link #adjoint} (which applies M
 * first). The adjoint is {@code A^H = F^H M = F^-1 M}.
 * <p>
 * Because F is unitary and M an orthogonal projection, A is a partial isometry ({@code A A^H = M}),
 * so its Moore-Penrose pseudo-inverse is exactly its adjoint: {@link #zeroFilled} is both the
 * zero-filled reconstruction and {@code A^+ y}, and {@code A A^H A = A}. The operator norm is 1.
 * <p>
 * Memory: the mask (shared, {@code H*W} floats, not copied) and the FFT plan; each call allocates
 * one scratch array of {@code 2*H*W} floats, so concurrent calls are safe.
 */
public final class SingleCoilMri implements LinearOperator {

	private final CenteredFft2 fft;
	private final SamplingMask mask;
	private final Shape shape;

	/**
	 * @param height image height H
	 * @param width image width W
	 * @param mask k-space samples; must be {@code H x W}
	 */
	public SingleCoilMri(final int height, final int width, final SamplingMask mask) {
		this.fft = new CenteredFft2(height, width);
		this.mask = checkMask(mask, height, width);
		this.shape = fft.domain();
	}

	/** Refuses a missing mask or one whose grid differs from the image's. */
	static SamplingMask checkMask(final SamplingMask mask, final int height, final int width) {
		if (mask == null) throw Checks.bad("mask", "got null", "a sampling mask of " + height +
			"x" + width);
		Checks.require(mask.height() == height && mask.width() == width, "mask", "a " + mask
			.height() + "x" + mask.width() + " mask for a " + height + "x" + width + " image",
			"a mask of the image's size, " + height + "x" + width);
		return mask;
	}

	public SamplingMask mask() {
		return mask;
	}

	@Override
	public Shape domain() {
		return shape;
	}

	@Override
	public Shape range() {
		return shape;
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		Checks.length("image", x, shape.size());
		Checks.length("kspace", y, shape.size());
		fft.forward(x, 0, y, 0, mask.data());
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		Checks.length("kspace", y, shape.size());
		Checks.length("image", x, shape.size());
		fft.inverse(y, 0, mask.data(), x, 0);
	}

	/**
	 * The zero-filled reconstruction {@code F^H M y}, which is exactly the pseudo-inverse
	 * {@code A^+ y} (see the class comment). Samples outside the mask are treated as unmeasured.
	 */
	public float[] zeroFilled(final float[] kspace) {
		return adjoint(kspace);
	}

	@Override
	public double norm() {
		return 1;
	}

	@Override
	public String describe() {
		return "SingleCoilMri " + shape + " (mask x centred orthonormal FFT), mask: " + mask
			.describe();
	}

	/** A complex image {@code (2, ...)} whose real plane is {@code re} and imaginary plane zero. */
	public static float[] complexFromReal(final float[] re) {
		if (re == null) throw Checks.bad("re", "got null", "an array of real values");
		final float[] z = new float[2 * re.length];
		System.arraycopy(re, 0, z, 0, re.length);
		return z;
	}

	/** The modulus {@code sqrt(re^2 + im^2)} of a complex image {@code (2, ...)}, one plane. */
	/** The magnitude of each of {@code images} complex images stored one after the other (real, imaginary plane each). */
	public static float[] magnitudes(final float[] complexImages, final int images) {
		Checks.require(images > 0 && complexImages.length % (2 * images) == 0, "complex_image",
			complexImages.length + " values", "two planes for each of " + images + " images");
		final int plane = complexImages.length / (2 * images);
		final float[] out = new float[images * plane];
		for (int f = 0; f < images; f++) System.arraycopy(magnitude(java.util.Arrays.copyOfRange(
			complexImages, 2 * f * plane, 2 * (f + 1) * plane)), 0, out, f * plane, plane);
		return out;
	}

	public static float[] magnitude(final float[] complexImage) {
		if (complexImage == null) throw Checks.bad("complex_image", "got null",
			"two planes (real, imaginary) of equal length");
		Checks.require(complexImage.length % 2 == 0, "complex_image", "an odd length " +
			complexImage.length, "two planes (real, imaginary) of equal length");
		final int n = complexImage.length / 2;
		final float[] m = new float[n];
		for (int i = 0; i < n; i++) {
			final double re = complexImage[i];
			final double im = complexImage[n + i];
			m[i] = (float) Math.sqrt(re * re + im * im);
		}
		return m;
	}
}
