package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import org.junit.jupiter.api.Test;

/**
 * {@link NoiseConditionalUnet} closes every activation as soon as the next operation has it: the
 * forward pass leaves only its output behind, and values and gradients are those of a forward pass
 * that keeps every activation (written out here from the network's own blocks).
 */
class UnetReleasesActivationsTest {

	private static final int[] WIDTHS = { 4, 8, 8 };
	private static final int SIDE = 16;

	@Test
	void forwardLeavesOnlyItsInputAndOutputInTheManager() {
		try (NDManager m = NDManager.newBaseManager()) {
			final NoiseConditionalUnet net = network(m);
			final ParameterStore ps = new ParameterStore(m, false);
			try (NDManager sub = m.newSubManager()) {
				final NDArray x = sub.randomUniform(-1, 1, new Shape(2, 2, SIDE, SIDE));
				final NDArray y = net.forward(ps, new NDList(x), false).singletonOrThrow();
				assertEquals(new Shape(2, 1, SIDE, SIDE), y.getShape());
				assertEquals(2, sub.getManagedArrays().size(), "arrays left: " + sub
					.getManagedArrays());
			}
		}
	}

	@Test
	void valuesAndGradientsMatchAForwardThatKeepsEveryActivation() {
		try (NDManager m = NDManager.newBaseManager()) {
			final NoiseConditionalUnet net = network(m);
			final ParameterStore ps = new ParameterStore(m, false);
			for (final Pair<String, Parameter> p : net.getParameters())
				p.getValue().getArray().setRequiresGradient(true);
			final NDArray x = m.randomUniform(-1, 1, new Shape(2, 2, SIDE, SIDE));
			x.setRequiresGradient(true);
			final NDArray weights = m.randomUniform(-1, 1, new Shape(2, 1, SIDE, SIDE));
			final float[][] released = valueAndGradients(net, ps, x, weights, true);
			final float[][] kept = valueAndGradients(net, ps, x, weights, false);
			assertEquals(kept.length, released.length);
			for (int i = 0; i < kept.length; i++)
				assertArrayEquals(kept[i], released[i], 1e-6f, "array " + i);
		}
	}

	private static NoiseConditionalUnet network(final NDManager m) {
		Engine.getInstance().setRandomSeed(3);
		final NoiseConditionalUnet net = new NoiseConditionalUnet(WIDTHS);
		net.initialize(m, DataType.FLOAT32, new Shape(1, 2, SIDE, SIDE));
		return net;
	}

	/** The output, the gradient of sum(weights * F(x)) for x, then for every parameter. */
	private static float[][] valueAndGradients(final NoiseConditionalUnet net,
		final ParameterStore ps, final NDArray x, final NDArray weights, final boolean own)
	{
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			gc.zeroGradients();
			final NDArray y = own ? net.forward(ps, new NDList(x), true).singletonOrThrow()
				: keepingEverything(net, ps, x);
			final float[] value = y.toFloatArray();
			final NDArray loss = y.mul(weights).sum();
			gc.backward(loss);
			final float[][] out = new float[2 + net.getParameters().size()][];
			out[0] = value;
			out[1] = x.getGradient().toFloatArray();
			int i = 2;
			for (final Pair<String, Parameter> p : net.getParameters())
				out[i++] = p.getValue().getArray().getGradient().toFloatArray();
			return out;
		}
	}

	/** The architecture of the class comment, every activation left to the manager. */
	private static NDArray keepingEverything(final NoiseConditionalUnet net,
		final ParameterStore ps, final NDArray input)
	{
		final Map<String, Block> child = new HashMap<>();
		for (final Pair<String, Block> c : net.getChildren())
			child.put(c.getKey().replaceFirst("^[0-9]+", ""), c.getValue());
		final Block pool = Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
		final int levels = WIDTHS.length;
		final NDArray[] skips = new NDArray[levels];
		NDArray x = input;
		for (int i = 0; i < levels; i++) {
			if (i > 0) x = apply(pool, ps, x);
			x = apply(child.get("enc" + i), ps, x);
			skips[i] = x;
		}
		for (int i = levels - 2; i >= 0; i--) {
			x = apply(child.get("up" + i), ps, x).repeat(2, 2).repeat(3, 2);
			x = apply(child.get("dec" + i), ps, skips[i].concat(x, 1));
		}
		return apply(child.get("head"), ps, x);
	}

	private static NDArray apply(final Block b, final ParameterStore ps, final NDArray x) {
		return b.forward(ps, new NDList(x), true).singletonOrThrow();
	}
}
