/**
 * Memcheck's answers as data: parsers for the text of monitor commands ({@code leak_check}, {@code block_list},
 * {@code who_points_at}, {@code v.info n_errs_found}), whole valgrind logs and the {@code --xml=yes} file, and the
 * leak model they produce. A leaf package: it takes text and depends on the JDK only.
 */
package dev.vgharness.memcheck;
