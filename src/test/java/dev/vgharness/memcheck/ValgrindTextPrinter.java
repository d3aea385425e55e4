package dev.vgharness.memcheck;

import dev.vgharness.Fixtures;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints model values the way Memcheck prints them (mc_errors.c, mc_leakcheck.c), for round-trip tests. The words of
 * each kind come from recorded valgrind output, never from {@link LeakKind#text()}, whose words are under test.
 */
final class ValgrindTextPrinter {

    /** Each record of a recorded XML file: its {@code <kind>} and the words of its {@code <text>}. */
    private static final Pattern KIND_AND_TEXT = Pattern.compile(
            "<kind>(Leak_\\w+)</kind>\\s*<xwhat>\\s*<text>[^<]* blocks are ([a-z ]+) in loss record ");
    /** The XML names of the kinds, as valgrind's XML protocol documents them. */
    private static final Map<String, LeakKind> XML_KINDS = Map.of("Leak_DefinitelyLost", LeakKind.DEFINITELY_LOST,
            "Leak_IndirectlyLost", LeakKind.INDIRECTLY_LOST, "Leak_PossiblyLost", LeakKind.POSSIBLY_LOST,
            "Leak_StillReachable", LeakKind.STILL_REACHABLE);
    /** What valgrind 3.19 called each kind in leaky.c's exit-time report, which has all four. */
    static final Map<LeakKind, String> KIND_WORDS = recordedKindWords("memcheck/leaky.3.19.xml");

    private ValgrindTextPrinter() {
    }

    private static Map<LeakKind, String> recordedKindWords(String fixture) {
        Map<LeakKind, String> words = new EnumMap<>(LeakKind.class);
        Matcher m = KIND_AND_TEXT.matcher(Fixtures.read(fixture));
        while (m.find()) {
            words.put(XML_KINDS.get(m.group(1)), m.group(2));
        }
        if (words.size() != LeakKind.values().length) {
            throw new IllegalStateException(fixture + " does not name every kind: " + words);
        }
        return words;
    }

    static String number(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    static String delta(Long delta) {
        if (delta == null) {
            return "";
        }
        return delta < 0 ? " (-" + number(-delta) + ")" : " (+" + number(delta) + ")";
    }

    static String header(LossRecord r) {
        StringBuilder line = new StringBuilder();
        line.append(number(r.bytes())).append(delta(r.bytesDelta()));
        if (r.indirectBytes() > 0) {
            line.append(" (").append(number(r.directBytes())).append(delta(r.directBytesDelta())).append(" direct, ")
                    .append(number(r.indirectBytes())).append(delta(r.indirectBytesDelta())).append(" indirect)");
        }
        line.append(" bytes in ").append(number(r.blocks())).append(delta(r.blocksDelta())).append(" blocks are ")
                .append(KIND_WORDS.get(r.kind())).append(" in ").append(r.newRecord() ? "new " : "").append("loss record ")
                .append(number(r.number())).append(" of ").append(number(r.of()));
        return line.toString();
    }

    static String frame(StackFrame f, boolean first) {
        StringBuilder line = new StringBuilder(first ? "   at 0x" : "   by 0x");
        line.append(Long.toHexString(f.address()).toUpperCase(Locale.ROOT)).append(": ").append(f.function());
        if (f.file() != null) {
            line.append(" (").append(f.file()).append(':').append(f.line()).append(')');
        } else if (f.object() != null) {
            line.append(" (in ").append(f.object()).append(')');
        }
        return line.toString();
    }

    static String summaryLine(String label, LeakTotals t) {
        return String.format(Locale.US, "%19s", label) + ": " + number(t.bytes()) + delta(t.bytesDelta())
                + " bytes in " + number(t.blocks()) + delta(t.blocksDelta()) + " blocks";
    }

    static String heuristicLine(HeuristicTotals h) {
        return "                        " + String.format(Locale.US, " %-19s", h.heuristic()) + ": "
                + number(h.bytes()) + delta(h.bytesDelta()) + " bytes in " + number(h.blocks())
                + delta(h.blocksDelta()) + " blocks";
    }

    static String blockLine(int depth, long address, long size, String tail) {
        return "  ".repeat(depth) + "0x" + Long.toHexString(address).toUpperCase(Locale.ROOT) + "[" + size + "]" + tail;
    }
}
