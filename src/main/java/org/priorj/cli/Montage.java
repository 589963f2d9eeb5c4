package org.priorj.cli;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

/** A PNG grid of equally sized images in [0, 1], one row per task, white gaps between them. */
public final class Montage {

	private Montage() {}

	public static void write(final List<float[][]> rows, final int size, final File file) {
		final int gap = 4, cols = rows.get(0).length;
		final ByteProcessor m = new ByteProcessor(cols * (size + gap) + gap, rows.size() * (size +
			gap) + gap);
		m.setColor(255);
		m.fill();
		for (int r = 0; r < rows.size(); r++)
			for (int k = 0; k < cols; k++) {
				final FloatProcessor fp = new FloatProcessor(size, size, rows.get(r)[k].clone());
				fp.setMinAndMax(0, 1);
				m.insert(fp.convertToByteProcessor(true), gap + k * (size + gap), gap + r * (size + gap));
			}
		new FileSaver(new ImagePlus(file.getName(), m)).saveAsPng(file.getPath());
	}
}
