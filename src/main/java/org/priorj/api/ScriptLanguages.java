package org.priorj.api;

import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.scijava.script.ScriptService;

/**
 * Makes the JSR-223 script engines on the class path (Groovy's {@code groovy-jsr223}, Jython's
 * {@code jython-standalone}, ...) languages of a SciJava script service. Fiji's own scripting
 * plugins do this for Fiji; a plain SciJava context (a headless program, a test) needs this call.
 */
public final class ScriptLanguages {

	private ScriptLanguages() {}

	/** Adds every engine the class path offers that the service lacks; returns how many. */
	public static int addJsr223(final ScriptService scripts) {
		int added = 0;
		for (final ScriptEngineFactory f : new ScriptEngineManager(ScriptLanguages.class
			.getClassLoader()).getEngineFactories())
			if (scripts.getIndex().add(f, true)) added++;
		return added;
	}
}
