/**
 * What a run produced: immutable results per run, case, stop and sample, the exit-time results and the expectations
 * checked. Reports read these; they never see a runner. Depends on {@code memcheck} and {@code plan}.
 */
package dev.vgharness.result;
