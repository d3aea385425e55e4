package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison of a measured number with an expected one, written in a plan as a number ({@code 0}: equal to)
 * or a string {@code "OP N"} ({@code "<= 24"}), with OP one of {@code == != < <= > >=}.
 * {@link #toString()} gives the readable form used in reports: {@code "<= 24"}, {@code "== 0"}.
 */
public record Comparison(Operator operator, long value) {

    private static final Pattern TEXT = Pattern.compile("\\s*(==|!=|<=|>=|<|>)?\\s*([-+]?\\d+)\\s*");

    public Comparison {
        requireNonNull(operator, "operator is null");
    }

    /** The comparison a plain number stands for. */
    public static Comparison equalTo(long value) {
        return new Comparison(Operator.EQ, value);
    }

    /** Parses {@code "OP N"} or a bare {@code "N"} (equal to); empty when the text is neither. */
    public static Optional<Comparison> parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(m.group(2));
            return Optional.of(new Comparison(m.group(1) == null ? Operator.EQ : Operator.bySymbol(m.group(1)), value));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    public boolean test(long actual) {
        return operator.test(actual, value);
    }

    @Override
    public String toString() {
        return operator.symbol() + " " + value;
    }

    /** The six operators, each with its symbol. */
    public enum Operator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Operator bySymbol(String symbol) {
            return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no operator " + symbol));
        }

        boolean test(long actual, long expected) {
            return switch (this) {
                case EQ -> actual == expected;
                case NE -> actual != expected;
                case LT -> actual < expected;
                case LE -> actual <= expected;
                case GT -> actual > expected;
                case GE -> actual >= expected;
            };
        }
    }
}
