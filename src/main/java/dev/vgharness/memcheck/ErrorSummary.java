package dev.vgharness.memcheck;

/** {@code ERROR SUMMARY: 3 errors from 2 contexts (suppressed: 0 from 0)}. */
public record ErrorSummary(long errors, long contexts, long suppressed, long suppressedContexts) {
}
