package org.priorj.image;

import org.priorj.base.Shape;

/**
 * An image handed to PriorJ by a user: its values (slices in stack order, not copied: treat as
 * read-only), their shape (H, W) or (Z, H, W), its title, and the parameter it was given as, which
 * every refusal about it names.
 */
public record Pixels(String parameter, String title, Shape shape, float[] values) {

	public Pixels {
		shape.check(parameter, values, "the image's shape " + shape);
	}

	public int height() {
		return shape.dim(-2);
	}

	public int width() {
		return shape.dim(-1);
	}

	/** Planes of H x W: 1 for a single image, Z for a stack. */
	public int planes() {
		return shape.rank() == 2 ? 1 : shape.size() / (height() * width());
	}
}
