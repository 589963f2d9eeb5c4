package org.priorj.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files are opened whole or refused in one line naming the parameter. */
class ImageFilesTest {

	@TempDir
	Path dir;

	private static void refused(final String words, final Runnable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
		assertTrue(e.getMessage().startsWith("Parameter 'input'") && e.getMessage().contains(words), e
			.getMessage());
	}

	@Test
	void aTruncatedOrGarbledFileIsRefusedAndAWholeOneOpens() throws Exception {
		final Path whole = dir.resolve("whole.tif");
		new FileSaver(new ImagePlus("x", new FloatProcessor(32, 32))).saveAsTiff(whole.toString());
		assertEquals(32, ImageFiles.open("input", whole.toString()).getWidth());
		final Path truncated = dir.resolve("truncated.tif");
		Files.write(truncated, Arrays.copyOf(Files.readAllBytes(whole), 1000));
		refused("is truncated: 1000 of", () -> ImageFiles.open("input", truncated.toString()));
		final byte[] junk = new byte[4000];
		new Random(1).nextBytes(junk);
		final Path dicom = dir.resolve("garbled.dcm");
		Files.write(dicom, junk);
		refused("could not be read", () -> ImageFiles.open("input", dicom.toString()));
		final Path tiff = dir.resolve("garbled.tif");
		Files.write(tiff, junk);
		refused("could not be read", () -> ImageFiles.open("input", tiff.toString()));
		refused("does not exist", () -> ImageFiles.open("input", dir.resolve("none.tif")
			.toString()));
	}
}
