package org.priorj.solve;

import java.util.stream.IntStream;

import org.priorj.base.Checks;
import org.priorj.base.SliceStore;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.SliceWiseOperator;

/**
 * ADMM with total variation along z for a slice-wise operator, computed slice by slice on volumes
 * held in {@link SliceStore}s: the iteration of {@link Admm} with K = D_z ({@link AxisDifference})
 * and g = lambda ||.||_1, its conjugate gradient that of {@link ConjugateGradient} with no early
 * stop, but no volume is ever an array. Every product with A^T A + rho D_z^T D_z is per slice (A is
 * block-diagonal; D_z^T D_z reads a slice's two neighbours, a halo of one), and only the inner
 * products gather over slices: the slab is the unit of work, in a process of its own on a cluster.
 * <p>
 * Holds the split variable z and the scaled dual u across {@link #step} calls (DDS-3D keeps them
 * across diffusion steps) and the conjugate gradient's r, p and M p: five stores of the volume's
 * size. A^T y is recomputed per slice where it is needed (once per step) instead of stored.
 * Slices run in parallel; per-slice sums are added in slice order, so results do not depend on
 * the threads. Close it to release the stores.
 */
final class SliceAdmmTvZ implements AutoCloseable {

	private final SliceWiseOperator a;
	private final float[] y;
	private final double rho;
	/** g = lambda ||.||_1, applied slice by slice. */
	private final Prox threshold;
	private final int cgIterations, slices, plane, rows;
	private final boolean periodic;
	private final SliceStore z, u, r, p, q;

	/** Volume-sized stores this holds. */
	static final int STORES = 5;

	SliceAdmmTvZ(final SliceWiseOperator a, final float[] y, final double lambda, final double rho,
		final int cgIterations, final boolean periodic, final SliceStore.Factory stores)
	{
		SolverInputs.measurement(a, y);
		Checks.require(lambda >= 0 && Double.isFinite(lambda), "lambda", "got " + lambda,
			"0 or a positive number");
		this.a = a;
		this.y = y;
		this.threshold = Prox.l1(lambda);
		this.rho = Checks.positive("rho", rho);
		this.cgIterations = SolverInputs.iterations(cgIterations);
		this.periodic = periodic;
		this.slices = a.slices();
		this.plane = a.domain().size() / slices;
		this.rows = a.range().size() / slices;
		z = stores.create(slices, plane);
		u = stores.create(slices, plane);
		r = stores.create(slices, plane);
		p = stores.create(slices, plane);
		q = stores.create(slices, plane);
	}

	private int previous(final int k) {
		return k > 0 ? k - 1 : periodic ? slices - 1 : -1;
	}

	private int next(final int k) {
		return k + 1 < slices ? k + 1 : periodic ? 0 : -1;
	}

	/** One ADMM iteration on x (in place); returns the primal residual ||D_z x - z||. */
	double step(final SliceStore x) {
		Checks.require(x.slices() == slices && x.sliceSize() == plane, "x", x.slices() + " slices of " +
			x.sliceSize(), slices + " slices of " + plane + " values");
		double rr = residual(x);
		copy(r, p);
		for (int it = 0; it < cgIterations && rr > 0; it++) {
			final double pq = sum(k -> {
				final float[] pk = p.slice(k), mp = normal(k, pk, p);
				q.write(k, mp, 0);
				return dot(pk, mp);
			});
			if (!(pq > 0)) break;
			final float alpha = (float) (rr / pq);
			double next = sum(k -> {
				final float[] xk = x.slice(k), rk = r.slice(k), pk = p.slice(k), qk = q.slice(k);
				for (int i = 0; i < plane; i++) {
					xk[i] += alpha * pk[i];
					rk[i] -= alpha * qk[i];
				}
				x.write(k, xk, 0);
				r.write(k, rk, 0);
				return dot(rk, rk);
			});
			if ((it + 1) % ConjugateGradient.REFRESH == 0) next = residual(x);
			if (it + 1 == cgIterations || !(next > 0)) break;
			final float beta = (float) (next / rr);
			IntStream.range(0, slices).parallel().forEach(k -> {
				final float[] rk = r.slice(k), pk = p.slice(k);
				for (int i = 0; i < plane; i++) pk[i] = rk[i] + beta * pk[i];
				p.write(k, pk, 0);
			});
			rr = next;
		}
		return Math.sqrt(sum(k -> {
			// D x + u through the soft threshold into z; u gains D x - z
			final float[] dx = difference(x, k), uk = u.slice(k), zk = new float[plane];
			for (int i = 0; i < plane; i++) zk[i] = dx[i] + uk[i];
			threshold.apply(zk, 1 / rho, zk);
			double res = 0;
			for (int i = 0; i < plane; i++) {
				final float d = dx[i] - zk[i];
				uk[i] += d;
				res += (double) d * d;
			}
			z.write(k, zk, 0);
			u.write(k, uk, 0);
			return res;
		}));
	}

	/** r = b - M x with b = A^T y + rho D^T (z - u), slice by slice; returns r^T r. */
	private double residual(final SliceStore x) {
		return sum(k -> {
			final float[] rk = new float[plane], dtv = new float[plane];
			final int prev = previous(k), nxt = next(k);
			final float[] zk = z.slice(k), uk = u.slice(k);
			final float[] zp = prev < 0 ? null : z.slice(prev), up = prev < 0 ? null : u.slice(prev);
			for (int i = 0; i < plane; i++) {
				final float in = prev < 0 ? 0 : zp[i] - up[i];
				dtv[i] = nxt >= 0 ? in - (zk[i] - uk[i]) : in;
			}
			final float[] aty = new float[plane];
			a.slice(k).adjoint(java.util.Arrays.copyOfRange(y, k * rows, (k + 1) * rows), aty);
			final float[] mx = normal(k, x.slice(k), x);
			for (int i = 0; i < plane; i++) rk[i] = (float) (aty[i] + rho * dtv[i]) - mx[i];
			r.write(k, rk, 0);
			return dot(rk, rk);
		});
	}

	/** (A^T A + rho D^T D) v at slice k, whose slice is {@code vk}, its neighbours in {@code v}. */
	private float[] normal(final int k, final float[] vk, final SliceStore v) {
		final LinearOperator op = a.slice(k);
		final float[] out = new float[plane];
		op.adjoint(op.apply(vk), out);
		final int prev = previous(k), nxt = next(k);
		final float[] vp = prev < 0 ? null : v.slice(prev), vn = nxt < 0 ? null : v.slice(nxt);
		for (int i = 0; i < plane; i++) {
			// (D^T D v)_k = (v_k - v_prev) - (v_next - v_k), each term where the difference exists
			final float dPrev = prev < 0 ? 0 : vk[i] - vp[i], dOwn = nxt < 0 ? 0 : vn[i] - vk[i];
			out[i] += (float) rho * (dPrev - dOwn);
		}
		return out;
	}

	/** (D_z x)_k = x_next - x_k, zero past the last slice when not periodic. */
	private float[] difference(final SliceStore x, final int k) {
		final float[] d = new float[plane];
		final int nxt = next(k);
		if (nxt < 0) return d;
		final float[] xk = x.slice(k), xn = x.slice(nxt);
		for (int i = 0; i < plane; i++) d[i] = xn[i] - xk[i];
		return d;
	}

	private static void copy(final SliceStore from, final SliceStore to) {
		IntStream.range(0, from.slices()).parallel().forEach(k -> to.write(k, from.slice(k), 0));
	}

	/** Runs {@code f} on every slice in parallel and adds the answers in slice order. */
	private double sum(final java.util.function.IntToDoubleFunction f) {
		final double[] parts = new double[slices];
		IntStream.range(0, slices).parallel().forEach(k -> parts[k] = f.applyAsDouble(k));
		double s = 0;
		for (final double v : parts) s += v;
		return s;
	}

	private static double dot(final float[] x, final float[] y) {
		double s = 0;
		for (int i = 0; i < x.length; i++) s += (double) x[i] * y[i];
		return s;
	}

	@Override
	public void close() {
		for (final SliceStore s : new SliceStore[] { z, u, r, p, q }) s.close();
	}
}
