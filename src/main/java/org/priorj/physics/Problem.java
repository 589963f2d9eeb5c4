package org.priorj.physics;

import java.util.Arrays;
import java.util.Optional;

import org.priorj.base.Shape;
import org.priorj.image.ValueRange;

/**
 * An inverse problem y = A x + n as every solver takes it: the task, the forward operator A (which
 * holds the side inputs: mask, PSF, angles, sampling, coil maps), the data y, their noise model
 * when it is known, how the operator and the data were obtained (for the result's record), and
 * optionally the user's map of the unknown's values onto a prior's range. Built by
 * {@link Problems} from a measurement, a plain image with its side inputs, or a simulation.
 * Immutable: {@link #withRange} returns a new problem.
 */
public final class Problem {

	private final Task task;
	private final LinearOperator operator;
	private final float[] data;
	private final String operatorText, source, noise;
	private final ValueRange range;

	/** What is known of the noise of data that were not simulated here. */
	static final String UNKNOWN_NOISE = "unknown (measured)";

	Problem(final Task task, final LinearOperator operator, final float[] data,
		final String operatorText, final String source, final String noise, final ValueRange range)
	{
		this.task = task;
		this.operator = operator;
		this.data = operator.range().check("input", data, "the operator's data shape " + operator
			.range());
		this.operatorText = operatorText;
		this.source = source;
		this.noise = noise;
		this.range = range;
	}

	public Task task() {
		return task;
	}

	public LinearOperator operator() {
		return operator;
	}

	/** The data (not a copy: treat as read-only). */
	public float[] data() {
		return data;
	}

	/** The unknown's shape: (H, W), a stack (Z, H, W), or (2, H, W) for a complex image. */
	public Shape imageShape() {
		return operator.domain();
	}

	public boolean isComplex() {
		return task.isComplex();
	}

	/** The operator as the user gave it, e.g. {@code radon angles=0:180:30 detectors=64}. */
	public String operatorText() {
		return operatorText;
	}

	/** Where the data came from, e.g. {@code measurement cells-measurement}. */
	public String source() {
		return source;
	}

	/** The noise model of the data, as simulated (e.g. {@code gaussian sigma=0.01}), or unknown. */
	public String noise() {
		return noise;
	}

	/** The user's map of the unknown's values onto a prior's range, if one was given. */
	public Optional<ValueRange> range() {
		return Optional.ofNullable(range);
	}

	public Problem withRange(final ValueRange r) {
		return new Problem(task, operator, data, operatorText, source, noise, r);
	}

	/**
	 * The measured values where the operator sees the image (A 1 nonzero): all of them, except the
	 * zeros a mask writes at missing pixels, which are no data.
	 */
	public float[] observedValues() {
		final float[] a1 = operator.apply(ones(operator.domain().size()));
		final float[] v = new float[data.length];
		int n = 0;
		for (int i = 0; i < data.length; i++)
			if (Math.abs(a1[i]) > 1e-6f) v[n++] = data[i];
		return n == 0 ? data : Arrays.copyOf(v, n);
	}

	static float[] ones(final int n) {
		final float[] ones = new float[n];
		Arrays.fill(ones, 1f);
		return ones;
	}

	@Override
	public String toString() {
		return task + ": " + operatorText + " (" + source + ")";
	}
}
