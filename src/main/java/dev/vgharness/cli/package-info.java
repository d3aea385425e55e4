/**
 * The picocli entry point: thin commands that call the packages below, one place that maps outcomes to exit
 * codes, and the only {@code System.exit}. Nothing depends on it. From the same command model, {@code mvn package}
 * writes the distribution's completion script and man page ({@link dev.vgharness.cli.DistributionFiles}); the
 * only installing vgharness does is {@code doctor --fix} ({@link dev.vgharness.cli.ToolInstall}).
 */
package dev.vgharness.cli;
