package org.priorj.physics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.priorj.base.Checks;

/**
 * The text that defines a forward operator, {@code kind key=value key=value ...}, for example
 * {@code radon angles=0:180:30 detectors=256}. It is what a measurement file carries in its
 * metadata, so that a solver rebuilds exactly the operator that made the data; {@link Operators}
 * turns it into a {@link LinearOperator}. Values hold no spaces; lists are comma-separated.
 */
public final class OperatorSpec {

	private final String kind;
	private final Map<String, String> params;

	private OperatorSpec(final String kind, final Map<String, String> params) {
		this.kind = kind;
		this.params = params;
	}

	public static OperatorSpec of(final String kind, final String... keyValues) {
		Checks.require(keyValues.length % 2 == 0, "operator", "odd number of key/value strings",
			"pairs of key and value");
		final Map<String, String> p = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) p.put(keyValues[i], keyValues[i + 1]);
		return check(kind, p);
	}

	public static OperatorSpec parse(final String text) {
		Checks.require(text != null && !text.isBlank(), "operator", "empty text",
			"'kind key=value ...', e.g. 'radon angles=0:180:30'");
		final String[] tokens = text.trim().split("\\s+");
		final Map<String, String> p = new LinkedHashMap<>();
		for (int i = 1; i < tokens.length; i++) {
			final int eq = tokens[i].indexOf('=');
			Checks.require(eq > 0, "operator", "'" + tokens[i] + "' in '" + text + "'",
				"key=value pairs after the operator kind");
			p.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
		}
		return check(tokens[0], p);
	}

	private static OperatorSpec check(final String kind, final Map<String, String> p) {
		Checks.require(kind.matches("[a-z][a-z0-9_-]*"), "operator", "kind '" + kind + "'",
			"a lower-case operator name");
		for (final Map.Entry<String, String> e : p.entrySet())
			Checks.require(!e.getValue().isEmpty() && !e.getValue().matches(".*\\s.*"), e.getKey(),
				"value '" + e.getValue() + "'", "a value without spaces");
		return new OperatorSpec(kind, Collections.unmodifiableMap(p));
	}

	public String kind() {
		return kind;
	}

	public Map<String, String> params() {
		return params;
	}

	public String get(final String key, final String fallback) {
		return params.getOrDefault(key, fallback);
	}

	public String require(final String key) {
		final String v = params.get(key);
		if (v == null) throw Checks.bad(key, "missing from operator '" + this + "'", "a value");
		return v;
	}

	public double getDouble(final String key, final double fallback) {
		final String v = params.get(key);
		if (v == null) return fallback;
		try {
			return Double.parseDouble(v);
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(key, "'" + v + "'", "a number");
		}
	}

	public int getInt(final String key, final int fallback) {
		final String v = params.get(key);
		if (v == null) return fallback;
		try {
			return Integer.parseInt(v);
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(key, "'" + v + "'", "an integer");
		}
	}

	public long getLong(final String key, final long fallback) {
		final String v = params.get(key);
		if (v == null) return fallback;
		try {
			return Long.parseLong(v);
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(key, "'" + v + "'", "an integer");
		}
	}

	/** This spec with one more (or a replaced) parameter. */
	public OperatorSpec with(final String key, final String value) {
		final Map<String, String> p = new LinkedHashMap<>(params);
		p.put(key, value);
		return check(kind, p);
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder(kind);
		params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
		return sb.toString();
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof OperatorSpec && toString().equals(o.toString());
	}

	@Override
	public int hashCode() {
		return toString().hashCode();
	}
}
