package org.priorj.prior;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import org.priorj.base.Checks;

/**
 * The descriptor of a prior, {@code descriptor.json} in the prior's own folder:
 *
 * <pre>
 * { "name": "natural-gray", "kind": "network" | "torchscript" | "analytic",
 *   "architecture": {...}, "weights": "weights.params", "sha256": "…",
 *   "range": [0, 1], "channels": 1,
 *   "convention": "denoiser" | "epsilon-vp",
 *   "sigma_min": 0.01, "sigma_max": 0.3,
 *   (or, as PriorJ's trainer writes them, "value_range": [0, 1] and
 *    "noise": { "convention": …, "min_sigma": …, "max_sigma": … })
 *   "training_data": "…", "licence": "…" }
 * </pre>
 *
 * "denoiser": the network computes D(x, sigma) with x and sigma in the range's units; "epsilon-vp":
 * it computes eps(x_t, t) of a linear-beta VP diffusion (1000 steps, beta 1e-4 to 0.02) on data in
 * the range. A weights path that leaves the prior's folder, a SHA-256 that does not match, an
 * unknown kind or convention, or a malformed field is refused with a message naming the field.
 */
public final class PriorDescriptor {

	public static final String FILE = "descriptor.json";

	private final Path folder;
	private final JsonObject json;
	private final String name;
	private final String kind;
	private final String convention;
	private final double low, high, sigmaMin, sigmaMax;
	private final int channels;

	private PriorDescriptor(final Path folder, final JsonObject json) {
		this.folder = folder;
		this.json = json;
		this.name = string("name");
		Checks.require(name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), "name", "'" + name + "'",
			"letters, digits, '.', '_' and '-'");
		this.kind = string("kind");
		// which kinds exist is the registry's to say (its PriorKind plugins), not the descriptor's
		Checks.require(kind.matches("[a-z][a-z0-9-]*"), "kind", "'" + kind + "'",
			"a kind's name: network, torchscript, analytic, autoencoder...");
		// the noise fields may sit in a "noise" object, as PriorJ's trainer writes them
		final JsonObject noise = json.has("noise") && json.get("noise").isJsonObject() ? json
			.getAsJsonObject("noise") : json;
		this.convention = noise.has("convention") ? noise.get("convention").getAsString() :
			"denoiser";
		Checks.require(convention.equals("denoiser") || convention.equals("epsilon-vp"),
			"convention", "'" + convention + "'", "denoiser or epsilon-vp");
		try {
			final var range = json.has("range") ? json.getAsJsonArray("range") : json.getAsJsonArray(
				"value_range");
			Checks.require(range != null && range.size() == 2, "range", String.valueOf(range),
				"[low, high]");
			this.low = range.get(0).getAsDouble();
			this.high = range.get(1).getAsDouble();
			this.channels = json.has("channels") ? json.get("channels").getAsInt() : 1;
			this.sigmaMin = number(noise, "sigma_min", "min_sigma", 0);
			this.sigmaMax = number(noise, "sigma_max", "max_sigma", Double.POSITIVE_INFINITY);
		}
		catch (final ClassCastException | IllegalStateException | NumberFormatException e) {
			throw Checks.bad("descriptor", "a malformed number in " + folder.resolve(FILE), "numbers for " +
				"range, channels, sigma_min, sigma_max");
		}
		Checks.require(low < high, "range", "[" + low + ", " + high + "]", "low < high");
		Checks.positive("channels", channels);
		Checks.require(sigmaMin >= 0 && sigmaMin <= sigmaMax, "sigma_min", sigmaMin + " (sigma_max " +
			sigmaMax + ")", "0 <= sigma_min <= sigma_max");
	}

	private static double number(final JsonObject o, final String key, final String alias,
		final double fallback)
	{
		if (o.has(key)) return o.get(key).getAsDouble();
		return o.has(alias) ? o.get(alias).getAsDouble() : fallback;
	}

	/** Reads {@code folder/descriptor.json}. */
	public static PriorDescriptor read(final Path folder) {
		final Path file = folder.resolve(FILE);
		Checks.require(Files.isRegularFile(file), "prior", "no " + FILE + " in '" + folder + "'",
			"a prior folder with a descriptor");
		try {
			final JsonObject json = new Gson().fromJson(Files.readString(file,
				StandardCharsets.UTF_8), JsonObject.class);
			Checks.require(json != null, "descriptor", "'" + file + "' is empty", "a JSON object");
			return new PriorDescriptor(folder.toAbsolutePath().normalize(), json);
		}
		catch (final IOException | JsonParseException e) {
			// Gson's message starts with its exception's class name, which means nothing to a user
			final Throwable why = e.getCause() != null && e instanceof JsonParseException ? e
				.getCause() : e;
			throw Checks.bad("descriptor", "'" + file + "' could not be read: " + String.valueOf(why
				.getMessage()).replaceFirst("^[\\w.]+(Exception|Error): ", ""),
				"a JSON object");
		}
	}

	private String string(final String key) {
		Checks.require(json.has(key) && json.get(key).isJsonPrimitive(), key, "missing in " + folder
			.resolve(FILE), "a string");
		return json.get(key).getAsString();
	}

	/**
	 * The weights file, refused when it lies outside the prior's folder or is missing, or when its
	 * SHA-256 differs from the descriptor's.
	 */
	public Path verifiedWeights() {
		return verified(folder, string("weights"), string("sha256"), "weights", "sha256");
	}

	/**
	 * The file {@code name} inside {@code folder}, refused (naming {@code fileParameter} or
	 * {@code hashParameter}) unless it exists there and has the SHA-256 {@code expected}.
	 */
	static Path verified(final Path folder, final String name, final String expected,
		final String fileParameter, final String hashParameter)
	{
		final Path path = folder.resolve(name).normalize();
		Checks.require(path.startsWith(folder) && !path.equals(folder), fileParameter, "'" + name +
			"' leaves the prior's folder " + folder, "a file inside the prior's folder");
		Checks.require(Files.isRegularFile(path), fileParameter, "'" + path + "' does not exist",
			"the weights file named in the descriptor");
		final String want = expected.toLowerCase(Locale.ROOT);
		final String actual = sha256(path);
		Checks.require(want.equals(actual), hashParameter, "weights '" + path +
			"' have SHA-256 " + actual + " but the descriptor says " + want,
			"the untouched weights file (re-download or re-train the prior)");
		return path;
	}

	public static String sha256(final Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest
			.getInstance("SHA-256")))
		{
			final byte[] buf = new byte[1 << 16];
			while (in.read(buf) >= 0) {
				// the digest stream hashes as it reads
			}
			final StringBuilder sb = new StringBuilder();
			for (final byte b : ((DigestInputStream) in).getMessageDigest().digest()) sb.append(String
				.format("%02x", b));
			return sb.toString();
		}
		catch (final IOException | NoSuchAlgorithmException e) {
			throw new IllegalStateException("Cannot hash '" + file + "': " + e, e);
		}
	}

	public Path folder() {
		return folder;
	}

	public String name() {
		return name;
	}

	public String kind() {
		return kind;
	}

	public String convention() {
		return convention;
	}

	public double low() {
		return low;
	}

	public double high() {
		return high;
	}

	public int channels() {
		return channels;
	}

	public double sigmaMin() {
		return sigmaMin;
	}

	public double sigmaMax() {
		return sigmaMax;
	}

	/** The whole descriptor (a copy), for fields a loader needs (architecture, format...). */
	public JsonObject json() {
		return json.deepCopy();
	}

	/** A one-line summary for listings. */
	public String summary() {
		return name + " (" + kind + ", " + convention + ", range [" + low + ", " + high + "], " +
			channels + " channel" + (channels == 1 ? "" : "s") + ", sigma " + sigmaMin + "-" +
			sigmaMax + (json.has("training_data") && json.get("training_data").isJsonPrimitive() ?
				"; trained on " + json.get("training_data").getAsString() : "") + ")";
	}
}
