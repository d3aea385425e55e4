/**
 * The runners: a plan's cases on valgrind + gdb (or plain gdb in native mode) through a {@code vgdb} session,
 * breakpoints, actions, sampling, leak deltas and expectations, producing a {@code result}. Baselines of known leaks
 * are an input of the run. {@code WatchRunner} watches a process already running (or a program it starts) the same
 * way, and always leaves a running one running.
 */
package dev.vgharness.run;
