/**
 * The YAML test plan (model, validation with file:line:col messages) and the runner that executes it on a
 * {@code vgdb} session, producing an immutable run result. Depends on {@code mi}, {@code memcheck}, {@code vgdb}.
 */
package dev.vgharness.plan;
