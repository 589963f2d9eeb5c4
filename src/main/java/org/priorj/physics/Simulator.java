package org.priorj.physics;

import org.priorj.base.Shape;

import org.priorj.base.Checks;

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
		return new Measurement(operator, imageShape, a.range(), noise.corrupt(clean, seed), noise
			.describe(), seed);
	}
}
