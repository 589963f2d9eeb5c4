package org.priorj.solve;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.prior.Prior;

/**
 * How an operator's domain is handed to a prior as a batch (N, C, H, W): a grey image as one item,
 * a stack (Z, H, W) as Z items (every network call sees all slices), and a complex image
 * (2, H, W) as one 2-channel item for a 2-channel prior or, for a grey prior, as its real and
 * imaginary planes denoised as two grey images; a complex volume (Z, 2, H, W) as Z such images.
 * The flat layout is the same in every case, so no data are copied.
 */
final class PriorBatch {

	private PriorBatch() {}

	static Shape of(final Shape domain, final Prior prior, final boolean complex) {
		if (complex && domain.rank() == 4) {
			Checks.require(domain.dim(1) == 2, "image", "shape " + domain,
				"a complex volume (Z, 2, H, W): real and imaginary planes of each slice");
			final Shape slice = of(domain.dropFirst(), prior, true);
			return Shape.of(domain.dim(0) * slice.dim(0), slice.dim(1), slice.dim(2), slice.dim(3));
		}
		if (complex) {
			Checks.require(domain.rank() == 3 && domain.dim(0) == 2, "image", "shape " + domain,
				"a complex image (2, H, W): real and imaginary planes");
			Checks.require(prior.channels() <= 2, "prior", "'" + prior.name() + "' with " + prior
				.channels() + " channels", "a prior with 2 channels (real, imaginary) or 1 (each plane " +
					"as a grey image)");
			return prior.channels() == 2 ? Shape.of(1, 2, domain.dim(1), domain.dim(2)) : Shape.of(2,
				1, domain.dim(1), domain.dim(2));
		}
		Checks.require(domain.rank() == 2 || domain.rank() == 3, "image", "shape " + domain,
			"a grey image (H, W) or a stack (Z, H, W) restored slice by slice");
		Checks.require(prior.channels() == 1, "prior", "'" + prior.name() + "' with " + prior
			.channels() + " channels", "a prior with 1 channel for a grey image or stack");
		return domain.rank() == 2 ? Shape.of(1, 1, domain.dim(0), domain.dim(1)) : Shape.of(domain
			.dim(0), 1, domain.dim(1), domain.dim(2));
	}
}
