/**
 * The picocli entry point: thin commands that call the packages below, one place that maps outcomes to exit
 * codes, and the only {@code System.exit}. Nothing depends on it.
 */
package dev.vgharness.cli;
