package org.priorj.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryTest {

	@Test
	void aRunThatFitsTheHeapExactlyIsAllowedAndOneByteMoreIsRefusedWithTheHeapToSet() {
		Memory.checkHeap("input", "4x4 pixels", 3L << 20, 3L << 20);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Memory.checkHeap("input", "4x4 pixels", (3L << 20) + 1, 1L << 20));
		assertEquals("Parameter 'input': 4x4 pixels need about 3 MB of Java heap, 1 MB are given; " +
			"allowed: a heap of at least 3 MB (java -Xmx515m; in Fiji Edit > Options > Memory & " +
			"Threads), or a smaller image or stack.", e.getMessage());
	}

	@Test
	void aNetworkCallThatFitsTheMachineExactlyIsAllowedAndOneByteMoreIsRefused() {
		Memory.checkHost("input", "4x4 pixels", 5L << 20, 5L << 20);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Memory.checkHost("input", "4x4 pixels", (5L << 20) + 1, 2L << 20));
		assertTrue(e.getMessage().startsWith("Parameter 'input': 4x4 pixels: one call of the " +
			"prior's network needs about 5 MB of memory, the machine has 2 MB; allowed:"), e
				.getMessage());
	}

	@Test
	void theMachinesMemoryAndTheHeapAreKnown() {
		assertTrue(Memory.physical() > Memory.maxHeap() / 4, "physical " + Memory.physical());
		assertTrue(Memory.maxHeap() > 0);
	}
}
