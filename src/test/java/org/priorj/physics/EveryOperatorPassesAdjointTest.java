package org.priorj.physics;

import org.priorj.base.Shape;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator PriorJ can build from a spec, on small odd and even sizes, through the adjoint
 * test |<Ax,y> - <x,A^T y>| / (||Ax|| ||y||) < 1e-5 and the normal-operator check. A new operator
 * kind gets a row here.
 */
class EveryOperatorPassesAdjointTest {

	static Stream<Arguments> operators() {
		return Stream.of(
			Arguments.of("identity", Shape.of(9, 8)),
			Arguments.of("mask missing_fraction=0.5 seed=3", Shape.of(16, 13)),
			Arguments.of("mask boxes=2,3,5,4;10,1,3,3", Shape.of(16, 16)),
			Arguments.of("blur psf=gaussian:1.5 boundary=reflect", Shape.of(21, 18)),
			Arguments.of("blur psf=motion:7:20 boundary=zero", Shape.of(16, 17)),
			Arguments.of("blur psf=box:4", Shape.of(12, 12)),
			Arguments.of("downsample factor=2 method=bicubic", Shape.of(16, 18)),
			Arguments.of("downsample factor=3 method=block", Shape.of(15, 12)),
			Arguments.of("downsample factor=4 method=bicubic boundary=zero", Shape.of(16, 32)),
			Arguments.of("radon angles=0:180:30", Shape.of(32, 32)),
			Arguments.of("radon angles=0:120:40 detectors=40", Shape.of(24, 31)),
			Arguments.of("radon angles=3,50,97.5,170", Shape.of(17, 16)),
			Arguments.of("radon angles=0:180:25 center=pixel", Shape.of(20, 16)),
			Arguments.of("radon angles=0:180:12", Shape.of(4, 16, 16)),
			Arguments.of("blur psf=gaussian:1", Shape.of(3, 12, 10)),
			Arguments.of("dynamic-ct views=2 schedule=golden", Shape.of(5, 16, 16)),
			Arguments.of("dynamic-ct views=1 schedule=bit-reversal", Shape.of(8, 15, 16)),
			Arguments.of("dynamic-ct views=2 schedule=random seed=3", Shape.of(4, 12, 12)),
			Arguments.of("dynamic-ct views=3 schedule=linear range=120", Shape.of(4, 16, 16)),
			Arguments.of("mri mask=uniform1d acceleration=4 seed=1", Shape.of(2, 32, 32)),
			Arguments.of("mri mask=gaussian1d acceleration=8 seed=2", Shape.of(2, 31, 32)),
			Arguments.of("mri mask=radial spokes=12", Shape.of(2, 24, 25)),
			Arguments.of("mri mask=random2d fraction=0.3 center_radius=3 seed=4", Shape.of(2, 20, 20)),
			Arguments.of("mri mask=uniform1d acceleration=4 coils=4 seed=5", Shape.of(2, 24, 24)));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("operators")
	void passesAdjointAndNormalTests(final String spec, final Shape image) {
		final LinearOperator a = Operators.build(OperatorSpec.parse(spec), image);
		OperatorAssertions.assertAdjoint(a);
		OperatorAssertions.assertNormal(a);
	}
}
