package org.priorj.solve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.priorj.base.Shape;

/**
 * What a solver returns: the estimate with its shape, the per-step history of the quantity the
 * method monitors (residual norm, objective...), how the run ended, and the method's name and
 * parameters, which commands write into the output image's info. Methods that give them add a
 * standard-deviation map and posterior samples ({@link #withUncertainty}); classical methods leave
 * them empty.
 */
public final class Result {

	private final float[] estimate;
	private final Shape shape;
	private final double[] history;
	private final String historyLabel;
	private final Iterations.Outcome outcome;
	private final String method;
	private final Map<String, String> parameters;
	private final float[] std;
	private final List<float[]> samples;

	public Result(final float[] estimate, final Shape shape, final double[] history,
		final String historyLabel, final Iterations.Outcome outcome, final String method,
		final Map<String, String> parameters)
	{
		this.estimate = shape.check("estimate", estimate, "estimate shape");
		this.shape = shape;
		this.history = history;
		this.historyLabel = historyLabel;
		this.outcome = outcome;
		this.method = method;
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		this.std = null;
		this.samples = List.of();
	}

	private Result(final Result r, final float[] std, final List<float[]> samples) {
		estimate = r.estimate;
		shape = r.shape;
		history = r.history;
		historyLabel = r.historyLabel;
		outcome = r.outcome;
		method = r.method;
		parameters = r.parameters;
		this.std = std;
		this.samples = samples;
	}

	/**
	 * This result with a per-pixel standard-deviation map and the samples it came from (each of the
	 * estimate's shape; the list may be empty when the samples were not kept).
	 */
	public Result withUncertainty(final float[] stdMap, final List<float[]> kept) {
		shape.check("std", stdMap, "estimate shape");
		for (final float[] k : kept) shape.check("samples", k, "estimate shape");
		return new Result(this, stdMap, List.copyOf(kept));
	}

	/** The standard-deviation map, if the method gives one. */
	public Optional<float[]> std() {
		return Optional.ofNullable(std);
	}

	/** The samples kept (empty when none were). */
	public List<float[]> samples() {
		return samples;
	}

	public float[] estimate() {
		return estimate;
	}

	public Shape shape() {
		return shape;
	}

	/** One value per completed step (may be empty for direct methods). */
	public double[] history() {
		return history;
	}

	/** What {@link #history()} holds, e.g. "residual norm ||Ax - y||". */
	public String historyLabel() {
		return historyLabel;
	}

	public int iterations() {
		return outcome.steps;
	}

	public boolean cancelled() {
		return outcome.cancelled;
	}

	public boolean converged() {
		return outcome.converged;
	}

	public String method() {
		return method;
	}

	public Map<String, String> parameters() {
		return parameters;
	}

	/** "method key=value ...", for image info and logs. */
	public String describe() {
		final StringBuilder sb = new StringBuilder(method);
		parameters.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
		sb.append(" iterations_run=").append(outcome.steps);
		if (outcome.cancelled) sb.append(" (cancelled)");
		return sb.toString();
	}

	/** A direct method's outcome: one step, done. */
	public static Iterations.Outcome direct() {
		return new Iterations.Outcome(1, false, true);
	}
}
