package org.priorj.physics.mri;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.priorj.base.Shape;

class MriBadInputTest {

	private static void assertRefused(final String parameter, final Executable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
		assertTrue(e.getMessage().contains("'" + parameter + "'"), "message should name " +
			parameter + ": " + e.getMessage());
	}

	private static final SamplingMask MASK = SamplingMasks.uniformLines(16, 12, 4, 0.1, 1);
	private static final CoilMaps MAPS = CoilMaps.synthetic(3, 16, 12);

	@Test
	void maskOfAnotherSizeIsRefused() {
		assertRefused("mask", () -> new SingleCoilMri(16, 13, MASK));
		assertRefused("mask", () -> new SingleCoilMri(12, 16, MASK));
		assertRefused("mask", () -> new SingleCoilMri(16, 12, null));
		assertRefused("mask", () -> new MultiCoilMri(17, 12, MASK, CoilMaps.synthetic(3, 17, 12)));
	}

	@Test
	void maskWithoutSamplesOrWithNanIsRefused() {
		assertRefused("mask", () -> SamplingMask.fromImage(4, 4, new float[16]));
		final float[] nan = new float[16];
		nan[3] = Float.NaN;
		assertRefused("mask", () -> SamplingMask.fromImage(4, 4, nan));
		assertRefused("mask", () -> SamplingMask.fromImage(4, 4, new float[15]));
		assertRefused("mask", () -> SamplingMask.fromImage(4, 4, null));
	}

	@Test
	void coilMapsOfTheWrongShapeAreRefused() {
		assertRefused("coil_maps", () -> new MultiCoilMri(16, 12, MASK, CoilMaps.synthetic(3, 16,
			11)));
		assertRefused("coil_maps", () -> new MultiCoilMri(16, 12, MASK, null));
		assertRefused("coil_maps", () -> CoilMaps.of(Shape.of(2, 16, 12), new float[384]));
		assertRefused("coil_maps", () -> CoilMaps.of(Shape.of(1, 3, 16, 12), new float[576]));
		assertRefused("coil_maps", () -> CoilMaps.of(Shape.of(3, 2, 16, 12), new float[1000]));
		assertRefused("coil_maps", () -> CoilMaps.of(Shape.of(3, 2, 16, 12), null));
		assertRefused("coil_maps", () -> CoilMaps.of(null, new float[1152]));
	}

	@Test
	void nanInCoilMapsIsRefused() {
		final float[] maps = MAPS.values();
		maps[500] = Float.NaN;
		assertRefused("coil_maps", () -> CoilMaps.of(MAPS.shape(), maps));
		maps[500] = Float.POSITIVE_INFINITY;
		assertRefused("coil_maps", () -> CoilMaps.of(MAPS.shape(), maps));
	}

	@Test
	void kspaceOfTheWrongLengthIsRefused() {
		final SingleCoilMri single = new SingleCoilMri(16, 12, MASK);
		final MultiCoilMri multi = new MultiCoilMri(16, 12, MASK, MAPS);
		final float[] image = new float[384];
		assertRefused("kspace", () -> single.zeroFilled(new float[383]));
		assertRefused("kspace", () -> single.adjoint(new float[385]));
		assertRefused("kspace", () -> single.apply(image, new float[10]));
		assertRefused("kspace", () -> single.adjoint(new float[10], image));
		assertRefused("kspace", () -> multi.zeroFilled(new float[384]));
		assertRefused("kspace", () -> multi.adjoint(new float[384]));
		assertRefused("kspace", () -> multi.apply(image, new float[384]));
		assertRefused("kspace", () -> new CenteredFft2(16, 12).inverse(new float[5], image));
		assertRefused("image", () -> multi.apply(new float[383], new float[3 * 384]));
	}

	@Test
	void accelerationBelowOneOrBeyondTheLineCountIsRefused() {
		assertRefused("acceleration", () -> SamplingMasks.uniformLines(16, 12, 0.5, 0.1, 1));
		assertRefused("acceleration", () -> SamplingMasks.uniformLines(16, 12, Double.NaN, 0.1, 1));
		assertRefused("acceleration", () -> SamplingMasks.uniformLines(16, 12, 0.9, 1));
		assertRefused("acceleration", () -> SamplingMasks.uniformLines(16, 12, 30, 0.01, 1));
		assertRefused("acceleration", () -> SamplingMasks.gaussianLines(16, 12, 0, 0.1, 3, 1));
		assertRefused("acceleration", () -> SamplingMasks.defaultCenterFraction(-4));
	}

	@Test
	void centreFractionOutsideTheOpenUnitIntervalIsRefused() {
		for (final double cf : new double[] { 0, 1, -0.1, 1.5, Double.NaN }) {
			assertRefused("center_fraction", () -> SamplingMasks.uniformLines(16, 64, 4, cf, 1));
			assertRefused("center_fraction", () -> SamplingMasks.gaussianLines(16, 64, 4, cf, 5,
				1));
		}
		// 0.5 of 64 columns is 32 central lines, more than the 16 that x4 allows
		assertRefused("center_fraction", () -> SamplingMasks.uniformLines(16, 64, 4, 0.5, 1));
	}

	@Test
	void otherGeneratorParametersAreChecked() {
		assertRefused("std", () -> SamplingMasks.gaussianLines(16, 64, 4, 0.08, 0, 1));
		assertRefused("spokes", () -> SamplingMasks.radial(16, 16, 0, false));
		assertRefused("fraction", () -> SamplingMasks.randomPixels(16, 16, 0, 0, 1));
		assertRefused("fraction", () -> SamplingMasks.randomPixels(16, 16, 1.2, 0, 1));
		assertRefused("center_radius", () -> SamplingMasks.randomPixels(16, 16, 0.1, -1, 1));
		assertRefused("center_radius", () -> SamplingMasks.randomPixels(16, 16, 0.1, 6, 1));
		assertRefused("height", () -> SamplingMasks.radial(0, 16, 3, true));
		assertRefused("width", () -> SamplingMasks.uniformLines(16, -2, 4, 1));
		assertRefused("coils", () -> CoilMaps.synthetic(0, 16, 16));
	}

	@Test
	void malformedComplexImagesAreRefusedByTheHelpers() {
		assertRefused("complex_image", () -> SingleCoilMri.magnitude(new float[3]));
		assertRefused("complex_image", () -> SingleCoilMri.magnitude(null));
		assertRefused("re", () -> SingleCoilMri.complexFromReal(null));
	}

	@Test
	void refusalsLeaveNoPartialState() {
		// a refused operator call writes nothing
		final SingleCoilMri single = new SingleCoilMri(16, 12, MASK);
		final float[] out = new float[10];
		Arrays.fill(out, 7f);
		assertRefused("kspace", () -> single.apply(new float[384], out));
		for (final float v : out) assertTrue(v == 7f);
	}
}
