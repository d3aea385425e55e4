package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A complaint of a monitor command, found in its text because gdb answers {@code ^done} anyway:
 * {@code invalid loss record nr}, {@code command 'frobnicate' not recognised}. An answer can carry both a
 * complaint and a normal result ({@code leak_check full limited 0} still searches).
 *
 * @param text the line as valgrind printed it, without prefix
 */
public record MonitorError(MonitorErrorKind kind, String text) {

    public MonitorError {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
    }

    /** What went wrong, in one line: the complaints found, or else the first line of the answer. */
    public static String complaint(List<MonitorError> errors, String text) {
        if (!errors.isEmpty()) {
            return String.join("; ", errors.stream().map(MonitorError::text).toList());
        }
        return text.isBlank() ? "no answer" : text.strip().lines().findFirst().orElse("");
    }
}
