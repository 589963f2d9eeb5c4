package org.priorj.solve;

import java.util.LinkedHashMap;
import java.util.Map;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/**
 * The argument checks the classical methods share, so that every method refuses the same bad
 * input with the same parameter name: {@code iterations}, {@code tolerance}, {@code lambda},
 * {@code measurement}, {@code start}.
 */
final class SolverInputs {

	private SolverInputs() {}

	static int iterations(final int iterations) {
		return Checks.positive("iterations", iterations);
	}

	static double tolerance(final double tolerance) {
		return Checks.nonNegative("tolerance", tolerance);
	}

	static double lambda(final double lambda) {
		return Checks.nonNegative("lambda", lambda);
	}

	/** The data y of A x = y: exactly the operator's range, finite. Not copied. */
	static float[] measurement(final LinearOperator a, final float[] y) {
		a.range().check("measurement", y, "the operator's range");
		return Checks.finite("measurement", y);
	}

	/** A copy of the start x0 (null: zeros), checked against the operator's domain. */
	static float[] start(final Shape domain, final float[] x0) {
		if (x0 == null) return domain.newArray();
		domain.check("start", x0, "the operator's domain");
		return Checks.finite("start", x0).clone();
	}

	/** An ordered parameter map from alternating keys and values. */
	static Map<String, String> parameters(final Object... keysAndValues) {
		final Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2)
			map.put(keysAndValues[i].toString(), String.valueOf(keysAndValues[i + 1]));
		return map;
	}
}
