package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusProgressTest {

	@Test
	void startingARunDoesNotClearARequestToAnotherRunningOne() {
		final StatusProgress first = new StatusProgress(null);
		assertFalse(first.isCancelled());
		Cancellation.requestAll();
		final StatusProgress second = new StatusProgress(null);
		assertTrue(first.isCancelled(), "the first run's request was cleared by the second's start");
		assertFalse(second.isCancelled(), "a run that starts after the request is not cancelled");
	}

	@Test
	void aRequestToOneRunLeavesTheOthersGoing() {
		final StatusProgress a = new StatusProgress(null), b = new StatusProgress(null);
		a.cancellation().request();
		assertTrue(a.isCancelled());
		assertFalse(b.isCancelled());
	}
}
