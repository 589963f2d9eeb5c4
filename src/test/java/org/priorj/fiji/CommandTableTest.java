package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.priorj.physics.Task;

/** The command table is what the commands' annotations say, and everything is made from it. */
class CommandTableTest {

	@Test
	void everyCommandDeclaresItsMenuAndCommandLineNameOnce() {
		final List<CommandTable.Entry> entries = CommandTable.entries();
		assertEquals(14, entries.size(), entries.toString());
		assertEquals("Simulate measurement...", entries.get(0).label(), "menu order: priority");
		final Set<String> names = new HashSet<>();
		for (final CommandTable.Entry e : entries) {
			assertTrue(e.menu().startsWith("Plugins>PriorJ"), e.toString());
			assertTrue(e.summary() != null && !e.summary().isBlank(), e.toString());
			assertTrue(names.add(e.cli()), "command-line name used twice: " + e.cli());
		}
		assertTrue(names.containsAll(List.of("simulate", "solve", "restore", "reconstruct-ct",
			"reconstruct-mri", "reconstruct-volume", "reconstruct-dynamic", "train", "vble")), names.toString());
	}

	@Test
	void learnedMethodsGoToTheCommandOfTheMeasurementsTask() {
		assertEquals(List.of("red-diff", "vble", "dds"), CommandTable.methods());
		assertEquals("vble", CommandTable.learned("vble", Task.DEBLURRING).orElseThrow().cli());
		assertEquals("restore", CommandTable.learned("red-diff", Task.INPAINTING).orElseThrow().cli());
		assertEquals("reconstruct-ct", CommandTable.learned("dds", Task.CT).orElseThrow().cli());
		assertEquals("reconstruct-mri", CommandTable.learned("dds", Task.MRI).orElseThrow().cli());
		assertEquals("reconstruct-ct", CommandTable.learned("dds", null).orElseThrow().cli());
		assertTrue(CommandTable.learned("magic", Task.CT).isEmpty());
	}

	@Test
	void pluginsConfigHasOneEntryPerCommand() {
		final String config = CommandTable.pluginsConfig();
		for (final CommandTable.Entry e : CommandTable.entries())
			assertTrue(config.contains(e.menu() + ", \"" + e.label() +
				"\", org.priorj.fiji.CommandPlugIn(\"" + e.className() + "\")"), e.toString());
		assertEquals(CommandTable.entries().size(), config.lines().filter(l -> !l.startsWith("#"))
			.count());
	}

	@Test
	void theCommandsAreFoundWhateverTheThreadsClassLoader() {
		final Thread t = Thread.currentThread();
		final ClassLoader own = t.getContextClassLoader();
		t.setContextClassLoader(ClassLoader.getPlatformClassLoader());
		try {
			assertEquals(CommandTable.entries(), CommandTable.discover());
		}
		finally {
			t.setContextClassLoader(own);
		}
	}
}
