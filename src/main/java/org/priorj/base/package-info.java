/**
 * The vocabulary every layer of PriorJ shares: the shape of an array ({@link org.priorj.base.Shape}),
 * progress and cancellation of a long run ({@link org.priorj.base.Progress})
 * and the checks that refuse a bad parameter by its name and say what is allowed
 * ({@link org.priorj.base.Checks}). The lowest layer: it imports nothing of PriorJ, and every other
 * package may import it.
 */
package org.priorj.base;
