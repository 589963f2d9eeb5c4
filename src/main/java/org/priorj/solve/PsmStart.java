package org.priorj.solve;

import org.priorj.base.Shape;
import org.priorj.physics.LinearOperator;

/**
 * Where RED-PSM starts. The reference ships its start as precomputed files and not the code that
 * made them; PriorJ computes its start from the measurements:
 * <ul>
 * <li>{@link #FIT}: the temporal functions a smooth basis (a constant and K cosines
 * cos(pi k tau) on the nodes), the spatial maps the least-squares fit of the PSM to the data with
 * those functions fixed (conjugate gradients on the normal equations, from zero, stopped early,
 * which keeps the minimum-norm part where one view per frame leaves the maps undetermined);</li>
 * <li>{@link #PLAIN}: the same temporal functions and zero spatial maps (the frames start at 0, as
 * the reference's f does), for comparison.</li>
 * </ul>
 */
public enum PsmStart {

	FIT("fit"), PLAIN("plain");

	/** Conjugate-gradient iterations of the fit. */
	static final int CG_ITERATIONS = 30;

	private final String label;

	PsmStart(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The start from its label. */
	public static PsmStart of(final String label) {
		for (final PsmStart s : values()) if (s.label.equals(label)) return s;
		throw org.priorj.base.Checks.bad("start", "'" + label + "'", "fit or plain");
	}

	/** Z: row 0 constant 1, row k cos(pi k tau_j) at the nodes tau_j = j / (d - 1). */
	static float[] cosineLatent(final int rank, final int nodes) {
		final float[] z = new float[rank * nodes];
		for (int k = 0; k < rank; k++) {
			for (int j = 0; j < nodes; j++) z[k * nodes + j] = (float) Math.cos(Math.PI * k * j / (nodes -
				1));
		}
		return z;
	}

	/** The spatial maps of this start for data g under A, with the temporal functions psi (K+1, P). */
	float[] spatialMaps(final LinearOperator a, final float[] g, final float[] psi, final int rank,
		final float[] mask)
	{
		final int frameSize = a.domain().size() / (psi.length / rank);
		final float[] maps = new float[rank * frameSize];
		if (this == PLAIN) return maps;
		final LinearOperator maker = new MapsToData(a, psi, rank, frameSize, mask);
		new ConjugateGradient(maps.length).leastSquares(maker, g, maps, CG_ITERATIONS, 1e-6);
		return maps;
	}

	/** Lambda -> A (M ⊙ psi^T Lambda): the PSM without its clip, linear in the maps. */
	private static final class MapsToData implements LinearOperator {

		private final LinearOperator a;
		private final float[] psi, mask;
		private final int rank, frames, frameSize;
		private final float[] work;

		MapsToData(final LinearOperator a, final float[] psi, final int rank, final int frameSize,
			final float[] mask)
		{
			this.a = a;
			this.psi = psi;
			this.rank = rank;
			this.frames = psi.length / rank;
			this.frameSize = frameSize;
			this.mask = mask;
			this.work = a.domain().newArray();
		}

		@Override
		public Shape domain() {
			return Shape.of(rank, frameSize);
		}

		@Override
		public Shape range() {
			return a.range();
		}

		@Override
		public void apply(final float[] maps, final float[] y) {
			java.util.Arrays.fill(work, 0f);
			for (int t = 0; t < frames; t++) {
				for (int k = 0; k < rank; k++) {
					final float w = psi[k * frames + t];
					for (int i = 0; i < frameSize; i++) work[t * frameSize + i] += w * maps[k * frameSize + i];
				}
			}
			masked(work);
			a.apply(work, y);
		}

		@Override
		public void adjoint(final float[] y, final float[] maps) {
			a.adjoint(y, work);
			masked(work);
			java.util.Arrays.fill(maps, 0f);
			for (int t = 0; t < frames; t++) {
				for (int k = 0; k < rank; k++) {
					final float w = psi[k * frames + t];
					for (int i = 0; i < frameSize; i++) maps[k * frameSize + i] += w * work[t * frameSize + i];
				}
			}
		}

		private void masked(final float[] x) {
			if (mask == null) return;
			for (int t = 0; t < frames; t++)
				for (int i = 0; i < frameSize; i++) x[t * frameSize + i] *= mask[i];
		}

		@Override
		public String describe() {
			return "PSM maps -> data";
		}
	}
}
