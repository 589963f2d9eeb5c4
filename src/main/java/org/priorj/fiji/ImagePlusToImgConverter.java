package org.priorj.fiji;

import ij.ImagePlus;

import net.imglib2.img.Img;

import org.priorj.image.ImagePlusConverter;
import org.scijava.convert.AbstractConverter;
import org.scijava.convert.Converter;
import org.scijava.plugin.Plugin;

/**
 * A command's {@code ImagePlus} result as an ImgLib2 {@code Img<FloatType>} (a copy, axes X, Y and
 * the stack), for scripts that ask SciJava's convert service for one. The result's record stays in
 * the ImagePlus's Info ({@code priorj.*} lines).
 */
@Plugin(type = Converter.class)
@SuppressWarnings("rawtypes")
public class ImagePlusToImgConverter extends AbstractConverter<ImagePlus, Img> {

	@Override
	public <T> T convert(final Object src, final Class<T> dest) {
		return dest.cast(ImagePlusConverter.copy((ImagePlus) src));
	}

	@Override
	public Class<Img> getOutputType() {
		return Img.class;
	}

	@Override
	public Class<ImagePlus> getInputType() {
		return ImagePlus.class;
	}
}
