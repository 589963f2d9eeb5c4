package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.prior.PriorAssertions.assertRefused;

import org.junit.jupiter.api.Test;

class DiffusionScheduleTest {

	private static final DiffusionSchedule ADM = DiffusionSchedule.linear();

	@Test
	void alphaBarMatchesAdmLinearSchedule() {
		// numpy: b = np.linspace(1e-4, 0.02, 1000); a = np.cumprod(1 - b)
		assertEquals(1000, ADM.steps());
		assertEquals(1e-4, ADM.beta(0), 0);
		assertEquals(0.02, ADM.beta(999), 0);
		assertEquals(0.9999, ADM.alphaBar(0), 1e-15);
		assertEquals(4.035829765375676e-05, ADM.alphaBar(999), 1e-17);
		assertEquals(4.0358e-5, ADM.alphaBar(999), 1e-9);
		assertEquals(0.07779665836502389, ADM.alphaBar(500), 1e-14);
		for (int t = 1; t < 1000; t++) assertTrue(ADM.alphaBar(t) < ADM.alphaBar(t - 1));
	}

	@Test
	void sigmaIsRedDiffWeightAndSnrItsInverseSquare() {
		// w_t / lambda = sqrt((1 - abar) / abar): 0.0100005 at t = 0, 157.407 at t = 999
		assertEquals(0.0100005, ADM.sigma(0), 5e-8);
		assertEquals(157.407, ADM.sigma(999), 5e-4);
		assertEquals(157.40728081040757, ADM.sigma(999), 1e-9);
		for (final int t : new int[] { 0, 10, 500, 999 }) {
			assertEquals(1, ADM.snr(t) * ADM.sigma(t) * ADM.sigma(t), 1e-12);
			assertEquals(ADM.alphaBar(t), DiffusionSchedule.alphaBarOf(ADM.sigma(t)), 1e-15);
		}
	}

	@Test
	void ddimTimestepsDescendWithAdmSpacing() {
		final int[] hundred = ADM.ddimTimesteps(100);
		assertEquals(100, hundred.length);
		for (int i = 0; i < 100; i++) assertEquals(990 - 10 * i, hundred[i]);
		final int[] fifty = ADM.ddimTimesteps(50);
		assertEquals(50, fifty.length);
		for (int i = 0; i < 50; i++) assertEquals(980 - 20 * i, fifty[i]);
		assertArrayEquals(new int[] { 0 }, ADM.ddimTimesteps(1));
		final int[] all = ADM.ddimTimesteps(1000);
		assertEquals(999, all[0]);
		assertEquals(0, all[999]);
		final int[] thirty = ADM.ddimTimesteps(30);
		assertEquals(30, thirty.length);
		assertEquals(29 * 33, thirty[0]);
		assertEquals(0, thirty[29]);
	}

	@Test
	void continuousTimeInvertsAlphaBar() {
		for (final int t : new int[] { 0, 1, 17, 500, 998, 999 }) {
			assertEquals(t, ADM.continuousTime(ADM.alphaBar(t)), 1e-9);
			assertEquals(t, ADM.nearestTime(ADM.alphaBar(t)));
		}
		// between two steps: log-linear interpolation
		final double mid = Math.sqrt(ADM.alphaBar(300) * ADM.alphaBar(301));
		assertEquals(300.5, ADM.continuousTime(mid), 1e-9);
		// outside the schedule: clamped
		assertEquals(0, ADM.continuousTime(1), 0);
		assertEquals(999, ADM.continuousTime(1e-9), 0);
	}

	@Test
	void karrasGridMatchesEdmFormula() {
		// numpy: i = arange(18); (80^(1/7) + i / 17 (0.002^(1/7) - 80^(1/7)))^7
		final double[] s = DiffusionSchedule.karrasSigmas(18, 0.002, 80, DiffusionSchedule.DEFAULT_RHO);
		assertEquals(18, s.length);
		assertEquals(80, s[0], 0);
		assertEquals(57.58598472124816, s[1], 1e-11);
		assertEquals(1.923339837040052, s[9], 1e-13);
		assertEquals(0.0075280199627840785, s[16], 1e-15);
		assertEquals(0.002, s[17], 0);
		assertArrayEquals(new double[] { 5 }, DiffusionSchedule.karrasSigmas(1, 0.1, 5, 7));
	}

	@Test
	void geometricGridIsVarianceExplodingLadder() {
		// numpy: exp(linspace(log 50, log 0.01, 10))
		final double[] s = DiffusionSchedule.geometricSigmas(10, 0.01, 50);
		assertEquals(50, s[0], 0);
		assertEquals(19.407667236782135, s[1], 1e-12);
		assertEquals(0.44054134013486346, s[5], 1e-14);
		assertEquals(0.01, s[9], 0);
		for (int i = 1; i < 9; i++) assertEquals(s[1] / s[0], s[i + 1] / s[i], 1e-12);
	}

	@Test
	void refusesBadArgumentsNamingThem() {
		assertRefused("t", () -> ADM.alphaBar(-1));
		assertRefused("t", () -> ADM.alphaBar(1000));
		assertRefused("t", () -> ADM.sigma(1000));
		assertRefused("t", () -> ADM.beta(-1));
		assertRefused("steps", () -> ADM.ddimTimesteps(0));
		assertRefused("steps", () -> ADM.ddimTimesteps(1001));
		assertRefused("steps", () -> DiffusionSchedule.linear(1, 1e-4, 0.02));
		assertRefused("beta_start", () -> DiffusionSchedule.linear(10, 0, 0.02));
		assertRefused("beta_end", () -> DiffusionSchedule.linear(10, 0.02, 0.01));
		assertRefused("sigma", () -> DiffusionSchedule.alphaBarOf(-0.1));
		assertRefused("sigma", () -> DiffusionSchedule.alphaBarOf(Double.NaN));
		assertRefused("alpha_bar", () -> DiffusionSchedule.sigmaOf(0));
		assertRefused("alpha_bar", () -> ADM.continuousTime(1.5));
		assertRefused("steps", () -> DiffusionSchedule.karrasSigmas(0, 0.1, 1, 7));
		assertRefused("sigma_min", () -> DiffusionSchedule.geometricSigmas(5, 0, 1));
		assertRefused("sigma_max", () -> DiffusionSchedule.geometricSigmas(5, 1, 0.5));
		assertRefused("rho", () -> DiffusionSchedule.karrasSigmas(5, 0.1, 1, 0));
	}

	@Test
	void limitsOfTheScheduleAndOfTheCoveredStart() {
		// two steps and a constant beta are schedules; the start covers sigma up to and including
		assertEquals(2, DiffusionSchedule.linear(2, 0.1, 0.1).steps());
		assertEquals(0.9 * 0.9, DiffusionSchedule.linear(2, 0.1, 0.1).alphaBar(1), 1e-12);
		assertEquals(500, ADM.startCovering(ADM.sigma(499)));
		assertEquals(499, ADM.startCovering(Math.nextDown(ADM.sigma(499))));
		assertEquals(1, ADM.startCovering(0));
		assertRefused("steps", () -> DiffusionSchedule.linear(1, 0.1, 0.2));
		assertRefused("beta_start", () -> DiffusionSchedule.linear(10, 0, 0.2));
		assertRefused("beta_end", () -> DiffusionSchedule.linear(10, 0.2, 0.1));
		assertRefused("beta_end", () -> DiffusionSchedule.linear(10, 0.2, 1));
	}
}
