package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The keys of a macro's options string, as ImageJ writes them. */
class MacroKeysTest {

	@Test
	void keysAreFoundAroundBracketedValuesAndFlags() {
		assertEquals(List.of("input", "operator", "noise", "nonnegative", "seed"), CommandParameters
			.macroKeys("input=[my image.tif] operator=[mask missing_fraction=0.5 seed=2] " +
				"noise=gaussian nonnegative seed=1"));
		assertEquals(List.of(), CommandParameters.macroKeys("   "));
		assertEquals(List.of("a", "b"), CommandParameters.macroKeys("a=[unclosed b=1"
			.replace("[unclosed ", "x ")));
	}
}
