package org.priorj.prior;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.priorj.base.Checks;

/**
 * The descriptor ({@code descriptor.json}) of a prior folder holding a {@link NoiseConditionalUnet}
 * denoiser: kind "network", architecture "noise-conditional-unet" with its widths, the weights file
 * (a plain name inside the folder) and its SHA-256, value range [0, 1], one channel, and the noise
 * convention "denoiser" (sigma in value-range units) with the trained sigma range. Training
 * provenance (data, licence, seed, steps, wall time) is kept as given in {@link #training}.
 */
public final class UnetDescriptor {

	public static final String FILE = "descriptor.json";
	public static final String KIND = "network";
	public static final String ARCHITECTURE = "noise-conditional-unet";
	public static final String CONVENTION = "denoiser";
	public static final String PRECONDITIONING = "edm";

	public final String name;
	public final int[] widths;
	public final String weights;
	public final String sha256;
	public final double minSigma, maxSigma;
	/** Free-form provenance: data, licence, seed, steps, wall time; may be empty. */
	public final JsonObject training;

	public UnetDescriptor(final String name, final int[] widths, final String weights,
		final String sha256, final double minSigma, final double maxSigma, final JsonObject training)
	{
		this.name = name;
		this.widths = widths.clone();
		this.weights = weights;
		this.sha256 = sha256;
		this.minSigma = minSigma;
		this.maxSigma = maxSigma;
		this.training = training == null ? new JsonObject() : training;
	}

	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("name", name);
		o.addProperty("kind", KIND);
		final JsonObject arch = new JsonObject();
		arch.addProperty("name", ARCHITECTURE);
		arch.addProperty("levels", widths.length);
		final JsonArray w = new JsonArray();
		for (final int v : widths)
			w.add(v);
		arch.add("widths", w);
		arch.addProperty("preconditioning", PRECONDITIONING);
		arch.addProperty("sigma_data", UnetPreconditioning.SIGMA_DATA);
		o.add("architecture", arch);
		o.addProperty("format", "djl-block-parameters");
		o.addProperty("weights", weights);
		o.addProperty("sha256", sha256);
		final JsonArray range = new JsonArray();
		range.add(0.0);
		range.add(1.0);
		o.add("value_range", range);
		o.addProperty("channels", 1);
		final JsonObject noise = new JsonObject();
		noise.addProperty("convention", CONVENTION);
		noise.addProperty("units", "sigma in the units of the value range [0,1]");
		noise.addProperty("min_sigma", minSigma);
		noise.addProperty("max_sigma", maxSigma);
		o.add("noise", noise);
		o.add("training", training);
		return o;
	}

	public void write(final Path folder) throws IOException {
		Files.writeString(folder.resolve(FILE), gson().toJson(toJson()), StandardCharsets.UTF_8);
	}

	/** Reads the network fields of a prior folder's descriptor; {@link PriorDescriptor#verifiedWeights} checks the weights. */
	public static UnetDescriptor read(final Path folder) throws IOException {
		final Path file = folder.resolve(FILE);
		final JsonObject o;
		try {
			o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
				.getAsJsonObject();
		}
		catch (final NoSuchFileException e) {
			throw Checks.bad("prior", folder.toString(), "a folder holding " + FILE);
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
			final JsonArray w = arch.getAsJsonArray("widths");
			final int[] widths = new int[w.size()];
			for (int i = 0; i < widths.length; i++)
				widths[i] = w.get(i).getAsInt();
			final JsonObject noise = o.getAsJsonObject("noise");
			final String convention = noise.get("convention").getAsString();
			Checks.require(CONVENTION.equals(convention), "noise convention", convention, CONVENTION);
			final int channels = o.get("channels").getAsInt();
			Checks.require(channels == 1, "channels", "" + channels, "1");
			final JsonElement t = o.get("training");
			return new UnetDescriptor(o.get("name").getAsString(), widths, o.get("weights")
				.getAsString(), o.get("sha256").getAsString(), noise.get("min_sigma").getAsDouble(),
				noise.get("max_sigma").getAsDouble(), t != null && t.isJsonObject() ? t.getAsJsonObject()
					: null);
		}
		catch (final NullPointerException | ClassCastException | IllegalStateException
			| UnsupportedOperationException e)
		{
			throw Checks.bad("descriptor", file.toString(),
				"the fields name, kind, architecture {name, widths}, weights, sha256, channels, noise {convention, min_sigma, max_sigma}");
		}
	}



	public static Gson gson() {
		return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
	}
}
