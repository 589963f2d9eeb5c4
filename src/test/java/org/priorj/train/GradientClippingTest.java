package org.priorj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import org.junit.jupiter.api.Test;

/** The joint gradient norm limit of the training loop, and that it leaves no arrays behind. */
class GradientClippingTest {

	private static float[][] gradients(final Linear net) {
		return net.getParameters().values().stream().map(p -> p.getArray().getGradient()
			.toFloatArray()).toArray(float[][]::new);
	}

	private static double norm(final float[][] g) {
		double s = 0;
		for (final float[] a : g) for (final float v : a) s += (double) v * v;
		return Math.sqrt(s);
	}

	@Test
	void scalesAllGradientsTogetherDownToTheLimitAndNeverUp() {
		try (NDManager m = NDManager.newBaseManager()) {
			Engine.getInstance().setRandomSeed(1);
			final Linear net = Linear.builder().setUnits(3).build();
			net.initialize(m, DataType.FLOAT32, new Shape(2, 4));
			for (final Pair<String, Parameter> p : net.getParameters())
				p.getValue().getArray().setRequiresGradient(true);
			final ParameterStore ps = new ParameterStore(m, false);
			try (NDManager sub = m.newSubManager();
				GradientCollector gc = Engine.getInstance().newGradientCollector())
			{
				final NDArray x = sub.randomUniform(-5, 5, new Shape(2, 4));
				gc.backward(net.forward(ps, new NDList(x), true).singletonOrThrow().square().sum());
			}
			final float[][] before = gradients(net);
			final double n = norm(before);
			PriorTrainer.clipGradients(net, 10 * n);
			assertArrayEquals(before[0], gradients(net)[0], 0);
			PriorTrainer.clipGradients(net, 0);
			assertArrayEquals(before[0], gradients(net)[0], 0);
			PriorTrainer.clipGradients(net, n / 4);
			final float[][] after = gradients(net);
			assertEquals(n / 4, norm(after), 1e-4 * n);
			for (int k = 0; k < after.length; k++)
				for (int i = 0; i < after[k].length; i++)
					assertEquals(before[k][i] / 4, after[k][i], 1e-5 * n, "same direction");
			// one gradient handle per parameter and call at most: the squares and sums are closed
			final int arrays = m.getManagedArrays().size();
			for (int k = 0; k < 5; k++) PriorTrainer.clipGradients(net, n / 100);
			final int grown = m.getManagedArrays().size() - arrays;
			org.junit.jupiter.api.Assertions.assertTrue(grown <= 5 * net.getParameters().size(),
				grown + " arrays left behind by 5 calls");
		}
	}
}
