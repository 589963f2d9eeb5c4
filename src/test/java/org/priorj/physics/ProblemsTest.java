package org.priorj.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;
import org.priorj.image.Pixels;
import org.priorj.image.ValueRange;
import org.priorj.physics.mri.MultiCoilMri;
import org.priorj.physics.mri.SingleCoilMri;

/**
 * The one factory of problems: what each input makes, and every refusal by the parameter's name.
 */
class ProblemsTest {

	private static final SideInputs.Restoration NONE = new SideInputs.Restoration(null, "", "", null,
		4);

	private static Pixels image(final String parameter, final int... dims) {
		final Shape s = Shape.of(dims);
		final float[] v = new float[s.size()];
		for (int i = 0; i < v.length; i++) v[i] = (i * 37 % 101) / 101f;
		return new Pixels(parameter, parameter + ".tif", s, v);
	}

	private static Pixels ones(final String parameter, final int... dims) {
		final Pixels p = image(parameter, dims);
		java.util.Arrays.fill(p.values(), 1);
		return p;
	}

	private static void refuses(final String parameter, final Runnable call) {
		refuses(parameter, "", call);
	}

	/** Refused as {@code parameter}, with {@code words} in the message. */
	private static void refuses(final String parameter, final String words, final Runnable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
		assertTrue(e.getMessage().startsWith("Parameter '" + parameter + "'") && e.getMessage()
			.contains(words), e.getMessage());
	}

	@Test
	void aMeasurementKeepsItsOperatorAndIsCheckedAgainstTheSolversTasks() {
		final Pixels x = image("truth", 16, 16);
		final Measurement m = Simulator.simulate(x.values(), x.shape(), OperatorSpec.parse(
			"downsample factor=2"), NoiseModel.NONE, 0);
		final Problem p = Problems.fromMeasurement(m, "m", Set.of(Task.SUPER_RESOLUTION, Task.MRI),
			Optional.of(Task.SUPER_RESOLUTION));
		assertEquals(Task.SUPER_RESOLUTION, p.task());
		assertEquals("measurement m", p.source());
		assertEquals("downsample factor=2", p.operatorText());
		assertSame(m.data(), p.data());
		assertEquals(m.noise(), p.noise());
		assertEquals(Shape.of(16, 16), p.imageShape());
		assertFalse(p.isComplex());
		assertTrue(p.range().isEmpty());
		refuses("input", () -> Problems.fromMeasurement(m, "m", Set.of(Task.CT), Optional.empty()));
		refuses("task", () -> Problems.fromMeasurement(m, "m", EnumSet.allOf(Task.class), Optional.of(
			Task.DEBLURRING)));
		final Measurement odd = Simulator.simulate(image("t", 15, 15).values(), Shape.of(15, 15),
			OperatorSpec.parse("downsample factor=3"), NoiseModel.NONE, 0);
		assertEquals(Task.SUPER_RESOLUTION, Problems.fromMeasurement(odd, "o").task());
		final Measurement full = Simulator.simulate(x.values(), x.shape(), OperatorSpec.parse(
			"mask missing_fraction=0"), NoiseModel.NONE, 0);
		refuses("input", () -> Problems.fromMeasurement(full, "f"));
	}

	@Test
	void aPlainImageWithItsDegradationMakesTheTasksOperator() {
		final Pixels in = image("input", 12, 16);
		final Problem sr = Problems.fromImage(Task.SUPER_RESOLUTION, in, NONE);
		assertEquals(Shape.of(48, 64), sr.imageShape());
		assertSame(in.values(), sr.data());
		assertEquals("image input.tif", sr.source());
		assertEquals("unknown (measured)", sr.noise());
		final Problem blur = Problems.fromImage(Task.DEBLURRING, in, new SideInputs.Restoration(null,
			"", " gaussian:1 ", null, 4));
		assertEquals("blur psf=gaussian:1", blur.operatorText());
		assertTrue(blur.operator() instanceof Blur);
		final Problem psfImage = Problems.fromImage(Task.DEBLURRING, in, new SideInputs.Restoration(
			null, "", "", ones("psf_image", 3, 3), 4));
		assertEquals("blur psf=image:psf_image.tif", psfImage.operatorText());
		assertEquals(Task.DENOISING, Problems.fromImage(Task.DENOISING, in, NONE).task());
		final Problem boxes = Problems.fromImage(Task.INPAINTING, in, new SideInputs.Restoration(null,
			" 0,0, 4,4 ", "", null, 4));
		assertEquals("mask boxes=0,0,4,4", boxes.operatorText());
		for (int i = 0; i < 4; i++) assertEquals(0, boxes.data()[i], "missing pixels hold no data");
		assertEquals(12 * 16 - 16, boxes.observedValues().length);
		refuses("factor", () -> Problems.fromImage(Task.SUPER_RESOLUTION, in, new SideInputs
			.Restoration(null, "", "", null, 5)));
		refuses("factor", () -> Problems.fromImage(Task.SUPER_RESOLUTION, in, new SideInputs
			.Restoration(null, "", "", null, 1)));
		refuses("psf", () -> Problems.fromImage(Task.DEBLURRING, in, new SideInputs.Restoration(null,
			"", "motion:40:0", null, 4)));
		refuses("psf_image", () -> Problems.fromImage(Task.DEBLURRING, in, new SideInputs.Restoration(
			null, "", "", ones("psf_image", 2, 3, 3), 4)));
		refuses("psf_image", () -> Problems.fromImage(Task.DEBLURRING, in, new SideInputs.Restoration(
			null, "", "", ones("psf_image", 13, 3), 4)));
		refuses("mask", () -> Problems.fromImage(Task.INPAINTING, in, NONE));
		refuses("boxes", () -> Problems.fromImage(Task.INPAINTING, in, new SideInputs.Restoration(ones(
			"mask", 12, 16), "0,0,2,2", "", null, 4)));
		refuses("boxes", () -> Problems.fromImage(Task.INPAINTING, in, new SideInputs.Restoration(null,
			"0,0,16,12", "", null, 4)));
		refuses("mask", () -> Problems.fromImage(Task.INPAINTING, in, new SideInputs.Restoration(ones(
			"mask", 12, 16), "", "", null, 4)));
		refuses("mask", () -> Problems.fromImage(Task.INPAINTING, in, new SideInputs.Restoration(image(
			"mask", 12, 15), "", "", null, 4)));
		refuses("task", () -> Problems.fromImage(Task.DYNAMIC_CT, in, NONE));
		refuses("task", () -> Problems.fromImage(Task.CT, in, NONE));
	}

	@Test
	void aStackOfMasksGivesEachSliceItsOwn() {
		final Pixels in = image("input", 2, 8, 8);
		final Pixels masks = ones("mask", 2, 8, 8);
		masks.values()[3] = 0; // slice 0 misses pixel 3
		masks.values()[64 + 5] = 0; // slice 1 misses pixel 5
		final Problem p = Problems.fromImage(Task.INPAINTING, in, new SideInputs.Restoration(masks, "",
			"", null, 4));
		assertEquals(0, p.data()[3]);
		assertEquals(in.values()[5], p.data()[5]);
		assertEquals(0, p.data()[64 + 5]);
		assertEquals(in.values()[64 + 3], p.data()[64 + 3]);
		refuses("mask", () -> Problems.fromImage(Task.INPAINTING, in, new SideInputs.Restoration(ones(
			"mask", 3, 8, 8), "", "", null, 4)));
	}

	@Test
	void aSinogramTakesItsGeometryFromItsSideInputs() {
		final Pixels sino = image("input", 10, 24);
		final Problem p = Problems.fromImage(Task.CT, sino, new SideInputs.Sinogram("", 0, 0));
		assertEquals("radon angles=0:180:10 detectors=24", p.operatorText());
		assertEquals(Shape.of(24, 24), p.imageShape());
		assertEquals("sinogram input.tif", p.source());
		assertEquals(Shape.of(20, 20), Problems.fromImage(Task.CT, sino, new SideInputs.Sinogram(
			"0:90:10", 24, 20)).imageShape());
		refuses("angles", () -> Problems.fromImage(Task.CT, sino, new SideInputs.Sinogram("0:180:9", 0,
			0)));
		refuses("detectors", () -> Problems.fromImage(Task.CT, sino, new SideInputs.Sinogram("", 30,
			0)));
		refuses("size", () -> Problems.fromImage(Task.CT, sino, new SideInputs.Sinogram("", 0, -2)));
		refuses("input", () -> Problems.fromImage(Task.CT, image("input", 2, 10, 24), new SideInputs
			.Sinogram("", 0, 0)));
		refuses("task", () -> Problems.fromImage(Task.CT, sino, NONE));
	}

	@Test
	void aSinogramOfASquarePaddedToItsDiagonalIsReconstructedAtTheSquaresSize() {
		final float[] square = new float[32 * 32];
		java.util.Arrays.fill(square, 1f);
		final double[] angles = Operators.angles("0:180:30");
		// ceil(32 sqrt 2) = 46 bins, as scikit-image's radon(circle=False) makes them
		final float[] s = new org.priorj.physics.ct.ParallelBeamProjector(32, 32, angles, 46).apply(
			square);
		final Pixels sino = new Pixels("input", "padded.tif", Shape.of(30, 46), s);
		assertEquals(Shape.of(32, 32), Problems.fromImage(Task.CT, sino, new SideInputs.Sinogram("",
			0, 0)).imageShape());
	}

	@Test
	void kspaceAndItsSamplingAndCoilsAreCheckedAgainstEachOther() {
		final SideInputs.Kspace uniform = new SideInputs.Kspace("uniform1d acceleration=4", null, null,
			1, 0);
		final Problem single = Problems.fromImage(Task.MRI, image("input", 2, 16, 16), uniform);
		assertTrue(single.operator() instanceof SingleCoilMri);
		assertTrue(single.isComplex());
		assertEquals(Shape.of(2, 16, 16), single.imageShape());
		final Pixels maps = image("coil_maps", 6, 16, 16);
		final Problem multi = Problems.fromImage(Task.MRI, image("input", 6, 16, 16), new SideInputs
			.Kspace("uniform1d acceleration=4", null, maps, 1, 0));
		assertTrue(multi.operator() instanceof MultiCoilMri);
		refuses("input", () -> Problems.fromImage(Task.MRI, image("input", 16, 16), uniform));
		refuses("input", () -> Problems.fromImage(Task.MRI, image("input", 3, 16, 16), uniform));
		refuses("coil_maps", () -> Problems.fromImage(Task.MRI, image("input", 4, 16, 16), uniform));
		refuses("coil_maps", () -> Problems.fromImage(Task.MRI, image("input", 4, 16, 16),
			new SideInputs.Kspace("uniform1d", null, maps, 1, 0)));
		refuses("coil_maps", () -> Problems.fromImage(Task.MRI, image("input", 6, 16, 16),
			new SideInputs.Kspace("uniform1d", null, image("coil_maps", 6, 16, 8), 1, 0)));
		refuses("mask", () -> Problems.fromImage(Task.MRI, image("input", 2, 16, 16), new SideInputs
			.Kspace("", new Pixels("mask_image", "zeros", Shape.of(16, 16), new float[256]), null, 1,
				0)));
		refuses("mask_image", () -> Problems.fromImage(Task.MRI, image("input", 2, 16, 16),
			new SideInputs.Kspace("", ones("mask_image", 16, 8), null, 1, 0)));
		refuses("mask", () -> Problems.fromImage(Task.MRI, image("input", 2, 16, 16), new SideInputs
			.Kspace("uniform1d coils=2", null, null, 1, 0)));
		refuses("coils", () -> Problems.simulate(Task.MRI, image("input", 16, 16), new SideInputs
			.Kspace("uniform1d", null, null, 0, 0), 0, 0));
	}

	@Test
	void aSimulatedAcquisitionIsTheOperatorAppliedWithRelativeNoise() {
		final Pixels x = image("input", 16, 16);
		final Problem ct = Problems.simulate(Task.CT, x, new SideInputs.Sinogram("", 0, 0), 0, 0);
		assertEquals("radon angles=" + Problems.DEFAULT_SCAN_ANGLES + " (simulated, noise 0.0 x max)",
			ct.operatorText());
		assertArrayEquals(ct.operator().apply(x.values()), ct.data());
		final Problem noisy = Problems.simulate(Task.CT, x, new SideInputs.Sinogram("0:180:8", 0, 0),
			0.01, 3);
		assertEquals(8 * 16, noisy.data().length);
		assertTrue(noisy.noise().startsWith("gaussian"), noisy.noise());
		assertEquals(NoiseModel.NONE.describe(), ct.noise());
		assertFalse(java.util.Arrays.equals(noisy.operator().apply(x.values()), noisy.data()));
		final Problem mri = Problems.simulate(Task.MRI, x, new SideInputs.Kspace("uniform1d", null,
			null, 3, 0), 0, 0);
		assertTrue(mri.operator() instanceof MultiCoilMri);
		assertEquals(Shape.of(2, 16, 16), mri.imageShape());
		refuses("input", () -> Problems.simulate(Task.CT, image("input", 2, 16, 16), new SideInputs
			.Sinogram("", 0, 0), 0, 0));
		refuses("input", () -> Problems.simulate(Task.MRI, image("input", 3, 16, 16), new SideInputs
			.Kspace("uniform1d", null, null, 1, 0), 0, 0));
		refuses("noise_level", () -> Problems.simulate(Task.CT, x, new SideInputs.Sinogram("", 0, 0),
			-0.1, 0));
		refuses("task", () -> Problems.simulate(Task.DEBLURRING, x, NONE, 0, 0));
	}

	@Test
	void aProblemFromCodeCarriesTheUsersRangeOnlyInACopy() {
		final LinearOperator a = new Identity(Shape.of(4, 4));
		final Problem p = Problems.of(Task.DENOISING, a, new float[16], "script");
		final Problem ranged = p.withRange(ValueRange.fromMinMax(0, 1, -1, 1));
		assertTrue(p.range().isEmpty());
		assertEquals(ValueRange.fromMinMax(0, 1, -1, 1).toString(), ranged.range().orElseThrow()
			.toString());
		assertSame(p.data(), ranged.data());
		assertEquals(p.noise(), ranged.noise());
		assertEquals("denoising: " + a.describe() + " (script)", p.toString());
		refuses("input", () -> Problems.of(Task.DENOISING, a, new float[15], "script"));
		assertEquals(List.of(Task.values()).size(), 7);
	}

	@Test
	void refusalsSayWhatIsAllowed() {
		final Pixels in = image("input", 12, 16);
		final Measurement undivided = new Measurement(OperatorSpec.parse("downsample factor=3"), Shape
			.of(16, 16), Shape.of(5, 5), new float[25], "none", 0);
		refuses("factor", "3 does not divide the image size 16x16; allowed: images whose width and " +
			"height are multiples of 3, e.g. 15x15 (crop) or 18x18 (pad)", () -> Problems
				.fromMeasurement(undivided, "u"));
		refuses("factor", "2, 3 or 4", () -> Problems.fromImage(Task.SUPER_RESOLUTION, in,
			new SideInputs.Restoration(null, "", "", null, 5)));
		refuses("mask", "a mask of the input's size 16x12", () -> Problems.fromImage(Task.INPAINTING,
			in, new SideInputs.Restoration(image("mask", 12, 15), "", "", null, 4)));
		refuses("mask", "(one plane, or 2 planes)", () -> Problems.fromImage(Task.INPAINTING, image(
			"input", 2, 12, 16), new SideInputs.Restoration(image("mask", 3, 12, 16), "", "", null, 4)));
		refuses("psf_image", "a PSF of 3x13 pixels for an image of 16x12", () -> Problems.fromImage(
			Task.DEBLURRING, in, new SideInputs.Restoration(null, "", "", ones("psf_image", 13, 3), 4)));
		refuses("psf", "", () -> Problems.fromImage(Task.DEBLURRING, in, new SideInputs.Restoration(
			null, "", null, null, 4)));
		refuses("input", "one sinogram", () -> Problems.fromImage(Task.CT, image("input", 2, 10, 24),
			new SideInputs.Sinogram("", 0, 0)));
		refuses("input", "(complex data passed as one channel)", () -> Problems.fromImage(Task.MRI,
			image("input", 16, 16), new SideInputs.Kspace("uniform1d", null, null, 1, 0)));
		refuses("input", "3 slices", () -> Problems.fromImage(Task.MRI, image("input", 3, 16, 16),
			new SideInputs.Kspace("uniform1d", null, null, 1, 0)));
		refuses("coil_maps", "2C slices (real, imaginary per coil) of the image's size 16x16", () ->
			Problems.fromImage(Task.MRI, image("input", 6, 16, 16), new SideInputs.Kspace("uniform1d",
				null, image("coil_maps", 6, 16, 8), 1, 0)));
		refuses("coil_maps", "3 coils; allowed: as many coils as the k-space has: 2", () -> Problems
			.fromImage(Task.MRI, image("input", 4, 16, 16), new SideInputs.Kspace("uniform1d", null,
				image("coil_maps", 6, 16, 16), 1, 0)));
		refuses("coil_maps", "a stack of 4 slices", () -> Problems.fromImage(Task.MRI, image("input", 4,
			16, 16), new SideInputs.Kspace("uniform1d", null, null, 1, 0)));
		refuses("task", "no side inputs", () -> Problems.fromImage(Task.CT, in, null));
		refuses("task", "restoration inputs", () -> Problems.fromImage(Task.MRI, in, NONE));
		refuses("mask", "", () -> Problems.fromImage(Task.MRI, image("input", 2, 16, 16),
			new SideInputs.Kspace(null, null, null, 1, 0)));
	}

	@Test
	void limitsThatAreAllowedAreAccepted() {
		final Pixels in = image("input", 12, 16);
		assertEquals(Shape.of(24, 32), Problems.fromImage(Task.SUPER_RESOLUTION, in, new SideInputs
			.Restoration(null, "", "", null, 2)).imageShape());
		assertEquals(Shape.of(2, 48, 64), Problems.fromImage(Task.SUPER_RESOLUTION, image("input", 2,
			12, 16), NONE).imageShape());
		assertTrue(Problems.fromImage(Task.DEBLURRING, in, new SideInputs.Restoration(null, "", "",
			ones("psf_image", 12, 16), 4)).operator() instanceof Blur, "a PSF as large as the image");
		final Problem stack = Problems.fromImage(Task.DEBLURRING, image("input", 3, 12, 16),
			new SideInputs.Restoration(null, "", "gaussian:1", null, 4));
		assertEquals(Shape.of(3, 12, 16), stack.imageShape());
		final Pixels one = ones("mask", 12, 16);
		one.values()[7] = 0;
		final Pixels two = image("input", 2, 12, 16);
		final Problem shared = Problems.fromImage(Task.INPAINTING, two, new SideInputs.Restoration(one,
			"", "", null, 4));
		assertEquals(0, shared.data()[7]);
		assertEquals(0, shared.data()[12 * 16 + 7], "one mask plane serves every slice");
		assertEquals(two.values()[12 * 16 + 8], shared.data()[12 * 16 + 8]);
		final Problem withMaskImage = Problems.fromImage(Task.MRI, image("input", 2, 16, 16),
			new SideInputs.Kspace("", ones("mask_image", 16, 16), null, 1, 0));
		assertEquals(((SingleCoilMri) withMaskImage.operator()).mask().sampledCount(), 256);
	}

	@Test
	void aComplexImageOrCoilMapsAreSimulatedAsGiven() {
		final Pixels complex = image("input", 2, 16, 16);
		final Problem p = Problems.simulate(Task.MRI, complex, new SideInputs.Kspace("uniform1d", null,
			null, 1, 0), 0, 0);
		assertArrayEquals(p.operator().apply(complex.values()), p.data());
		final Problem maps = Problems.simulate(Task.MRI, image("input", 16, 16), new SideInputs.Kspace(
			"uniform1d", null, image("coil_maps", 4, 16, 16), 7, 0), 0, 0);
		assertEquals(Shape.of(2, 2, 16, 16), maps.operator().range(), "the maps decide the coils");
	}

	@Test
	void tasksSayWhatIsComplexAndWhatIsInTheImagesUnits() {
		for (final Task t : Task.values()) {
			assertEquals(t == Task.MRI, t.isComplex(), t.label());
			assertEquals(t != Task.CT && t != Task.DYNAMIC_CT && t != Task.MRI, t.dataInImageUnits(), t
				.label());
			assertEquals(t, Task.parse("task", " " + t.label().toUpperCase(java.util.Locale.ROOT) + " ",
				EnumSet.allOf(Task.class)));
			assertEquals(t.label(), t.toString());
		}
		assertEquals("super_resolution", Task.SUPER_RESOLUTION.label());
		assertEquals("dynamic-ct", Task.DYNAMIC_CT.operatorKind());
		assertEquals("ct, mri", Task.labels(List.of(Task.CT, Task.MRI)));
		refuses("task", "'inpainting'; allowed: ct, mri", () -> Task.parse("task", "inpainting", List
			.of(Task.CT, Task.MRI)));
		refuses("task", "", () -> Task.parse("task", null, List.of(Task.CT)));
		refuses("operator", "mask, downsample, blur, identity, radon, dynamic-ct, mri", () -> Task
			.ofKind("fourier"));
	}

	@Test
	void observedValuesLeaveOutWhatTheOperatorDoesNotSee() {
		final float[] data = { 1, 2, 3, 4 };
		final Problem id = Problems.of(Task.DENOISING, new Identity(Shape.of(2, 2)), data, "s");
		assertArrayEquals(data, id.observedValues());
		final Problem none = Problems.of(Task.INPAINTING, new MaskOperator(2, 2, new float[4]), data,
			"s");
		assertSame(data, none.observedValues(), "nothing seen: all of the data");
		final Problem half = Problems.of(Task.INPAINTING, new MaskOperator(2, 2, new float[] { 1, 0, 0,
			1 }), data, "s");
		assertArrayEquals(new float[] { 1, 4 }, half.observedValues());
	}

	@Test
	void aSimulatedInpaintingMeasurementHasNoNoiseInItsHoles() {
		final Pixels x = image("truth", 16, 16);
		final Measurement m = Simulator.simulate(x.values(), x.shape(), OperatorSpec.parse(
			"mask missing_fraction=0.5 seed=3"), new GaussianNoise(0.1), 4);
		final float[] mask = ((MaskOperator) m.operator()).mask();
		int holes = 0, noisy = 0;
		for (int i = 0; i < mask.length; i++)
			if (mask[i] == 0) {
				holes++;
				assertEquals(0, m.data()[i], 0.0, "a missing pixel holds no value");
			}
			else if (m.data()[i] != x.values()[i]) noisy++;
		assertTrue(holes > 0 && noisy > 0, holes + " holes, " + noisy + " noisy known pixels");
	}
}
