package org.priorj.solve;

import java.util.stream.IntStream;

import org.priorj.base.Checks;

/**
 * A partially separable (low-rank) model of a time series of P frames of n values each:
 * {@code F_t = clip(M ⊙ sum_k psi_k(t) Lambda_k)}, k = 0 .. K, with K + 1 spatial maps Lambda
 * (row-major (K+1, n)), temporal functions psi = Z B interpolated by a {@link TemporalSpline} from
 * a latent Z on d nodes (row-major (K+1, d)), a field-of-view mask M (null: none) and, where asked,
 * the clip at 0 (non-negative objects such as attenuation). The parameters are held here and
 * updated in place by the optimiser; {@link #gradient} takes dL/dF back to them.
 */
final class PartiallySeparableModel {

	private final TemporalSpline spline;
	private final int rank, frameSize;
	private final float[] spatial, latent, temporal;
	private final float[] mask;
	private final boolean nonNegative;
	/**
	 * Where the clip passes gradients: sum >= 0, as torch's clamp does. At exactly 0 it passes,
	 * so that a model started with zero maps can leave zero (a strict > 0 would hold it there).
	 */
	private byte[] passes;

	PartiallySeparableModel(final TemporalSpline spline, final float[] spatial,
		final float[] latent, final float[] mask, final boolean nonNegative)
	{
		this.spline = spline;
		Checks.require(latent.length % spline.nodes() == 0, "latent", latent.length + " values",
			"a multiple of d = " + spline.nodes());
		this.rank = latent.length / spline.nodes();
		Checks.require(rank >= 1 && spatial.length % rank == 0, "spatial", spatial.length + " values",
			"K + 1 = " + rank + " maps");
		this.frameSize = spatial.length / rank;
		Checks.require(mask == null || mask.length == frameSize, "mask", mask == null ? "" : mask.length +
			" values", "one per frame value, " + frameSize);
		this.spatial = spatial;
		this.latent = latent;
		this.mask = mask;
		this.nonNegative = nonNegative;
		this.temporal = new float[rank * spline.times()];
	}

	int rank() {
		return rank;
	}

	int frames() {
		return spline.times();
	}

	int frameSize() {
		return frameSize;
	}

	/** Lambda, (K+1, n), live. */
	float[] spatial() {
		return spatial;
	}

	/** Z, (K+1, d), live. */
	float[] latent() {
		return latent;
	}

	/** psi = Z B, (K+1, P), for the current Z. */
	float[] temporal() {
		spline.apply(latent, rank, temporal);
		return temporal.clone();
	}

	/** dL/dZ of a gradient dL/dpsi (K+1, P). */
	void latentGradient(final float[] dTemporal, final float[] dLatent) {
		spline.adjoint(dTemporal, rank, dLatent);
	}

	/** The frames F (P, n) of the current parameters, into {@code out}. */
	void frames(final float[] out) {
		spline.apply(latent, rank, temporal);
		final int p = spline.times(), n = frameSize;
		if (nonNegative && passes == null) passes = new byte[p * n];
		IntStream.range(0, p).parallel().forEach(t -> {
			final int o = t * n;
			java.util.Arrays.fill(out, o, o + n, 0f);
			for (int k = 0; k < rank; k++) {
				final float w = temporal[k * p + t];
				final int s = k * n;
				for (int i = 0; i < n; i++) out[o + i] += w * spatial[s + i];
			}
			for (int i = 0; i < n; i++) {
				float v = mask == null ? out[o + i] : mask[i] * out[o + i];
				if (nonNegative) {
					passes[o + i] = (byte) (v >= 0 ? 1 : 0);
					if (v < 0) v = 0;
				}
				out[o + i] = v;
			}
		});
	}

	/**
	 * The gradients of a loss L with respect to Lambda and Z at the parameters of the last
	 * {@link #frames} call, given dL/dF; {@code dF} is overwritten.
	 */
	void gradient(final float[] dF, final float[] dSpatial, final float[] dLatent) {
		final int p = spline.times(), n = frameSize;
		// through the clip and the mask
		IntStream.range(0, p).parallel().forEach(t -> {
			final int o = t * n;
			for (int i = 0; i < n; i++) {
				float g = dF[o + i];
				if (mask != null) g *= mask[i];
				if (nonNegative && passes[o + i] == 0) g = 0;
				dF[o + i] = g;
			}
		});
		final float[] dTemporal = new float[rank * p];
		IntStream.range(0, p).parallel().forEach(t -> {
			final int o = t * n;
			for (int k = 0; k < rank; k++) {
				final int s = k * n;
				double sum = 0;
				for (int i = 0; i < n; i++) sum += spatial[s + i] * dF[o + i];
				dTemporal[k * p + t] = (float) sum;
			}
		});
		spline.adjoint(dTemporal, rank, dLatent);
		IntStream.range(0, rank).parallel().forEach(k -> {
			final int s = k * n;
			java.util.Arrays.fill(dSpatial, s, s + n, 0f);
			for (int t = 0; t < p; t++) {
				final float w = temporal[k * p + t];
				final int o = t * n;
				for (int i = 0; i < n; i++) dSpatial[s + i] += w * dF[o + i];
			}
		});
	}
}
