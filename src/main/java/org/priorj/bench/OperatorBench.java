package org.priorj.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.OperatorSpec;
import org.priorj.physics.Operators;
import org.priorj.base.Shape;
import org.priorj.physics.ct.FilteredBackProjection;
import org.priorj.physics.ct.ParallelBeamProjector;

/**
 * {@code priorj bench operators}: times every forward operator at one image size (apply, adjoint,
 * and both), states the memory each holds and allocates per call, and, given scikit-image's timings
 * from the same run ({@code scripts/bench_skimage_operators.py}), prints the ratios.
 */
final class OperatorBench {

	private final int size;
	private final int angles;
	private final int repeats;
	private final PrintStream out;

	OperatorBench(final int size, final int angles, final int repeats, final PrintStream out) {
		this.size = size;
		this.angles = angles;
		this.repeats = repeats;
		this.out = out;
	}

	void run(final Path skimageJson) throws IOException {
		final JsonObject sk = skimageJson == null ? null : new Gson().fromJson(Files.readString(
			skimageJson, StandardCharsets.UTF_8), JsonObject.class);
		final float[] phantom = EllipsePhantom.sheppLogan(size, true);
		out.println("Image " + size + "x" + size + ", " + Runtime.getRuntime()
			.availableProcessors() + " cores, Java " + System.getProperty("java.version") +
			"; median of " + repeats + " rounds, each the best of 3 calls.");
		out.println();
		out.println("| operator | apply ms | adjoint ms | apply+adjoint ms (min-max) | held by the operator | allocated per apply+adjoint |");
		out.println("|---|---|---|---|---|---|");
		final Shape img = Shape.of(size, size);
		final Shape cplx = Shape.of(2, size, size);
		final String a180 = "radon angles=0:180:" + angles;
		final Map<String, Shape> specs = new java.util.LinkedHashMap<>();
		specs.put(a180, img);
		specs.put("radon angles=0:180:60", img);
		specs.put("blur psf=gaussian:2 boundary=reflect", img);
		specs.put("downsample factor=4 method=bicubic", img);
		specs.put("mask missing_fraction=0.5", img);
		specs.put("mri mask=uniform1d acceleration=4", cplx);
		specs.put("mri mask=uniform1d acceleration=4 coils=8", cplx);
		double radonBoth = Double.NaN;
		for (final Map.Entry<String, Shape> e : specs.entrySet()) {
			final long heap0 = Timer.usedHeapAfterGc();
			final LinearOperator a = Operators.build(OperatorSpec.parse(e.getKey()), e.getValue());
			final long held = Math.max(0, Timer.usedHeapAfterGc() - heap0);
			final float[] x = e.getValue().rank() == 2 ? phantom : complex(phantom);
			final float[] y = a.apply(x);
			final float[] ax = a.range().newArray(), aty = a.domain().newArray();
			final Timer.Result fwd = Timer.time(() -> a.apply(x, ax), repeats, 3);
			final Timer.Result adj = Timer.time(() -> a.adjoint(y, aty), repeats, 3);
			final Timer.Result both = Timer.time(() -> {
				a.apply(x, ax);
				a.adjoint(y, aty);
			}, repeats, 3);
			if (e.getKey().equals(a180)) radonBoth = both.medianMs;
			out.printf("| `%s` | %.2f | %.2f | %.2f (%.2f-%.2f) | %s | %s |%n", e.getKey(),
				fwd.medianMs, adj.medianMs, both.medianMs, both.minMs, both.maxMs, bytes(held), bytes(
					both.allocatedBytes));
		}
		final ParallelBeamProjector p = (ParallelBeamProjector) Operators.build(OperatorSpec.parse(
			a180), img);
		final FilteredBackProjection fbp = FilteredBackProjection.ramp(p);
		final float[] sino = p.apply(phantom);
		final Timer.Result fbpTime = Timer.time(() -> fbp.apply(sino), repeats, 3);
		out.printf("| FBP ramp, %d angles | %.2f | | | | %s |%n", angles, fbpTime.medianMs, bytes(
			fbpTime.allocatedBytes));
		if (sk == null) return;
		out.println();
		out.println("scikit-image " + "(same run, same machine, float64, circle=True):");
		out.println();
		out.println("| comparison | PriorJ ms | scikit-image ms | speed-up |");
		out.println("|---|---|---|---|");
		final double skRadon = median(sk, "skimage radon");
		out.printf("| Radon forward+adjoint (PriorJ) vs `radon` forward only (scikit-image), %d angles | %.2f | %.2f | %.1fx |%n",
			angles, radonBoth, skRadon, skRadon / radonBoth);
		final double skFbp = median(sk, "skimage iradon ramp (FBP)");
		out.printf("| FBP ramp vs `iradon` ramp, %d angles | %.2f | %.2f | %.1fx |%n", angles,
			fbpTime.medianMs, skFbp, skFbp / fbpTime.medianMs);
	}

	private static double median(final JsonObject sk, final String key) {
		return sk.getAsJsonObject(key).get("median_ms").getAsDouble();
	}

	private static float[] complex(final float[] re) {
		final float[] c = new float[2 * re.length];
		System.arraycopy(re, 0, c, 0, re.length);
		return c;
	}

	static String bytes(final long b) {
		if (b < 0) return "n/a";
		if (b < 10_000) return b + " B";
		if (b < 10_000_000) return String.format("%.0f KB", b / 1e3);
		return String.format("%.1f MB", b / 1e6);
	}
}
