package org.priorj.solve;

import org.priorj.base.Progress;

import java.util.function.IntPredicate;

/**
 * The loop every iterative solver runs: up to {@code count} steps, a progress report after each,
 * and a stop between steps when the user cancels or the step reports convergence. Solvers keep their
 * estimate current after every step, so whatever stops the loop, the caller returns a valid iterate.
 */
public final class Iterations {

	private Iterations() {}

	/**
	 * Runs {@code step.test(k)} for k = 0, 1, ... while it returns true (false: converged), at most
	 * {@code count} times.
	 *
	 * @return the outcome: steps completed, and whether the user cancelled
	 */
	public static Outcome run(final String task, final int count, final Progress progress,
		final IntPredicate step)
	{
		progress.report(task, 0, count);
		for (int k = 0; k < count; k++) {
			if (progress.isCancelled()) return new Outcome(k, true, false);
			final boolean more = step.test(k);
			progress.report(task, k + 1, count);
			if (!more) return new Outcome(k + 1, false, true);
		}
		return new Outcome(count, false, false);
	}

	/** How a loop ended. */
	public static final class Outcome {

		public final int steps;
		public final boolean cancelled;
		public final boolean converged;

		Outcome(final int steps, final boolean cancelled, final boolean converged) {
			this.steps = steps;
			this.cancelled = cancelled;
			this.converged = converged;
		}
	}
}
