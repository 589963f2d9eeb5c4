package org.priorj.prior;

import org.scijava.service.SciJavaService;

/**
 * The prior registry as a SciJava service, so that every command in a Fiji session shares the
 * same loaded priors.
 */
public interface PriorService extends SciJavaService {

	PriorRegistry registry();
}
