package org.priorj.image;

import java.io.File;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;

import org.priorj.base.Checks;

/**
 * Opens an image file for PriorJ, refusing in one line, by the parameter's name, what ImageJ would
 * open silently wrong or fail on with a stack trace: a missing file, a file ImageJ cannot read, a
 * truncated uncompressed TIFF (ImageJ fills the missing pixels with zeros), a garbled file whose
 * reader throws.
 */
public final class ImageFiles {

	private ImageFiles() {}

	public static ImagePlus open(final String parameter, final String path) {
		final File f = new File(path);
		Checks.require(f.isFile(), parameter, "file '" + path + "' does not exist",
			"a readable image file");
		final ImagePlus imp;
		try {
			imp = IJ.openImage(f.getPath());
		}
		catch (final RuntimeException e) {
			throw Checks.bad(parameter, "'" + path + "' could not be read (" + e.getClass()
				.getSimpleName() + ")", "a TIFF, PNG or other image ImageJ opens, whole");
		}
		Checks.require(imp != null, parameter, "'" + path + "' could not be read as an image",
			"a TIFF, PNG or other image ImageJ opens");
		final long needed = bytesNeeded(imp.getOriginalFileInfo());
		Checks.require(needed <= f.length(), parameter, "'" + path + "' is truncated: " + f.length() +
			" of " + needed + " bytes", "a whole image file");
		return imp;
	}

	/** The bytes an uncompressed image's pixels reach to; 0 when unknown or compressed. */
	static long bytesNeeded(final FileInfo fi) {
		if (fi == null || fi.compression != FileInfo.COMPRESSION_NONE || fi.fileType == FileInfo
			.RGB48_PLANAR) return 0;
		final long plane = (long) fi.width * fi.height * fi.getBytesPerPixel();
		final int n = Math.max(1, fi.nImages);
		return fi.getOffset() + n * plane + (n - 1) * Math.max(0, fi.getGap());
	}
}
