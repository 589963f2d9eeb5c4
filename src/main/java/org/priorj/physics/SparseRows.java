package org.priorj.physics;

/**
 * A 1-D linear map from n inputs to m outputs with a few weights per output, applied along one axis
 * of a 2-D array. Resampling filters are built from it, so their adjoints are the exact transposes.
 */
public final class SparseRows {

	final int inputs;
	final int outputs;
	private final int[][] index;
	private final float[][] weight;

	/** Output o is sum_k weight[o][k] * input[index[o][k]]; the arrays are kept, not copied. */
	public SparseRows(final int inputs, final int[][] index, final float[][] weight) {
		this.inputs = inputs;
		this.outputs = index.length;
		this.index = index;
		this.weight = weight;
	}

	/** out[o] = sum_k w[o][k] in[idx[o][k]] along the last axis of a (rows, inputs) array. */
	public void applyRows(final float[] in, final float[] out, final int rows) {
		for (int r = 0; r < rows; r++) {
			final int ib = r * inputs, ob = r * outputs;
			for (int o = 0; o < outputs; o++) {
				final int[] ix = index[o];
				final float[] wt = weight[o];
				float s = 0;
				for (int k = 0; k < ix.length; k++) s += wt[k] * in[ib + ix[k]];
				out[ob + o] = s;
			}
		}
	}

	/** Transpose of {@link #applyRows}: (rows, outputs) to (rows, inputs). */
	public void transposeRows(final float[] in, final float[] out, final int rows) {
		java.util.Arrays.fill(out, 0, rows * inputs, 0f);
		for (int r = 0; r < rows; r++) {
			final int ib = r * outputs, ob = r * inputs;
			for (int o = 0; o < outputs; o++) {
				final int[] ix = index[o];
				final float[] wt = weight[o];
				final float v = in[ib + o];
				for (int k = 0; k < ix.length; k++) out[ob + ix[k]] += wt[k] * v;
			}
		}
	}

	/** Along the first axis of an (inputs, cols) array, giving (outputs, cols). */
	public void applyColumns(final float[] in, final float[] out, final int cols) {
		java.util.Arrays.fill(out, 0, outputs * cols, 0f);
		for (int o = 0; o < outputs; o++) {
			final int ob = o * cols;
			final int[] ix = index[o];
			final float[] wt = weight[o];
			for (int k = 0; k < ix.length; k++) {
				final int ib = ix[k] * cols;
				final float w = wt[k];
				for (int c = 0; c < cols; c++) out[ob + c] += w * in[ib + c];
			}
		}
	}

	/** Transpose of {@link #applyColumns}: (outputs, cols) to (inputs, cols). */
	public void transposeColumns(final float[] in, final float[] out, final int cols) {
		java.util.Arrays.fill(out, 0, inputs * cols, 0f);
		for (int o = 0; o < outputs; o++) {
			final int ib = o * cols;
			final int[] ix = index[o];
			final float[] wt = weight[o];
			for (int k = 0; k < ix.length; k++) {
				final int ob = ix[k] * cols;
				final float w = wt[k];
				for (int c = 0; c < cols; c++) out[ob + c] += w * in[ib + c];
			}
		}
	}
}
