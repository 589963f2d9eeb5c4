package org.priorj.prior;

import ai.djl.ndarray.NDArray;

/** Helpers for blocks that compute with their parameters. */
final class Parameters {

	private Parameters() {}

	/**
	 * {@code value}, computed from a parameter, moved to the manager of the call's input {@code x}.
	 * An operation's result belongs to its first operand's manager, which for a parameter is the
	 * model's, alive as long as the model: without the move every call would leave its |gamma|,
	 * softplus(matrix)... behind (a training run grew by 30 MB a step). The input's manager is
	 * closed by the caller after the step, the backward pass included.
	 */
	static NDArray derived(final NDArray value, final NDArray x) {
		value.attach(x.getManager());
		return value;
	}
}
