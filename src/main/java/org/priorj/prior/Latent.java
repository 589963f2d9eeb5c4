package org.priorj.prior;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * A batch of latent tensors of a {@link LatentPrior}: values and their shape (N, C', H', W'), one
 * latent per image of the batch it encodes, row-major with the last index fastest. The array is
 * shared, not copied.
 */
public record Latent(float[] values, Shape shape) {

	public Latent {
		if (shape == null) throw Checks.bad("latent", "no shape", "a latent of shape (N, C, H, W)");
		Checks.require(shape.rank() == 4, "latent", "shape " + shape,
			"a latent of shape (N, C, H, W), rank 4");
		shape.check("latent", values, "N x C x H x W");
	}
}
