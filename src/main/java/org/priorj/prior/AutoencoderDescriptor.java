package org.priorj.prior;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.priorj.base.Checks;

/**
 * The descriptor ({@code descriptor.json}) of a prior folder holding a
 * {@link CompressiveAutoencoder}: kind "autoencoder", architecture "hyperprior-cae" with its width N
 * and latent channels M, the weights file and its SHA-256, value range [0, 1], one channel, and the
 * rate–distortion weight alpha it was trained with (loss bpp + alpha 255^2 MSE). Training provenance
 * is kept as given in {@link #training}. A folder may also hold VBLE-xz's
 * {@link VarianceDecoder} ({@code variance_decoder}: its weights file, SHA-256 and training
 * record), trained afterwards with the autoencoder frozen.
 */
public final class AutoencoderDescriptor {

	public static final String KIND = "autoencoder";
	public static final String ARCHITECTURE = "hyperprior-cae";

	public final String name;
	public final int width, latentChannels;
	public final String weights, sha256;
	public final double alpha;
	/** Free-form provenance: data, licence, seed, steps, wall time; may be empty. */
	public final JsonObject training;
	/** The variance decoder, if the folder has one. */
	public final Optional<Variance> variance;

	/** A variance decoder's weights file (inside the prior's folder), SHA-256 and provenance. */
	public record Variance(String weights, String sha256, JsonObject training) {}

	public AutoencoderDescriptor(final String name, final int width, final int latentChannels,
		final String weights, final String sha256, final double alpha, final JsonObject training)
	{
		this(name, width, latentChannels, weights, sha256, alpha, training, Optional.empty());
	}

	private AutoencoderDescriptor(final String name, final int width, final int latentChannels,
		final String weights, final String sha256, final double alpha, final JsonObject training,
		final Optional<Variance> variance)
	{
		this.variance = variance;
		this.name = name;
		this.width = Checks.positive("width", width);
		this.latentChannels = Checks.positive("latent_channels", latentChannels);
		this.weights = weights;
		this.sha256 = sha256;
		this.alpha = Checks.positive("alpha", alpha);
		this.training = training == null ? new JsonObject() : training;
	}

	/** This descriptor with a variance decoder. */
	public AutoencoderDescriptor withVariance(final Variance v) {
		return new AutoencoderDescriptor(name, width, latentChannels, weights, sha256, alpha,
			training, Optional.of(v));
	}

	/**
	 * The verified weights of the folder's variance decoder; refused, naming
	 * {@code variance_decoder}, when the descriptor names none.
	 */
	public Path verifiedVarianceWeights(final Path folder) {
		final Variance v = variance.orElseThrow(() -> Checks.bad("variance_decoder", "none in " +
			folder.resolve(PriorDescriptor.FILE), "a prior trained with a variance decoder " +
				"(priorj train --kind cae-variance), or VBLE-z, which needs none"));
		return PriorDescriptor.verified(folder.toAbsolutePath().normalize(), v.weights(), v.sha256(),
			"variance_weights", "variance_sha256");
	}

	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("name", name);
		o.addProperty("kind", KIND);
		final JsonObject arch = new JsonObject();
		arch.addProperty("name", ARCHITECTURE);
		arch.addProperty("width", width);
		arch.addProperty("latent_channels", latentChannels);
		arch.addProperty("multiple", CompressiveAutoencoder.MULTIPLE);
		o.add("architecture", arch);
		o.addProperty("format", "djl-block-parameters");
		o.addProperty("weights", weights);
		o.addProperty("sha256", sha256);
		final JsonArray range = new JsonArray();
		range.add(0.0);
		range.add(1.0);
		o.add("value_range", range);
		o.addProperty("channels", 1);
		final JsonObject rd = new JsonObject();
		rd.addProperty("alpha", alpha);
		rd.addProperty("loss", "bits per pixel + alpha * 255^2 * MSE, images in [0, 1]");
		o.add("rate_distortion", rd);
		o.add("training", training);
		variance.ifPresent(v -> {
			final JsonObject j = new JsonObject();
			j.addProperty("weights", v.weights());
			j.addProperty("sha256", v.sha256());
			j.addProperty("std", "sigmoid(g_sigma(z)) + " + VarianceDecoder.STD_FLOOR +
				", g_sigma shaped as the synthesis");
			j.add("training", v.training() == null ? new JsonObject() : v.training());
			o.add("variance_decoder", j);
		});
		return o;
	}

	public void write(final Path folder) throws IOException {
		Files.writeString(folder.resolve(PriorDescriptor.FILE), UnetDescriptor.gson().toJson(toJson()),
			StandardCharsets.UTF_8);
	}

	/** Reads the autoencoder fields of a prior folder's descriptor; {@link PriorDescriptor#verifiedWeights} checks the weights. */
	public static AutoencoderDescriptor read(final Path folder) throws IOException {
		final Path file = folder.resolve(PriorDescriptor.FILE);
		final JsonObject o;
		try {
			o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
				.getAsJsonObject();
		}
		catch (final NoSuchFileException e) {
			throw Checks.bad("prior", folder.toString(), "a folder holding " + PriorDescriptor.FILE);
		}
		catch (final JsonParseException | IllegalStateException e) {
			throw Checks.bad("descriptor", file + " (" + e.getMessage() + ")", "valid JSON");
		}
		try {
			final String kind = o.get("kind").getAsString();
			Checks.require(KIND.equals(kind), "kind", kind, KIND);
			final JsonObject arch = o.getAsJsonObject("architecture");
			final String a = arch.get("name").getAsString();
			Checks.require(ARCHITECTURE.equals(a), "architecture", a, ARCHITECTURE);
			final int channels = o.get("channels").getAsInt();
			Checks.require(channels == 1, "channels", "" + channels, "1");
			final JsonElement t = o.get("training");
			final AutoencoderDescriptor d = new AutoencoderDescriptor(o.get("name").getAsString(), arch
				.get("width").getAsInt(), arch.get("latent_channels").getAsInt(), o.get("weights")
					.getAsString(), o.get("sha256").getAsString(), o.getAsJsonObject("rate_distortion").get(
						"alpha").getAsDouble(), t != null && t.isJsonObject() ? t.getAsJsonObject() : null);
			final JsonObject v = o.getAsJsonObject("variance_decoder");
			if (v == null) return d;
			final JsonElement vt = v.get("training");
			return d.withVariance(new Variance(v.get("weights").getAsString(), v.get("sha256")
				.getAsString(), vt != null && vt.isJsonObject() ? vt.getAsJsonObject() : null));
		}
		catch (final NullPointerException | ClassCastException | IllegalStateException
			| UnsupportedOperationException e)
		{
			throw Checks.bad("descriptor", file.toString(),
				"the fields name, kind, architecture {name, width, latent_channels}, weights, sha256, channels, rate_distortion {alpha}, and optionally variance_decoder {weights, sha256}");
		}
	}
}
