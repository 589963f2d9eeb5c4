package org.priorj.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * The array exchange format of PriorJ's benchmarks, which numpy writes without extra packages:
 * {@code NAME.f32} holds the values as raw little-endian float32 in row-major order (last index
 * fastest, numpy's C order), and {@code NAME.json} the header
 * {@code {"dtype": "float32", "byte_order": "little", "shape": [d0, d1, ...]}}.
 */
final class RawFloatArray {

	final Shape shape;
	final float[] data;

	RawFloatArray(final Shape shape, final float[] data) {
		this.shape = shape;
		this.data = shape.check("data", data, "the header's shape");
	}

	/** Reads {@code NAME.json} and {@code NAME.f32} from {@code dir}. */
	static RawFloatArray read(final Path dir, final String name) throws IOException {
		final Path header = dir.resolve(name + ".json"), values = dir.resolve(name + ".f32");
		final JsonObject h = new Gson().fromJson(Files.readString(header, StandardCharsets.UTF_8),
			JsonObject.class);
		final String allowed = "{\"dtype\": \"float32\", \"byte_order\": \"little\", \"shape\": [...]}";
		Checks.require(h != null && "float32".equals(text(h, "dtype")) && "little".equals(text(h,
			"byte_order")) && h.has("shape") && h.get("shape").isJsonArray(), "header", header +
				" holds " + h, allowed);
		final JsonArray s = h.getAsJsonArray("shape");
		final int[] dims = new int[s.size()];
		long count = 1;
		for (int i = 0; i < dims.length; i++) {
			dims[i] = s.get(i).getAsInt();
			Checks.require(dims[i] > 0, "header", header + " has shape " + s,
				"positive dimensions");
			count *= dims[i];
		}
		final long bytes = Files.size(values);
		Checks.require(bytes == 4 * count, "data", values + " has " + bytes + " bytes",
			4 * count + " bytes (4 per value of shape " + s + ")");
		final float[] data = new float[(int) count];
		ByteBuffer.wrap(Files.readAllBytes(values)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
			.get(data);
		return new RawFloatArray(Shape.of(dims), data);
	}

	/** Writes {@code NAME.json} and {@code NAME.f32} into {@code dir}. */
	void write(final Path dir, final String name) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(data);
		Files.write(dir.resolve(name + ".f32"), b.array());
		final JsonObject h = new JsonObject();
		h.addProperty("dtype", "float32");
		h.addProperty("byte_order", "little");
		final JsonArray s = new JsonArray();
		for (final int d : shape.dims()) s.add(d);
		h.add("shape", s);
		Files.writeString(dir.resolve(name + ".json"), h.toString(), StandardCharsets.UTF_8);
	}

	/** The transpose of a 2-D array (rows become columns). */
	RawFloatArray transposed() {
		Checks.require(shape.rank() == 2, "data", "shape " + shape, "a 2-D array");
		final int h = shape.dim(0), w = shape.dim(1);
		final float[] t = new float[data.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) t[x * h + y] = data[y * w + x];
		return new RawFloatArray(Shape.of(w, h), t);
	}

	private static String text(final JsonObject o, final String key) {
		return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
	}
}
