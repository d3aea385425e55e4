package dev.vgharness.memcheck;

import java.util.Optional;

/**
 * Parses the answer of {@code monitor v.info n_errs_found [msg]}:
 * {@code n_errs_found 1 n_errs_shown 1 (vgdb-error 0) msg}.
 */
public final class ErrorCountParser {

    private ErrorCountParser() {
    }

    /** The counts of the first {@code n_errs_found} line, or empty when the text has none. */
    public static Optional<ErrorCounts> parse(String text) {
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            String line = text.substring(from, end < 0 ? text.length() : end);
            String body = line.substring(LinePrefix.bodyStart(line));
            if (body.startsWith("n_errs_found ")) {
                return Optional.ofNullable(SummaryLines.errorCounts(body));
            }
            if (end < 0) {
                break;
            }
            from = end + 1;
        }
        return Optional.empty();
    }
}
