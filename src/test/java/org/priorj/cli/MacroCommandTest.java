package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code priorj macro}: a macro file runs headless with PriorJ's commands and its argument. */
class MacroCommandTest {

	@TempDir
	Path dir;

	@Test
	void aMacroFileRunsWithItsArgumentAndSaysWhatHeadlessImageJLacks() throws Exception {
		final Path macro = dir.resolve("m.ijm");
		Files.writeString(macro, "open(getArgument());\n" +
			"run(\"Simulate measurement...\", \"input=[\" + getTitle() + \"] operator=identity " +
			"noise=none\");\nprint(\"made \" + getTitle());\n", StandardCharsets.UTF_8);
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final PrintStream saved = System.out;
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		final int rc;
		try {
			rc = MacroCommand.run(List.of(macro.toString(), Path.of("test-images/coins.png")
				.toAbsolutePath().toString()), System.out, new PrintStream(err, true,
					StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(saved);
		}
		assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("made coins-measurement"), out
			.toString(StandardCharsets.UTF_8));
		assertEquals(Set.of("32-bit", "Gaussian Blur..."), MacroCommand.unavailable(
			"run('32-bit'); run(\"Gaussian Blur...\", \"sigma=2\"); run('Restore (RED-Diff)...');"));
	}

	@Test
	void aStoppedMacroOrAMissingFileIsExitCodeTwo() throws Exception {
		final Path macro = dir.resolve("bad.ijm");
		Files.writeString(macro, "run(\"Simulate measurement...\", \"input=nosuch\");\n" +
			"print(\"went on\");\n", StandardCharsets.UTF_8);
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertEquals(2, MacroCommand.run(List.of(macro.toString()), System.out, new PrintStream(err,
			true, StandardCharsets.UTF_8)));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Parameter 'input'"), err.toString(
			StandardCharsets.UTF_8));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> MacroCommand.run(List.of(dir.resolve("none.ijm").toString()), System.out, System.err));
		assertTrue(e.getMessage().startsWith("Parameter 'file'"), e.getMessage());
		assertEquals(2, MacroCommand.run(List.of(), System.out, System.err));
	}
}
