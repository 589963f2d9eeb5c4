package org.priorj.physics.ct;

import java.util.stream.IntStream;

import org.jtransforms.fft.FloatFFT_1D;
import org.priorj.base.Checks;
import org.priorj.physics.Vectors;

/**
 * Filtered backprojection (FBP) for a {@link ParallelBeamProjector}: a linear pseudo-inverse
 * that maps a sinogram {@code (angles, detectors)} to an image {@code (H, W)}.
 * <p>
 * Each sinogram row is zero-padded to {@code P = max(64, 2^ceil(log2(2 D)))} bins (so the
 * circular convolution does not wrap), filtered in the frequency domain with an {@link FbpFilter},
 * cut back to D bins, backprojected with the projector's exact adjoint, and multiplied by
 * {@code π / (2 * angles)}. This is scikit-image's {@code iradon} recipe; the adjoint's weights
 * sum to 1 per pixel and angle, as the linear interpolation of {@code iradon} does, so the two
 * agree in scale.
 * <p>
 * <b>Angular coverage.</b> The factor {@code π / (2 * angles)} is the quadrature weight of angles
 * that sample a half turn evenly (spacing 180° / angles); then the result approximates the image
 * in absolute units (attenuation per pixel). For a limited range of R degrees sampled evenly,
 * the views are weighted as if each covered 180 / angles degrees rather than R / angles: the
 * result is the missing-wedge reconstruction (missing views treated as zero) multiplied by
 * 180 / R (multiply by R / 180 to undo that). Uneven angle sets get no per-view weighting.
 * <p>
 * Filtering runs in parallel over angles. Immutable and safe for concurrent calls.
 */
public final class FilteredBackProjection {

	private final ParallelBeamProjector projector;
	private final FbpFilter filter;
	private final int paddedLength;
	private final float[] response;
	private final ThreadLocal<FloatFFT_1D> fft;

	public FilteredBackProjection(final ParallelBeamProjector projector, final FbpFilter filter) {
		if (projector == null) throw Checks.bad("projector", "got null", "a projector");
		if (filter == null) throw Checks.bad("filter", "got null", "one of RAMP, SHEPP_LOGAN, HANN");
		this.projector = projector;
		this.filter = filter;
		int p = 64;
		while (p < 2 * projector.detectors()) p *= 2;
		this.paddedLength = p;
		final double[] h = filter.response(p);
		response = new float[h.length];
		for (int k = 0; k < h.length; k++) response[k] = (float) h[k];
		final int n = p;
		fft = ThreadLocal.withInitial(() -> new FloatFFT_1D(n));
	}

	/** FBP with the ramp filter. */
	public static FilteredBackProjection ramp(final ParallelBeamProjector projector) {
		return new FilteredBackProjection(projector, FbpFilter.RAMP);
	}

	public FbpFilter filter() {
		return filter;
	}

	/** The factor applied after backprojection: π / (2 * angles). */
	public double scale() {
		return Math.PI / (2 * projector.numAngles());
	}

	/** The reconstruction of {@code sinogram} (angles x detectors, row-major). */
	public float[] apply(final float[] sinogram) {
		final float[] image = projector.domain().newArray();
		apply(sinogram, image);
		return image;
	}

	/** Writes the reconstruction of {@code sinogram} into {@code image}. */
	public void apply(final float[] sinogram, final float[] image) {
		final float[] filtered = filterRows(sinogram);
		projector.adjoint(filtered, image);
		Vectors.scale(image, (float) scale());
	}

	/** The filtered sinogram (before backprojection and scaling). */
	public float[] filterRows(final float[] sinogram) {
		projector.range().check("sinogram", sinogram, "angles x detectors");
		final int d = projector.detectors();
		final float[] out = new float[sinogram.length];
		IntStream.range(0, projector.numAngles()).parallel().forEach(a -> {
			final float[] buf = new float[paddedLength];
			System.arraycopy(sinogram, a * d, buf, 0, d);
			final FloatFFT_1D f = fft.get();
			f.realForward(buf);
			// realForward packs Re[0], Re[P/2], then (Re[k], Im[k]) for k = 1 .. P/2 - 1.
			buf[0] *= response[0];
			buf[1] *= response[paddedLength / 2];
			for (int k = 1; k < paddedLength / 2; k++) {
				buf[2 * k] *= response[k];
				buf[2 * k + 1] *= response[k];
			}
			f.realInverse(buf, true);
			System.arraycopy(buf, 0, out, a * d, d);
		});
		return out;
	}

	public String describe() {
		return "FilteredBackProjection " + filter + " (padded to " + paddedLength + ") of " +
			projector.describe();
	}
}
