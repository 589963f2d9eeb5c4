package org.priorj.fiji;

import java.util.function.BiFunction;

import org.priorj.prior.Denoiser;
import org.priorj.prior.Prior;
import org.priorj.prior.PriorDevice;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.prior.PriorService;

/**
 * Loads a prior on the device a command asks for: the session's shared registry when the device is
 * the session's, else a registry of its own that is released after the command's work, so that a
 * one-off GPU (or CPU) run does not leave a second copy of the network loaded.
 */
final class PriorOnDevice {

	private PriorOnDevice() {}

	static <T> T use(final PriorService priors, final String device, final String prior,
		final BiFunction<Denoiser, PriorDevice, T> work)
	{
		return use(priors, device, prior, Denoiser.class, work);
	}

	/** As {@link #use(PriorService, String, String, BiFunction)} for a prior of type {@code type}. */
	static <P extends Prior, T> T use(final PriorService priors, final String device,
		final String prior, final Class<P> type, final BiFunction<P, PriorDevice, T> work)
	{
		final PriorDevice wanted = PriorDevice.resolve(device);
		final PriorRegistry shared = priors.registry();
		final PriorRegistry registry = wanted.device().toString().equals(shared.device().device()
			.toString()) ? shared : PriorRegistries.withAllKinds(new PriorRegistry(shared.roots(),
				wanted));
		try {
			return work.apply(registry.load(prior, type), registry.device());
		}
		finally {
			if (registry != shared) registry.releaseAll();
		}
	}
}
