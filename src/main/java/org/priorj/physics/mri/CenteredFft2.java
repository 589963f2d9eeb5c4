package org.priorj.physics.mri;

import org.jtransforms.fft.FloatFFT_2D;
import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/**
 * The centred, orthonormal 2-D discrete Fourier transform of a complex image, as fastMRI's
 * {@code fft2c}: {@code k = fftshift(fft2(ifftshift(x))) / sqrt(H*W)}, with the inverse
 * {@code x = fftshift(ifft2(ifftshift(k))) * sqrt(H*W) / (H*W)}.
 * <p>
 * Conventions: image and k-space are complex arrays of shape {@code (2, H, W)} (plane 0 real, plane
 * 1 imaginary, row-major, index {@code y*W + x} in each plane). The forward transform uses
 * {@code exp(-2 pi i ...)}. The zero frequency (DC) sits at index {@code (H/2, W/2)} (integer
 * division) and the image origin at pixel {@code (H/2, W/2)}, for even and odd sizes alike; for odd
 * sizes {@code fftshift} and {@code ifftshift} differ and are applied as numpy defines them. The
 * transform is unitary, so its adjoint is its inverse, and {@link #adjoint} is {@link #inverse}.
 * The transform is periodic: there is no padding and no boundary handling beyond the DFT's own wrap.
 * Both sizes must be at least 2.
 * <p>
 * Memory: the JTransforms plan (twiddle tables of O(H + W) floats, more for sizes that are not
 * powers of two, which JTransforms handles with Bluestein's algorithm), and per call a scratch
 * array of {@code 2*H*W} floats (interleaved complex), so concurrent calls are safe.
 */
public final class CenteredFft2 implements LinearOperator {

	private final int height;
	private final int width;
	private final Shape shape;
	/** One plan per thread: JTransforms' 2-D plans rewrite their own fields while transforming. */
	private final ThreadLocal<FloatFFT_2D> fft;
	/** Buffer index i maps to array index (i + n/2) mod n on each axis: the shifts of fft2c. */
	private final int[] rowMap;
	private final int[] colMap;
	private final float scale;

	public CenteredFft2(final int height, final int width) {
		// JTransforms' 2-D transforms need two samples per axis
		Checks.require(height >= 2, "height", "got " + height, "an integer >= 2");
		Checks.require(width >= 2, "width", "got " + width, "an integer >= 2");
		this.height = height;
		this.width = width;
		this.shape = Shape.of(2, height, width);
		this.fft = ThreadLocal.withInitial(() -> new FloatFFT_2D(height, width));
		this.rowMap = shiftMap(height);
		this.colMap = shiftMap(width);
		this.scale = (float) (1 / Math.sqrt((double) height * width));
	}

	private static int[] shiftMap(final int n) {
		final int[] map = new int[n];
		for (int i = 0; i < n; i++) map[i] = (i + n / 2) % n;
		return map;
	}

	public int height() {
		return height;
	}

	public int width() {
		return width;
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
		forward(x, y);
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		inverse(y, x);
	}

	/** k-space {@code kspace} (2, H, W) of the complex image {@code image} (2, H, W). */
	public void forward(final float[] image, final float[] kspace) {
		Checks.length("image", image, shape.size());
		Checks.length("kspace", kspace, shape.size());
		forward(image, 0, kspace, 0, null);
	}

	/** The complex image {@code image} (2, H, W) whose k-space is {@code kspace} (2, H, W). */
	public void inverse(final float[] kspace, final float[] image) {
		Checks.length("kspace", kspace, shape.size());
		Checks.length("image", image, shape.size());
		inverse(kspace, 0, null, image, 0);
	}

	/**
	 * Forward transform of the complex image at {@code src[srcOff ...]} into {@code dst[dstOff ...]},
	 * each output sample multiplied by {@code mask[y*W + x]} when the mask is not null. Source and
	 * destination may be the same region.
	 */
	void forward(final float[] src, final int srcOff, final float[] dst, final int dstOff,
		final float[] mask)
	{
		forward(src, srcOff, dst, dstOff, mask, newBuffer());
	}

	/** As {@link #forward(float[], int, float[], int, float[])}, in the scratch {@code buf}. */
	void forward(final float[] src, final int srcOff, final float[] dst, final int dstOff,
		final float[] mask, final float[] buf)
	{
		pack(src, srcOff, null, buf);
		fft.get().complexForward(buf);
		unpack(buf, dst, dstOff, mask);
	}

	/**
	 * Inverse transform of the k-space at {@code src[srcOff ...]}, each sample first multiplied by
	 * {@code mask[y*W + x]} when the mask is not null, into {@code dst[dstOff ...]}. Source and
	 * destination may be the same region.
	 */
	void inverse(final float[] src, final int srcOff, final float[] mask, final float[] dst,
		final int dstOff)
	{
		inverse(src, srcOff, mask, dst, dstOff, newBuffer());
	}

	/** As {@link #inverse(float[], int, float[], float[], int)}, in the scratch {@code buf}. */
	void inverse(final float[] src, final int srcOff, final float[] mask, final float[] dst,
		final int dstOff, final float[] buf)
	{
		pack(src, srcOff, mask, buf);
		fft.get().complexInverse(buf, false);
		unpack(buf, dst, dstOff, null);
	}

	/** Two planes to interleaved complex, applying ifftshift (and the optional mask). */
	/** A scratch array for one transform: {@code 2*H*W} floats (interleaved complex). */
	float[] newBuffer() {
		return new float[2 * height * width];
	}

	private void pack(final float[] src, final int off, final float[] mask, final float[] buf) {
		final int plane = height * width;
		for (int r = 0; r < height; r++) {
			final int srcRow = rowMap[r] * width;
			final int bufRow = 2 * r * width;
			for (int c = 0; c < width; c++) {
				final int p = srcRow + colMap[c];
				final float m = mask == null ? 1f : mask[p];
				buf[bufRow + 2 * c] = src[off + p] * m;
				buf[bufRow + 2 * c + 1] = src[off + plane + p] * m;
			}
		}
	}

	/** Interleaved complex to two planes, applying fftshift, the 1/sqrt(HW) scale and the mask. */
	private void unpack(final float[] buf, final float[] dst, final int off, final float[] mask) {
		final int plane = height * width;
		for (int r = 0; r < height; r++) {
			final int dstRow = rowMap[r] * width;
			final int bufRow = 2 * r * width;
			for (int c = 0; c < width; c++) {
				final int p = dstRow + colMap[c];
				final float s = mask == null ? scale : scale * mask[p];
				dst[off + p] = buf[bufRow + 2 * c] * s;
				dst[off + plane + p] = buf[bufRow + 2 * c + 1] * s;
			}
		}
	}

	@Override
	public String describe() {
		return "CenteredFft2 " + height + "x" + width + " (orthonormal, DC at (" + height / 2 +
			", " + width / 2 + "))";
	}
}
