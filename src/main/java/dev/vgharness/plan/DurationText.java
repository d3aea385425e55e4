package dev.vgharness.plan;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as plans and the {@code --timeout} option write them: {@code 90s}, {@code 5m}, {@code 1m30s},
 * {@code 500ms}, {@code 2h}, {@code 1h30m}. Units come largest first, each at most once; a unit is required.
 */
public final class DurationText {

    private static final Pattern TEXT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private DurationText() {
    }

    /** The duration, or empty when the text is not one (also for a bare number without a unit). */
    public static Optional<Duration> parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.ofHours(number(m.group(1)))
                    .plusMinutes(number(m.group(2)))
                    .plusSeconds(number(m.group(3)))
                    .plusMillis(number(m.group(4)));
            return Optional.of(d);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** The shortest text that {@link #parse} reads back: {@code 1m30s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toHours(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
