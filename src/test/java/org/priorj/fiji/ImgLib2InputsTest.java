package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.priorj.image.ImagePlusConverter;
import org.priorj.prior.PriorService;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;

/**
 * Every command takes an ImgLib2 image where it declares an ImagePlus (SciJava converts it), with
 * the same result as the equivalent ImagePlus: a simulation, then RED-Diff on it.
 */
class ImgLib2InputsTest {

	@Test
	@SuppressWarnings("unchecked")
	void aViewOfAnyRealTypeGivesTheSameResultsAsTheImagePlus() throws Exception {
		final ImagePlus camera = IJ.openImage("test-images/camera.png");
		final byte[] px = (byte[]) ((ByteProcessor) camera.getProcessor().convertToByte(false))
			.getPixels();
		final RandomAccessibleInterval<UnsignedByteType> view = Views.interval(ArrayImgs.unsignedBytes(
			px.clone(), camera.getWidth(), camera.getHeight()), new long[] { 200, 100 }, new long[] {
				263, 163 });
		camera.setRoi(200, 100, 64, 64);
		final ImagePlus crop = new ImagePlus("image", camera.getProcessor().crop().convertToByte(
			false));
		try (Context context = new Context(CommandService.class, StatusService.class,
			PriorService.class, ConvertService.class))
		{
			final CommandService commands = context.service(CommandService.class);
			final ImagePlus[] measured = new ImagePlus[2], restored = new ImagePlus[2];
			final Object[] inputs = { view, crop };
			for (int i = 0; i < 2; i++) {
				measured[i] = (ImagePlus) commands.run(SimulateCommand.class, true, "input", inputs[i],
					"operator", "mask missing_fraction=0.5", "noise", "gaussian", "noise_level", 2.0, "seed",
					1).get().getOutput("measurement");
				restored[i] = (ImagePlus) commands.run(RestoreRedDiffCommand.class, true, "input",
					measured[i], "prior", "natural-gray", "steps", "3").get().getOutput("restored");
			}
			assertArrayEquals(ImagePlusConverter.pixels(measured[1]), ImagePlusConverter.pixels(
				measured[0]));
			assertArrayEquals(ImagePlusConverter.pixels(restored[1]), ImagePlusConverter.pixels(
				restored[0]));
			assertEquals(64, restored[0].getWidth());
			final net.imglib2.img.Img<?> img = context.service(ConvertService.class).convert(restored[0],
				net.imglib2.img.Img.class);
			assertArrayEquals(ImagePlusConverter.pixels(restored[0]), org.priorj.image.FloatArrays.copyOf(
				(net.imglib2.img.Img<net.imglib2.type.numeric.real.FloatType>) img));
		}
	}
}
