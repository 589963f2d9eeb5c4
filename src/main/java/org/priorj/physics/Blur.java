package org.priorj.physics;

import org.priorj.base.Shape;

import org.jtransforms.fft.FloatFFT_2D;
import org.priorj.base.Checks;

/**
 * Blur of an image (H, W) by a {@link Kernel}: true convolution (the kernel is flipped), output of
 * the same size as the input.
 * <p>
 * Boundary handling: the image is first extended on every side by the kernel's reach with the
 * chosen {@link Boundary} (zero, or mirror), then convolved by FFT on the extended grid, then cropped
 * back to (H, W). Because the extension is at least as wide as the kernel's reach, the FFT's
 * periodic wrap-around never reaches the cropped pixels: there are no wrap-around artefacts, and the
 * operator is exactly "extend, convolve linearly, crop". The adjoint is crop-transpose, correlation,
 * and the transpose of the extension (which folds mirrored contributions back onto the border).
 * <p>
 * A separable kernel (Gaussian, box) is applied in two direct 1-D passes instead ({@link
 * LineConvolution}, in parallel over lines for large images), which is the same operator computed
 * faster.
 * <p>
 * Memory: for a kernel that is not separable, the kernel's spectrum, 2 Fh Fw floats, where
 * Fh >= H + 2 (kh/2) and Fw >= W + 2 (kw/2) are rounded up to products of 2, 3 and 5, plus 2 Fh Fw
 * floats of scratch per call; for a separable one, index tables of 4 (kh H + kw W) values
 * and 2 H W floats of scratch per call.
 */
public final class Blur implements LinearOperator {

	private final Shape shape;
	private final Kernel kernel;
	private final Boundary boundary;
	private final int padY, padX, hp, wp;
	/** FFT grid: the extended image's size rounded up to a product of 2, 3 and 5. */
	private final int fh, fw;
	private final int[] mapY, mapX;
	/** Interleaved complex, fh x fw; null for a separable kernel. */
	private final float[] spectrum;
	private final ThreadLocal<FloatFFT_2D> fft;
	/** For a separable kernel (Gaussian, box): the same operator as two 1-D passes, else null. */
	private final LineConvolution alongX, alongY;

	public Blur(final int height, final int width, final Kernel kernel, final Boundary boundary) {
		Checks.positive("height", height);
		Checks.positive("width", width);
		Checks.require(kernel.height() <= height && kernel.width() <= width, "psf",
			"size " + kernel.width() + "x" + kernel.height() + " is larger than the image " + width +
				"x" + height, "a PSF no larger than the image");
		this.shape = Shape.of(height, width);
		this.kernel = kernel;
		this.boundary = boundary;
		padY = kernel.centerY();
		padX = kernel.centerX();
		hp = height + 2 * padY;
		wp = width + 2 * padX;
		mapY = boundary.indexMap(height, padY, padY);
		mapX = boundary.indexMap(width, padX, padX);
		// zeros beyond the extension are never reached by the kernel from a kept pixel, so a larger,
		// FFT-friendly grid changes nothing but the speed (a prime size would cost Bluestein's FFT)
		fh = smooth(hp);
		fw = smooth(wp);
		fft = ThreadLocal.withInitial(() -> new FloatFFT_2D(fh, fw));
		final float[][] uv = separate(kernel);
		alongY = uv == null ? null : new LineConvolution(uv[0], kernel.centerY(), height, boundary);
		alongX = uv == null ? null : new LineConvolution(uv[1], kernel.centerX(), width, boundary);
		spectrum = uv == null ? spectrum(kernel) : null;
	}

	private float[] spectrum(final Kernel kernel) {
		final float[] k = new float[2 * fh * fw];
		for (int y = 0; y < kernel.height(); y++)
			for (int x = 0; x < kernel.width(); x++) {
				final int yy = Math.floorMod(y - kernel.centerY(), fh);
				final int xx = Math.floorMod(x - kernel.centerX(), fw);
				k[2 * (yy * fw + xx)] += kernel.at(y, x);
			}
		fft.get().complexForward(k);
		return k;
	}

	/**
	 * Column and row factors {u, v} with K[i][j] = u[i] v[j] to float precision, or null when the
	 * kernel is not separable. A separable blur is then computed directly in two 1-D passes: the
	 * same extend-convolve-crop operator (the extension is itself separable), at a fraction of the
	 * FFT's cost for the small kernels users blur with.
	 */
	static float[][] separate(final Kernel k) {
		int py = 0, px = 0;
		float max = 0;
		for (int i = 0; i < k.height(); i++)
			for (int j = 0; j < k.width(); j++)
				if (Math.abs(k.at(i, j)) > max) {
					max = Math.abs(k.at(i, j));
					py = i;
					px = j;
				}
		final float[] u = new float[k.height()], v = new float[k.width()];
		for (int i = 0; i < u.length; i++) u[i] = k.at(i, px);
		for (int j = 0; j < v.length; j++) v[j] = k.at(py, j) / k.at(py, px);
		for (int i = 0; i < u.length; i++)
			for (int j = 0; j < v.length; j++)
				if (Math.abs(k.at(i, j) - u[i] * v[j]) > 1e-6f * max) return null;
		return new float[][] { u, v };
	}

	/** The smallest n' >= n whose only prime factors are 2, 3 and 5. */
	static int smooth(final int n) {
		for (int m = n;; m++) {
			int r = m;
			for (final int p : new int[] { 2, 3, 5 })
				while (r % p == 0) r /= p;
			if (r == 1) return m;
		}
	}

	public Kernel kernel() {
		return kernel;
	}

	public Boundary boundary() {
		return boundary;
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
		filter(x, y, false);
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		filter(y, x, true);
	}

	private void filter(final float[] in, final float[] out, final boolean adjoint) {
		final int h = shape.dim(0), w = shape.dim(1);
		Checks.length(adjoint ? "y" : "x", in, h * w);
		Checks.length(adjoint ? "x" : "y", out, h * w);
		if (alongX != null) {
			final float[][] a = new float[h][w], b = new float[h][w];
			for (int r = 0; r < h; r++) System.arraycopy(in, r * w, a[r], 0, w);
			if (adjoint) {
				alongY.alongColumns(a, b, true);
				alongX.alongRows(b, a, true);
			}
			else {
				alongX.alongRows(a, b, false);
				alongY.alongColumns(b, a, false);
			}
			for (int r = 0; r < h; r++) System.arraycopy(a[r], 0, out, r * w, w);
			return;
		}
		final float[] buf = new float[2 * fh * fw];
		if (adjoint) {
			// transpose of the crop: the image goes to the centre, zeros around it
			for (int r = 0; r < h; r++)
				for (int c = 0; c < w; c++)
					buf[2 * ((r + padY) * fw + c + padX)] = in[r * w + c];
		}
		else {
			for (int r = 0; r < hp; r++) {
				final int sr = mapY[r];
				if (sr < 0) continue;
				for (int c = 0; c < wp; c++) {
					final int sc = mapX[c];
					if (sc >= 0) buf[2 * (r * fw + c)] = in[sr * w + sc];
				}
			}
		}
		final FloatFFT_2D f = fft.get();
		f.complexForward(buf);
		for (int i = 0; i < fh * fw; i++) {
			final float ar = buf[2 * i], ai = buf[2 * i + 1];
			final float kr = spectrum[2 * i], ki = adjoint ? -spectrum[2 * i + 1] : spectrum[2 * i + 1];
			buf[2 * i] = ar * kr - ai * ki;
			buf[2 * i + 1] = ar * ki + ai * kr;
		}
		f.complexInverse(buf, true);
		if (adjoint) {
			java.util.Arrays.fill(out, 0f);
			for (int r = 0; r < hp; r++) {
				final int sr = mapY[r];
				if (sr < 0) continue;
				for (int c = 0; c < wp; c++) {
					final int sc = mapX[c];
					if (sc >= 0) out[sr * w + sc] += buf[2 * (r * fw + c)];
				}
			}
		}
		else {
			for (int r = 0; r < h; r++)
				for (int c = 0; c < w; c++)
					out[r * w + c] = buf[2 * ((r + padY) * fw + c + padX)];
		}
	}

	@Override
	public String describe() {
		return "blur " + shape + " psf " + kernel.width() + "x" + kernel.height() + " boundary " +
			boundary.name().toLowerCase();
	}
}
