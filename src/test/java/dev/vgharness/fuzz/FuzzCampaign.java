package dev.vgharness.fuzz;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every input of a {@link FuzzInputs} campaign through a set of parsers, in batches under a preemptive timeout
 * (a hang guard, not a speed check), and collects every exception that is not one of the parser's typed errors as
 * a {@link Finding}, one per exception type and throwing frame, with the first input that raised it.
 * <pre>
 * mi-parser: 1000000 inputs x 1 parsers in 41.2 s, seed 7, 0 findings
 * </pre>
 */
public final class FuzzCampaign {

    /** One parser under test, fed one input. */
    @FunctionalInterface
    public interface Target {
        void parse(String input) throws Exception;
    }

    /** Small batches, so the limit below bounds one input's time, not the campaign's throughput. */
    private static final int BATCH = 1_000;
    /** Hang detection only: a healthy batch takes well under a second, a few on a loaded 2-core machine. */
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(60);
    private static final Path REPORTS = Path.of("target/fuzz");

    private final String name;
    private final FuzzInputs inputs;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, List<Class<? extends Throwable>>> typedErrors = new LinkedHashMap<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private volatile long current;

    public FuzzCampaign(String name, FuzzInputs inputs) {
        this.name = requireNonNull(name, "name is null");
        this.inputs = requireNonNull(inputs, "inputs is null");
    }

    /** Adds a parser; {@code typed} are the exceptions its contract allows (none for a parser that never throws). */
    @SafeVarargs
    public final FuzzCampaign target(String parser, Target target, Class<? extends Throwable>... typed) {
        targets.put(parser, requireNonNull(target, "target is null"));
        typedErrors.put(parser, List.of(typed));
        return this;
    }

    /** Runs inputs {@code 0..count-1} through every parser; fails on a hang, reports findings in the outcome. */
    public FuzzOutcome run(long count) {
        long started = System.nanoTime();
        for (long from = 0; from < count; from += BATCH) {
            long first = from;
            long last = Math.min(count, from + BATCH);
            assertTimeoutPreemptively(BATCH_LIMIT, () -> runBatch(first, last),
                    () -> "hang in " + name + ": input " + current + " of campaign seed " + inputs.campaignSeed()
                            + " did not finish; " + preview(inputs.input(current)));
        }
        FuzzOutcome outcome = new FuzzOutcome(name, inputs.campaignSeed(), count, List.copyOf(targets.keySet()),
                (System.nanoTime() - started) / 1e9, List.copyOf(findings.values()));
        write(outcome);
        return outcome;
    }

    private void runBatch(long from, long to) {
        for (long i = from; i < to; i++) {
            current = i;
            String input = inputs.input(i);
            targets.forEach((parser, target) -> parseOne(parser, target, input, current));
        }
    }

    private void parseOne(String parser, Target target, String input, long index) {
        try {
            target.parse(input);
        } catch (Throwable thrown) {
            if (typedErrors.get(parser).stream().noneMatch(type -> type.isInstance(thrown))) {
                String where = throwingFrame(thrown);
                // a stack overflow's top frame is anywhere in the recursion: one finding, whatever the frame
                String key = parser + " " + thrown.getClass().getName()
                        + (thrown instanceof StackOverflowError ? "" : " at " + where);
                findings.computeIfAbsent(key,
                        unused -> new Finding(parser, thrown, where, inputs.campaignSeed(), index, input)).seen();
            }
        }
    }

    /** The deepest frame of the code under test, so findings group by our line rather than by the JDK's. */
    private static String throwingFrame(Throwable thrown) {
        StackTraceElement[] trace = thrown.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("dev.vgharness.") && !frame.getClassName().contains(".fuzz.")) {
                return frame.toString();
            }
        }
        return trace.length == 0 ? "?" : trace[0].toString();
    }

    private static void write(FuzzOutcome outcome) {
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(outcome.name() + ".txt"), outcome.summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(outcome.summary());
    }

    /** The input as a Java string literal, cut to a readable length. */
    public static String preview(String input) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(input.length(), 400); i++) {
            char c = input.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        return out.append(input.length() > 400 ? "\"... (" + input.length() + " chars)" : "\"").toString();
    }

    /** The first input that made {@code parser} throw {@code thrown} from {@code where}, and how often it happened. */
    public static final class Finding {
        private final String parser;
        private final Throwable thrown;
        private final String where;
        private final long campaignSeed;
        private final long index;
        private final String input;
        private long occurrences;

        Finding(String parser, Throwable thrown, String where, long campaignSeed, long index, String input) {
            this.parser = parser;
            this.thrown = thrown;
            this.where = where;
            this.campaignSeed = campaignSeed;
            this.index = index;
            this.input = input;
        }

        void seen() {
            occurrences++;
        }

        public String parser() {
            return parser;
        }

        public String input() {
            return input;
        }

        public Throwable thrown() {
            return thrown;
        }

        @Override
        public String toString() {
            return parser + ": " + thrown + " at " + where + " (" + occurrences + "x; first: seed " + campaignSeed
                    + " input " + index + " = " + preview(input) + ")";
        }
    }

    /** What a campaign ran and found. */
    public record FuzzOutcome(String name, long campaignSeed, long inputs, List<String> parsers, double seconds,
            List<Finding> findings) {

        public FuzzOutcome {
            parsers = List.copyOf(parsers);
            findings = List.copyOf(findings);
        }

        public String summary() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(java.util.Locale.US, "%s: %d inputs x %d parsers %s in %.1f s, seed %d, %d findings",
                    name, inputs, parsers.size(), parsers, seconds, campaignSeed, findings.size()));
            findings.forEach(f -> lines.add("  " + f));
            return String.join("\n", lines) + "\n";
        }
    }
}
