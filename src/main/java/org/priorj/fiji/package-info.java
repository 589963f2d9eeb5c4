/**
 * How Fiji and ImageJ users reach PriorJ: SciJava commands (menus, dialogs, macros, headless
 * scripts), the ImageJ 1.x bridge, status-bar progress.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import every layer
 * below: {@code base}, {@code image}, {@code metrics}, {@code physics}, {@code prior}, {@code train}, {@code
 * solve}. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.fiji;
