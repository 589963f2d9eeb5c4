package org.priorj.physics.mri;

import java.util.Arrays;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/**
 * Multi-coil (parallel imaging) Cartesian MRI: {@code y_c = M F (S_c x)} for each coil c, where
 * {@code S_c} is the complex sensitivity map of coil c ({@link CoilMaps}), F the centred orthonormal
 * 2-D FFT ({@link CenteredFft2}) and M a binary {@link SamplingMask} shared by all coils.
 * <p>
 * Domain: a complex image {@code (2, H, W)}. Range: k-space {@code (C, 2, H, W)}, one centred full
 * grid per coil (DC at {@code (H/2, W/2)}) with zeros where the mask does not sample; values there
 * are ignored by {@link #adjoint}. The adjoint is {@code A^H y = sum_c conj(S_c) F^H M y_c}.
 * <p>
 * Memory: the coil maps and the mask are shared, not copied ({@code C*2*H*W + 2*H*W} floats
 * including the maps' sum of squares and the mask), plus the FFT plan; per call, {@link #apply}
 * allocates one FFT scratch array of {@code 2*H*W} floats (reused over the coils, whose products
 * {@code S_c x} are formed in the output array) and {@link #adjoint} two (FFT scratch and one coil
 * image), so concurrent calls are safe.
 */
public final class MultiCoilMri implements LinearOperator {

	private final CenteredFft2 fft;
	private final SamplingMask mask;
	private final CoilMaps maps;
	private final Shape domain;
	private final Shape range;

	/**
	 * @param height image height H
	 * @param width image width W
	 * @param mask k-space samples, {@code H x W}
	 * @param coilMaps sensitivity maps, {@code (C, 2, H, W)}
	 */
	public MultiCoilMri(final int height, final int width, final SamplingMask mask,
		final CoilMaps coilMaps)
	{
		this.fft = new CenteredFft2(height, width);
		this.mask = SingleCoilMri.checkMask(mask, height, width);
		if (coilMaps == null) throw Checks.bad("coil_maps", "got null", "coil maps of shape (C, 2, " +
			height + ", " + width + ")");
		Checks.require(coilMaps.height() == height && coilMaps.width() == width, "coil_maps",
			"shape " + coilMaps.shape() + " for a " + height + "x" + width + " image",
			"shape (C, 2, " + height + ", " + width + ")");
		this.maps = coilMaps;
		this.domain = fft.domain();
		this.range = Shape.of(coilMaps.coils(), 2, height, width);
	}

	public SamplingMask mask() {
		return mask;
	}

	public CoilMaps coilMaps() {
		return maps;
	}

	@Override
	public Shape domain() {
		return domain;
	}

	@Override
	public Shape range() {
		return range;
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		Checks.length("image", x, domain.size());
		Checks.length("kspace", y, range.size());
		final int plane = domain.size() / 2;
		final float[] s = maps.data();
		final float[] buf = fft.newBuffer();
		for (int c = 0; c < maps.coils(); c++) {
			final int off = 2 * c * plane;
			// S_c x, written where coil c's k-space goes, then transformed in place
			for (int p = 0; p < plane; p++) {
				final float sr = s[off + p];
				final float si = s[off + plane + p];
				final float xr = x[p];
				final float xi = x[plane + p];
				y[off + p] = sr * xr - si * xi;
				y[off + plane + p] = sr * xi + si * xr;
			}
			fft.forward(y, off, y, off, mask.data(), buf);
		}
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		Checks.length("kspace", y, range.size());
		Checks.length("image", x, domain.size());
		final int plane = domain.size() / 2;
		final float[] s = maps.data();
		final float[] coil = new float[2 * plane];
		final float[] buf = fft.newBuffer();
		Arrays.fill(x, 0f);
		for (int c = 0; c < maps.coils(); c++) {
			final int off = 2 * c * plane;
			fft.inverse(y, off, mask.data(), coil, 0, buf);
			for (int p = 0; p < plane; p++) {
				final float sr = s[off + p];
				final float si = s[off + plane + p];
				final float zr = coil[p];
				final float zi = coil[plane + p];
				x[p] += sr * zr + si * zi;
				x[plane + p] += sr * zi - si * zr;
			}
		}
	}

	/**
	 * The zero-filled SENSE-style coil combination
	 * {@code sum_c conj(S_c) F^H M y_c / sum_c |S_c|^2} (0 where no coil sees the pixel). Samples
	 * outside the mask are treated as unmeasured. With normalised maps ({@code sum_c |S_c|^2 = 1})
	 * it equals {@code A^H y}; with a fully sampled mask it inverts A exactly. For undersampled data
	 * it is not the pseudo-inverse of A (the coils' aliasing is not unfolded): it is the usual
	 * starting point of an iterative reconstruction.
	 */
	public float[] zeroFilled(final float[] kspace) {
		final float[] x = adjoint(kspace);
		final float[] ss = maps.sumOfSquaresData();
		final int plane = ss.length;
		for (int p = 0; p < plane; p++) {
			final float w = ss[p] > 0 ? 1f / ss[p] : 0f;
			x[p] *= w;
			x[plane + p] *= w;
		}
		return x;
	}

	@Override
	public String describe() {
		return "MultiCoilMri " + domain + " -> " + range + " (mask x centred orthonormal FFT x " +
			"coil maps), mask: " + mask.describe() + ", maps: " + maps.describe();
	}
}
