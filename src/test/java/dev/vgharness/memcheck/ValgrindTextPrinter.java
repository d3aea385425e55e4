package dev.vgharness.memcheck;

import java.util.Locale;

/** Prints model values the way Memcheck prints them (mc_errors.c, mc_leakcheck.c), for round-trip tests. */
final class ValgrindTextPrinter {

    private ValgrindTextPrinter() {
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
                .append(r.kind().text()).append(" in ").append(r.newRecord() ? "new " : "").append("loss record ")
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
