/**
 * The interactive shell (JLine 3) that forwards gdb and monitor commands and shows parsed answers.
 * Depends on everything below it ({@code report}, {@code plan}, {@code vgdb}, {@code memcheck}, {@code mi}).
 */
package dev.vgharness.repl;
