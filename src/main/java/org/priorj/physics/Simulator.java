package org.priorj.physics;

import org.priorj.base.Shape;

import org.priorj.base.Checks;
import org.priorj.image.Pixels;

/**
 * Makes a measurement from a ground-truth image: y = A x + noise, seeded, so that tests, demos and
 * benchmarks are reproducible. The ground truth is never modified.
 */
public final class Simulator {

	private Simulator() {}

	public static Measurement simulate(final float[] groundTruth, final Shape imageShape,
		final OperatorSpec operator, final NoiseModel noise, final long seed)
	{
		imageShape.check("image", groundTruth, "image shape");
		Checks.finite("image", groundTruth);
		final LinearOperator a = Operators.build(operator, imageShape);
		final float[] clean = a.apply(groundTruth);
		float[] y = noise.corrupt(clean, seed);
		// a missing pixel is not measured, so it carries no noise either: the 0/1 mask is a
		// projection, and applying it again keeps the measured values and zeroes the holes
		if (Task.ofKind(operator.kind()) == Task.INPAINTING) y = a.apply(y);
		return new Measurement(operator, imageShape, a.range(), y, noise.describe(), seed);
	}

	/**
	 * What Simulate measurement does with a user's image: the operator {@code spec} (a random mask
	 * follows {@code seed} unless it names its own), a real image as the real plane of a complex one
	 * for MRI, and noise of {@code kind} at {@code level} (relative noise refers to the clean data).
	 */
	public static Measurement simulate(final Pixels truth, final OperatorSpec spec,
		final NoiseKind kind, final double level, final long seed)
	{
		final Task task = Task.ofKind(spec.kind());
		final OperatorSpec seeded = (task == Task.INPAINTING || task == Task.MRI) && !spec.params()
			.containsKey("seed") ? spec.with("seed", Long.toString(seed)) : spec;
		Shape shape = truth.shape();
		float[] x = truth.values();
		if (task.isComplex() && shape.rank() == 2) {
			x = java.util.Arrays.copyOf(x, 2 * x.length);
			shape = shape.prepend(2);
		}
		final float[] clean = Operators.build(seeded, shape).apply(x);
		return simulate(x, shape, seeded, kind.model(level, clean), seed);
	}
}
