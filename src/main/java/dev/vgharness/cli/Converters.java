package dev.vgharness.cli;

import dev.vgharness.plan.DurationText;
import java.time.Duration;
import java.util.OptionalInt;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values read by picocli before a command runs, so that a bad one is a usage error (exit 2) that names the
 * option: {@code Invalid value for option '--timeout': 'abc' is not a duration (use e.g. 500ms, 90s, 5m, 1h)}.
 */
final class Converters {

    private Converters() {
    }

    /** A duration of more than zero: {@code 500ms}, {@code 90s}, {@code 1m30s}, {@code 2h}. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration d = DurationText.parse(text).orElseThrow(() -> new TypeConversionException(
                    "'" + text + "' is not a duration (use e.g. 500ms, 90s, 5m, 1h)"));
            if (d.isZero()) {
                throw new TypeConversionException("'" + text + "' must be more than 0s");
            }
            return d;
        }
    }

    /** A whole number from {@code min} to {@code max}; else {@code why} (after the text in quotes). */
    private static long wholeNumber(String text, long min, long max, String why) {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new TypeConversionException("'" + text + "' " + why);
    }

    /** A whole number of at least 1. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) wholeNumber(text, 1, Integer.MAX_VALUE, "is not a whole number of at least 1");
        }
    }

    /** A number of at least 1, or {@code all} (empty). */
    static final class CountOrAll implements ITypeConverter<OptionalInt> {
        @Override
        public OptionalInt convert(String text) {
            if (text.strip().equals("all")) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(new PositiveInt().convert(text));
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + text + "' is not a number of at least 1 or 'all'");
            }
        }
    }

    /** A factor above zero, at most 1000: {@code 2}, {@code 1.5}, {@code 0.5}. */
    static final class Multiplier implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                double x = Double.parseDouble(text.strip());
                if (x > 0 && x <= 1000) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("'" + text + "' is not a number above 0 and at most 1000 (e.g. 2, 1.5)");
        }
    }

    /** An exit status, 0 to 255. */
    static final class ExitStatus implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) wholeNumber(text, 0, 255, "is not an exit status (0 to 255)");
        }
    }

    /** {@code K/N} with {@code 1 <= K <= N}. */
    static final class ShardSlice implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String text) {
            return Shard.read(text).orElseThrow(() -> new TypeConversionException(
                    "'" + text + "' is not K/N with 1 <= K <= N (e.g. 2/4)"));
        }
    }

    /** A process id above 0. */
    static final class Pid implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return wholeNumber(text, 1, Long.MAX_VALUE, "is not a process id");
        }
    }
}
