/**
 * Writers that turn a run result into the JSON report, JUnit XML, SARIF and HTML. They never touch a process.
 * Depends on {@code plan} (its result model), {@code memcheck}, {@code vgdb} and {@code mi}.
 */
package dev.vgharness.report;
