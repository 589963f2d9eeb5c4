package org.priorj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpreadTest {

	private Locale saved;

	@BeforeEach
	void englishNumbers() {
		saved = Locale.getDefault();
		Locale.setDefault(Locale.ROOT);
	}

	@AfterEach
	void restoreLocale() {
		Locale.setDefault(saved);
	}

	@Test
	void oddCountTakesTheMiddleValueWhateverTheOrder() {
		final double[] rounds = { 33, 63, 25, 26, 31 };
		final Spread s = Spread.of(rounds);
		assertEquals(31, s.median);
		assertEquals(25, s.min);
		assertEquals(63, s.max);
		assertEquals(33, rounds[0], "the caller's rounds stay in their order");
	}

	@Test
	void evenCountTakesTheMeanOfTheMiddleTwo() {
		final Spread s = Spread.of(4, 1, 3, 2);
		assertEquals(2.5, s.median);
		assertEquals(1, s.min);
		assertEquals(4, s.max);
	}

	@Test
	void ratiosAreTakenRoundByRoundNotBetweenMedians() {
		// a loaded second round slows both sides alike: its ratio is the same as the first's
		final double[] skimage = { 150, 300, 140 };
		final double[] priorj = { 25, 50, 35 };
		final Spread r = Spread.ratios(skimage, priorj);
		assertEquals(6, r.median, 1e-12);
		assertEquals(4, r.min, 1e-12);
		assertEquals(6, r.max, 1e-12);
		// the ratio of the medians, 150 / 35 = 4.3, is what no round saw
		assertEquals(150.0 / 35, Spread.of(skimage).median / Spread.of(priorj).median, 1e-12);
	}

	@Test
	void formatsMedianAndRangeOrASingleRoundAlone() {
		assertEquals("25.53 (25.38-26.42)", Spread.of(25.53, 26.42, 25.38).format(2));
		assertEquals("5.7 (5.4-6.1)", Spread.of(5.7, 6.1, 5.4).format(1));
		assertEquals("12.35", Spread.of(12.35).format(2));
	}

	@Test
	void refusesNoRoundsMissingFiguresAndMismatchedRounds() {
		assertThrows(IllegalArgumentException.class, () -> Spread.of());
		assertThrows(IllegalArgumentException.class, () -> Spread.of(1, Double.NaN, 2));
		assertThrows(IllegalArgumentException.class, () -> Spread.ratios(new double[] { 1, 2 },
			new double[] { 1 }));
	}
}
