package org.priorj.solve;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/**
 * The forward difference along the first axis of an array (the slices of a volume, the frames of a
 * movie): {@code (D x)[k] = x[k + 1] - x[k]}, each slice a whole plane. Periodic, as DiffusionMBIR's
 * z-TV has it ({@code x[Z] = x[0]}), or Neumann ({@code (D x)[Z - 1] = 0}). Domain and range are the
 * array's shape; the adjoint is exact. Immutable.
 */
public final class AxisDifference implements LinearOperator {

	private final Shape shape;
	private final boolean periodic;
	private final int slices, plane;

	public AxisDifference(final Shape shape, final boolean periodic) {
		if (shape == null || shape.rank() < 2) throw Checks.bad("shape", String.valueOf(shape),
			"a shape with at least two axes (slices first)");
		this.shape = shape;
		this.periodic = periodic;
		this.slices = shape.dim(0);
		this.plane = shape.size() / slices;
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
	public void apply(final float[] x, final float[] d) {
		Checks.length("x", x, shape.size());
		Checks.length("d", d, shape.size());
		for (int k = 0; k < slices; k++) {
			final int next = k + 1 < slices ? k + 1 : periodic ? 0 : -1;
			if (next < 0) java.util.Arrays.fill(d, k * plane, (k + 1) * plane, 0f);
			else for (int i = 0; i < plane; i++)
				d[k * plane + i] = x[next * plane + i] - x[k * plane + i];
		}
	}

	@Override
	public void adjoint(final float[] d, final float[] x) {
		Checks.length("d", d, shape.size());
		Checks.length("x", x, shape.size());
		// row k of D^T: + d[k - 1] (where slice k - 1 has a difference) - d[k] (where k has one)
		for (int k = 0; k < slices; k++) {
			final int previous = k > 0 ? k - 1 : periodic ? slices - 1 : -1;
			final boolean own = periodic || k + 1 < slices;
			for (int i = 0; i < plane; i++) {
				final float in = previous < 0 ? 0 : d[previous * plane + i];
				x[k * plane + i] = own ? in - d[k * plane + i] : in;
			}
		}
	}

	@Override
	public String describe() {
		return "difference along the first axis of " + shape + (periodic ? ", periodic" : "");
	}
}
