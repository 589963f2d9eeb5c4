package org.priorj.prior;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * The standard registry ({@link PriorRegistry#standard}) on the device named by the system property
 * {@code priorj.device} (auto, cpu or gpu; default auto); priors are released with the context.
 */
@Plugin(type = Service.class)
public class DefaultPriorService extends AbstractService implements PriorService {

	private PriorRegistry registry;

	@Override
	public synchronized PriorRegistry registry() {
		if (registry == null) registry = PriorRegistries.standard(System.getProperty("priorj.device",
			"auto"));
		return registry;
	}

	@Override
	public synchronized void dispose() {
		if (registry != null) registry.releaseAll();
	}
}
