package org.priorj.solve;

import java.util.LinkedHashMap;
import java.util.Map;

import org.priorj.image.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.Measurement;
import org.priorj.physics.ct.FbpFilter;
import org.priorj.physics.ct.FilteredBackProjection;
import org.priorj.physics.ct.ParallelBeamProjector;

/**
 * The classical reconstruction methods by name, as the commands, the command line and the demo
 * offer them, each applied to a self-describing {@link Measurement}. {@code auto} picks the usual
 * baseline for the measurement's operator.
 */
public final class ClassicalMethods {

	/** Every name {@link #reconstruct} accepts, {@code auto} first. */
	public static final String[] NAMES = { "auto", "adjoint", "fbp" };

	private ClassicalMethods() {}

	/** Parameters shared by the methods; each method reads the ones it uses. */
	public static final class Parameters {

		public int iterations = 100;
		public double lambda = 0.01;
		public String filter = "ramp";
		public boolean nonnegative = false;
	}

	/** The method {@code auto} stands for, given the operator kind of a measurement. */
	public static String auto(final Measurement m) {
		switch (m.operatorSpec().kind()) {
			case "radon":
				return "fbp";
			default:
				return "adjoint";
		}
	}

	public static Result reconstruct(final String method, final Measurement m,
		final Parameters p, final Progress progress)
	{
		final String name = "auto".equals(method) ? auto(m) : method;
		final LinearOperator a = m.operator();
		final float[] y = m.data();
		final Map<String, String> used = new LinkedHashMap<>();
		switch (name) {
			case "adjoint":
				return new Result(a.adjoint(y), a.domain(), new double[0], "", Result.direct(),
					"adjoint", used);
			case "fbp": {
				Checks.require(a instanceof ParallelBeamProjector, "method", "fbp for operator '" + m
					.operatorSpec().kind() + "'", "fbp only for radon measurements");
				final FbpFilter filter = fbpFilter(p.filter);
				used.put("filter", p.filter);
				return new Result(new FilteredBackProjection((ParallelBeamProjector) a, filter).apply(
					y), a.domain(), new double[0], "", Result.direct(), "fbp", used);
			}
			default:
				throw Checks.bad("method", "'" + method + "'", String.join(", ", NAMES));
		}
	}

	static FbpFilter fbpFilter(final String name) {
		switch (name) {
			case "ramp":
				return FbpFilter.RAMP;
			case "shepp_logan":
				return FbpFilter.SHEPP_LOGAN;
			case "hann":
				return FbpFilter.HANN;
			default:
				throw Checks.bad("filter", "'" + name + "'", "ramp, shepp_logan or hann");
		}
	}
}
