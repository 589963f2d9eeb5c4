package org.priorj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers of PriorJ, lowest first: a package refers only to the layers below it (each
 * package-info.java states its rule). A sub-package belongs to its parent's layer and may also use
 * the parent.
 */
class LayeringTest {

	private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
		Map.entry("base", Set.of()),
		Map.entry("image", Set.of("base")),
		Map.entry("metrics", Set.of("base", "image")),
		Map.entry("physics", Set.of("base", "image")),
		Map.entry("prior", Set.of("base", "image", "physics")),
		Map.entry("train", Set.of("base", "image", "prior")),
		Map.entry("solve", Set.of("base", "image", "physics", "prior")),
		Map.entry("api", Set.of("base", "image", "metrics", "physics", "prior", "solve")),
		Map.entry("fiji", Set.of("base", "image", "metrics", "physics", "prior", "train", "solve")),
		Map.entry("cli", Set.of("base", "image", "metrics", "physics", "prior", "train", "solve", "fiji")),
		Map.entry("bench", Set.of("base", "image", "metrics", "physics", "prior", "train", "solve", "api", "fiji",
			"cli")));

	/**
	 * A reference to another package: an import, a qualified name in code or a javadoc link (not a
	 * class named in a string, which is how the command line finds the benchmarks when they are
	 * there).
	 */
	private static final Pattern REFERENCE = Pattern.compile("(?<!package )\\borg\\.priorj\\.([a-z]+)\\.");

	@Test
	void eachPackageRefersOnlyToTheLayersBelowIt() throws IOException {
		final Path root = Path.of("src/main/java/org/priorj");
		final List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (final Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
				final String layer = root.relativize(f).getName(0).toString();
				final Set<String> allowed = ALLOWED.get(layer);
				if (allowed == null) {
					violations.add(f + ": package " + layer + " has no layer");
					continue;
				}
				final Matcher m = REFERENCE.matcher(Files.readString(f).replaceAll("\"[^\"\\n]*\"",
					"\"\""));
				while (m.find())
					if (!m.group(1).equals(layer) && !allowed.contains(m.group(1)))
						violations.add(root.relativize(f) + " refers to " + m.group(1));
			}
		}
		assertEquals(List.of(), violations);
	}
}
