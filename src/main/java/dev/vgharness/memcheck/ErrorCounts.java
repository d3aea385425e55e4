package dev.vgharness.memcheck;

/**
 * The answer of {@code v.info n_errs_found [msg]}: {@code n_errs_found 1 n_errs_shown 1 (vgdb-error 0) msg}.
 * {@code shown} also counts loss records printed by leak searches; {@code found} is the one to trust.
 *
 * @param message the text given after the command, or "" when none
 */
public record ErrorCounts(long found, long shown, long vgdbError, String message) {
}
