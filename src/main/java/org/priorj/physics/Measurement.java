package org.priorj.physics;

import org.priorj.base.Shape;

import org.priorj.base.Checks;

/**
 * Measured data together with everything needed to interpret them: the operator that produced them
 * (as its {@link OperatorSpec}), the shape of the unknown image, and the noise model and seed used
 * when they were simulated. A solver needs nothing else, so a measurement file describes itself.
 */
public final class Measurement {

	private final OperatorSpec operator;
	private final Shape imageShape;
	private final Shape dataShape;
	private final float[] data;
	private final String noise;
	private final long seed;

	public Measurement(final OperatorSpec operator, final Shape imageShape, final Shape dataShape,
		final float[] data, final String noise, final long seed)
	{
		this.operator = operator;
		this.imageShape = imageShape;
		this.dataShape = dataShape;
		this.data = dataShape.check("measurement", data, "data shape");
		this.noise = noise;
		this.seed = seed;
	}

	public OperatorSpec operatorSpec() {
		return operator;
	}

	/** Rebuilds the forward operator and checks that it matches the data. */
	public LinearOperator operator() {
		final LinearOperator a = Operators.build(operator, imageShape);
		Checks.require(a.range().equals(dataShape), "measurement", "data of shape " + dataShape +
			" but operator '" + operator + "' produces " + a.range(),
			"data whose shape matches the operator");
		return a;
	}

	public Shape imageShape() {
		return imageShape;
	}

	public Shape dataShape() {
		return dataShape;
	}

	/** The data (not a copy: treat as read-only). */
	public float[] data() {
		return data;
	}

	public String noise() {
		return noise;
	}

	public long seed() {
		return seed;
	}
}
