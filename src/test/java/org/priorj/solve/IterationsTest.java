package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class IterationsTest {

	/** Cancels once {@code after} steps were reported. */
	static Progress cancelAfter(final int after, final List<Integer> reports) {
		return new Progress() {

			int done;

			@Override
			public void report(final String task, final int d, final int total) {
				done = d;
				reports.add(d);
			}

			@Override
			public boolean isCancelled() {
				return done >= after;
			}
		};
	}

	@Test
	void cancellingStopsBetweenStepsAndSaysSo() {
		final List<Integer> reports = new ArrayList<>();
		final int[] ran = { 0 };
		final Iterations.Outcome o = Iterations.run("t", 10, cancelAfter(3, reports), k -> {
			ran[0]++;
			return true;
		});
		assertEquals(3, o.steps);
		assertEquals(3, ran[0]);
		assertTrue(o.cancelled);
		assertEquals(List.of(0, 1, 2, 3), reports);
	}

	@Test
	void convergenceEndsTheLoopEarly() {
		final Iterations.Outcome o = Iterations.run("t", 10, Progress.NONE, k -> k < 4);
		assertEquals(5, o.steps);
		assertTrue(o.converged);
		assertFalse(o.cancelled);
	}

	@Test
	void etaIsUnknownUntilAStepIsDoneThenProportional() throws Exception {
		final Eta eta = new Eta();
		assertTrue(Double.isNaN(eta.secondsLeft("a", 0, 10)));
		Thread.sleep(20);
		final double left = eta.secondsLeft("a", 2, 10);
		assertTrue(left > 0.05 && left < 5, "eta " + left);
		assertEquals("1 min 05 s", Eta.format(65));
	}

	@Test
	void etaFollowsATaskWhoseTextChangesAsItGoesAndRestartsWithANewCount() throws Exception {
		final Eta eta = new Eta();
		assertTrue(Double.isNaN(eta.secondsLeft("x step 1/5, slices 1–8", 1, 10)));
		Thread.sleep(20);
		assertTrue(eta.secondsLeft("x step 1/5, slices 9–16", 2, 10) > 0.05);
		assertTrue(eta.secondsLeft("x step 2/5, slices 1–8", 3, 10) > 0.05);
		assertTrue(Double.isNaN(eta.secondsLeft("y", 0, 10)), "a count going back is a new task");
		assertTrue(Double.isNaN(eta.secondsLeft("y", 1, 20)), "so is another total");
		assertTrue(Double.isNaN(eta.secondsLeft("z", 1, 20)), "and another text with nothing done since");
		Thread.sleep(20);
		assertTrue(eta.secondsLeft("z", 2, 20) > 0);
	}
}
