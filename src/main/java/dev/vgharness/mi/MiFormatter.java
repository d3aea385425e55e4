package dev.vgharness.mi;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prints records back as gdb would, escaping strings like gdb's {@code printchar} with sevenbit-strings on (the MI
 * default): what {@link MiParser} reads, this writes, byte for byte. The result holds one char per byte
 * (ISO-8859-1). Used for round-trip tests and generated corpora.
 */
public final class MiFormatter {

    private MiFormatter() {
    }

    public static String format(MiRecord record) {
        StringBuilder sb = new StringBuilder();
        if (record instanceof MiRecord.Result r) {
            r.token().ifPresent(sb::append);
            sb.append('^').append(r.resultClass());
            topResults(sb, r.results());
        } else if (record instanceof MiRecord.Async a) {
            a.token().ifPresent(sb::append);
            sb.append(a.kind().mark()).append(a.asyncClass());
            topResults(sb, a.results());
        } else if (record instanceof MiRecord.Stream s) {
            string(sb.append(s.kind().mark()), s.text());
        } else if (record instanceof MiRecord.Prompt) {
            sb.append("(gdb) ");
        } else if (record instanceof MiRecord.Output o) {
            sb.append(new String(o.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        return sb.toString();
    }

    /** A repeated top-level name holding a tuple is MI2's bare multi-location tuple. */
    private static void topResults(StringBuilder sb, List<MiResult> results) {
        String previous = null;
        for (MiResult r : results) {
            sb.append(',');
            if (r.name().equals(previous) && r.value() instanceof MiTuple) {
                value(sb, r.value());
            } else {
                item(sb, r);
            }
            previous = r.name();
        }
    }

    private static void item(StringBuilder sb, MiResult r) {
        if (!r.isBare()) {
            sb.append(r.name()).append('=');
        }
        value(sb, r.value());
    }

    private static void value(StringBuilder sb, MiValue value) {
        if (value instanceof MiConst c) {
            string(sb, c.text());
        } else if (value instanceof MiTuple t) {
            items(sb, '{', t.results(), '}');
        } else if (value instanceof MiList l) {
            items(sb, '[', l.results(), ']');
        }
    }

    private static void items(StringBuilder sb, char open, List<MiResult> items, char close) {
        sb.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            item(sb, items.get(i));
        }
        sb.append(close);
    }

    private static void string(StringBuilder sb, String text) {
        sb.append('"');
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                case 033 -> sb.append("\\e");
                case 007 -> sb.append("\\a");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
