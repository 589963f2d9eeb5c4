package org.priorj.physics;

import org.priorj.base.Shape;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.priorj.base.Checks;

/**
 * A stack of independent operators, one per slice: a volume {@code (Z, d...)} maps to
 * {@code (Z, r...)}, slice z through its own operator with domain {@code (d...)} and range
 * {@code (r...)}. Used for 3-D CT of a volume slice by slice (the same 2-D projector for every z)
 * and for dynamic imaging (a different projector per time frame).
 * <p>
 * Slices run in parallel; each slice is copied out and back, costing one extra pass over the
 * data per call. Immutable and safe for concurrent calls when the slice operators are.
 */
public final class SliceWiseOperator implements LinearOperator {

	private final LinearOperator[] ops;
	private final Shape domain;
	private final Shape range;

	private SliceWiseOperator(final LinearOperator[] ops) {
		this.ops = ops;
		this.domain = ops[0].domain().prepend(ops.length);
		this.range = ops[0].range().prepend(ops.length);
	}

	/** The same operator on each of {@code slices} slices. */
	public static SliceWiseOperator repeat(final LinearOperator op, final int slices) {
		if (op == null) throw Checks.bad("operator", "got null", "a linear operator");
		Checks.positive("slices", slices);
		final LinearOperator[] ops = new LinearOperator[slices];
		Arrays.fill(ops, op);
		return new SliceWiseOperator(ops);
	}

	/** Operator z on slice z; all must have the same domain and the same range. */
	public static SliceWiseOperator of(final List<? extends LinearOperator> perSlice) {
		if (perSlice == null || perSlice.isEmpty()) throw Checks.bad("operators", "none",
			"at least one operator");
		final LinearOperator[] ops = perSlice.toArray(new LinearOperator[0]);
		for (int z = 0; z < ops.length; z++) {
			if (ops[z] == null) throw Checks.bad("operators", "operator " + z + " is null",
				"linear operators");
			Checks.require(ops[z].domain().equals(ops[0].domain()) && ops[z].range().equals(
				ops[0].range()), "operators", "operator " + z + " maps " + ops[z].domain() +
					" -> " + ops[z].range(), "the shapes of operator 0, " + ops[0].domain() +
						" -> " + ops[0].range());
		}
		return new SliceWiseOperator(ops);
	}

	public int slices() {
		return ops.length;
	}

	/** The operator of slice z. */
	public LinearOperator slice(final int z) {
		return ops[z];
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
	public String describe() {
		final boolean same = Arrays.stream(ops).allMatch(o -> o == ops[0]);
		return "SliceWiseOperator " + domain + " -> " + range + " (" + ops.length + " slices, " +
			(same ? "each " + ops[0].describe() : "per slice, first " + ops[0].describe()) + ")";
	}

	/**
	 * The norm of a block-diagonal operator is the largest of its blocks': computed on each distinct
	 * slice operator once, so a volume of one repeated projector costs one slice's power iteration.
	 */
	@Override
	public double norm(final int maxIterations, final double tol, final long seed) {
		final java.util.Set<LinearOperator> distinct = java.util.Collections.newSetFromMap(
			new java.util.IdentityHashMap<>());
		double most = 0;
		for (final LinearOperator op : ops)
			if (distinct.add(op)) most = Math.max(most, op.norm(maxIterations, tol, seed));
		return most;
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		domain.check("volume", x, "slices x slice shape");
		range.check("measurement", y, "slices x measurement shape");
		perSlice(x, y, false);
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		range.check("measurement", y, "slices x measurement shape");
		domain.check("volume", x, "slices x slice shape");
		perSlice(y, x, true);
	}

	private void perSlice(final float[] in, final float[] out, final boolean adjoint) {
		final int nIn = (adjoint ? range : domain).size() / ops.length;
		final int nOut = (adjoint ? domain : range).size() / ops.length;
		IntStream.range(0, ops.length).parallel().forEach(z -> {
			final float[] a = new float[nIn];
			final float[] b = new float[nOut];
			System.arraycopy(in, z * nIn, a, 0, nIn);
			if (adjoint) ops[z].adjoint(a, b);
			else ops[z].apply(a, b);
			System.arraycopy(b, 0, out, z * nOut, nOut);
		});
	}
}
