/**
 * GDB/MI output as data: one ANTLR-backed parser ({@link dev.vgharness.mi.MiParser}) turns a line of
 * gdb's MI output into an immutable {@link dev.vgharness.mi.MiRecord} whose values are {@link dev.vgharness.mi.MiValue}s.
 * A leaf package: it depends on the JDK and the ANTLR runtime only; the generated code lives in
 * {@code dev.vgharness.mi.antlr} and never leaks out.
 */
package dev.vgharness.mi;
