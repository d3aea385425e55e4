/**
 * Process control: valgrind with its vgdb gdbserver in a private 0700 directory, gdb driven over GDB/MI with
 * tokens, one reader thread and a deadline on every wait; gdb attached to a process vgharness did not start, and what
 * /proc says about it. Depends on {@code mi} only (and commons-exec).
 */
package dev.vgharness.vgdb;
