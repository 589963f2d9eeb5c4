package org.priorj.solve;

import org.priorj.base.Checks;

/**
 * Cubic Hermite interpolation from d equispaced nodes on [0, 1] to P equispaced times on [0, 1]
 * (both ends included), the temporal model of RED-PSM: the slopes are the one-sided differences at
 * the two end nodes and the mean of the two adjacent secant slopes inside, as in the reference's
 * spline. Every step is linear in the node values, so the interpolation is one d x P matrix B and
 * a row of values z (length d) becomes {@code psi = z B} (length P); its adjoint takes a gradient
 * on the P times back to the d nodes. A linear sequence of node values is reproduced exactly (all
 * slopes are then its slope).
 */
public final class TemporalSpline {

	/** Fewest nodes a cubic interpolation takes. */
	public static final int MIN_NODES = 4;

	private final int nodes, times;
	/** B, row-major (d, P). */
	private final double[] basis;

	public TemporalSpline(final int nodes, final int times) {
		Checks.require(nodes >= MIN_NODES, "d", "got " + nodes, "at least " + MIN_NODES +
			" temporal nodes (cubic interpolation)");
		Checks.require(times >= 2, "frames", "got " + times, "at least 2 time frames");
		this.nodes = nodes;
		this.times = times;
		basis = new double[nodes * times];
		final double[] unit = new double[nodes];
		for (int j = 0; j < nodes; j++) {
			unit[j] = 1;
			final double[] row = interpolate(unit);
			System.arraycopy(row, 0, basis, j * times, times);
			unit[j] = 0;
		}
	}

	public int nodes() {
		return nodes;
	}

	public int times() {
		return times;
	}

	/** B[j][t]: the weight of node j at time t. */
	public double weight(final int node, final int time) {
		return basis[node * times + time];
	}

	/** psi = z B for each of the {@code rows} rows of z (row-major (rows, d)); psi is (rows, P). */
	public void apply(final float[] z, final int rows, final float[] psi) {
		for (int r = 0; r < rows; r++) {
			for (int t = 0; t < times; t++) {
				double s = 0;
				for (int j = 0; j < nodes; j++) s += z[r * nodes + j] * basis[j * times + t];
				psi[r * times + t] = (float) s;
			}
		}
	}

	/** dz = dpsi B^T for each row: the gradient on the nodes of one on the times. */
	public void adjoint(final float[] dpsi, final int rows, final float[] dz) {
		for (int r = 0; r < rows; r++) {
			for (int j = 0; j < nodes; j++) {
				double s = 0;
				for (int t = 0; t < times; t++) s += dpsi[r * times + t] * basis[j * times + t];
				dz[r * nodes + j] = (float) s;
			}
		}
	}

	/** The Hermite interpolant of node values y at the P times, in double precision. */
	private double[] interpolate(final double[] y) {
		final int d = nodes;
		final double h = 1.0 / (d - 1);
		final double[] m = new double[d];
		m[0] = (y[1] - y[0]) / h;
		m[d - 1] = (y[d - 1] - y[d - 2]) / h;
		for (int j = 1; j < d - 1; j++) m[j] = 0.5 * ((y[j + 1] - y[j]) / h + (y[j] - y[j - 1]) / h);
		final double[] out = new double[times];
		for (int t = 0; t < times; t++) {
			final double tau = (double) t / (times - 1);
			final int j = Math.min((int) Math.floor(tau / h), d - 2);
			final double s = (tau - j * h) / h, s2 = s * s, s3 = s2 * s;
			out[t] = (2 * s3 - 3 * s2 + 1) * y[j] + (s3 - 2 * s2 + s) * h * m[j] + (-2 * s3 + 3 * s2) *
				y[j + 1] + (s3 - s2) * h * m[j + 1];
		}
		return out;
	}
}
