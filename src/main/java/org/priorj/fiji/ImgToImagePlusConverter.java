package org.priorj.fiji;

import ij.ImagePlus;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.priorj.image.Pixels;
import org.scijava.convert.AbstractConverter;
import org.scijava.convert.Converter;
import org.scijava.plugin.Plugin;

/**
 * Lets every PriorJ command take an ImgLib2 image where it declares an {@code ImagePlus}: SciJava
 * converts a {@code RandomAccessibleInterval} of any real type (any interval, views included; axes
 * X, Y and an optional third as slices) into a new 32-bit image, by copy, before the command runs.
 * Commands thus keep one code path for macros, scripts and programs.
 */
@Plugin(type = Converter.class)
@SuppressWarnings("rawtypes")
public class ImgToImagePlusConverter extends AbstractConverter<RandomAccessibleInterval, ImagePlus> {

	@Override
	public boolean canConvert(final Object src, final Class<?> dest) {
		return src instanceof RandomAccessibleInterval && dest.isAssignableFrom(ImagePlus.class) &&
			((RandomAccessibleInterval<?>) src).getType() instanceof RealType;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T convert(final Object src, final Class<T> dest) {
		final Pixels p = Pixels.of("input", "image", (RandomAccessibleInterval<? extends RealType<?>>) src);
		return dest.cast(Images.image("image", p.values(), p.shape(), null));
	}

	@Override
	public Class<ImagePlus> getOutputType() {
		return ImagePlus.class;
	}

	@Override
	public Class<RandomAccessibleInterval> getInputType() {
		return RandomAccessibleInterval.class;
	}
}
