package org.priorj.prior;

import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.priorj.base.Checks;

/**
 * Priors of kind {@code analytic}: exact Gaussian denoisers given by a formula in the descriptor,
 * for checking a solver against its closed form and as baselines. The descriptor's
 * {@code "analytic"} object names the model and its numbers, in the descriptor's value range:
 * <pre>
 *   "analytic": {"model": "gaussian", "mean": 0.5, "std": 0.2}
 *   "analytic": {"model": "stationary-gaussian", "mean": 0.5, "amplitude": 0.05, "k0": 0.05, "alpha": 1}
 * </pre>
 * {@code gaussian}: independent pixels ({@link DiagonalGaussianDenoiser}); {@code stationary-gaussian}:
 * the power spectrum amplitude / (1 + (|f| / k0)^2)^alpha ({@link StationaryGaussianDenoiser}).
 */
final class AnalyticPriors {

	private AnalyticPriors() {}

	static Denoiser load(final PriorDescriptor d) {
		final JsonObject json = d.json();
		Checks.require(json.has("analytic") && json.get("analytic").isJsonObject(), "analytic",
			"missing in the descriptor of '" + d.name() + "'",
			"an object {\"model\": \"gaussian\" or \"stationary-gaussian\", ...}");
		final JsonObject a = json.getAsJsonObject("analytic");
		final String model = text(a, "model").toLowerCase(Locale.ROOT);
		switch (model) {
			case "gaussian":
				return DiagonalGaussianDenoiser.uniform(d.channels(), number(a, "mean"), number(a, "std"),
					d.low(), d.high());
			case "stationary-gaussian":
				return StationaryGaussianDenoiser.parametric(d.channels(), number(a, "mean"), number(a,
					"amplitude"), number(a, "k0"), number(a, "alpha"), d.low(), d.high());
			default:
				throw Checks.bad("analytic.model", "'" + model + "'", "gaussian or stationary-gaussian");
		}
	}

	private static String text(final JsonObject a, final String key) {
		final JsonElement e = a.get(key);
		Checks.require(e != null && e.isJsonPrimitive(), "analytic." + key, "missing",
			"gaussian or stationary-gaussian");
		return e.getAsString();
	}

	private static double number(final JsonObject a, final String key) {
		final JsonElement e = a.get(key);
		Checks.require(e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber(),
			"analytic." + key, e == null ? "missing" : "'" + e + "'", "a number");
		return e.getAsDouble();
	}
}
