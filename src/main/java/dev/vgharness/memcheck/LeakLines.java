package dev.vgharness.memcheck;

import java.util.List;

/**
 * Parses the one-line shapes of leak output: loss-record headers, LEAK SUMMARY lines and block_list block lines.
 * <pre>
 * 64 (+64) (16 (+16) direct, 48 (+48) indirect) bytes in 1 (+1) blocks are definitely lost in new loss record 7 of 7
 *    definitely lost: 1,234 (-8) bytes in 3 (+0) blocks
 *   0x4A401D0[16] indirect loss record 6
 * </pre>
 */
final class LeakLines {

    private static final String BLOCK_LIST_INDIRECT = " indirect loss record ";
    private static final String BLOCK_LIST_HEURISTIC = " (found via heuristic ";

    private LeakLines() {
    }

    /** A loss-record header (stack still empty), or null when the body is not one. */
    static LossRecord header(String body) {
        if (body.isEmpty() || !LinePrefix.isDigit(body.charAt(0))) {
            return null;
        }
        TextScanner s = new TextScanner(body, 0);
        long bytes = s.number();
        Long bytesDelta = s.delta();
        long direct = bytes;
        long indirect = 0;
        Long directDelta = bytesDelta;
        Long indirectDelta = null;
        if (s.skip(" (")) {
            direct = s.number();
            directDelta = s.delta();
            if (direct == TextScanner.NONE || !s.skip(" direct, ")) {
                return null;
            }
            indirect = s.number();
            indirectDelta = s.delta();
            if (indirect == TextScanner.NONE || !s.skip(" indirect)")) {
                return null;
            }
        }
        if (!s.skip(" bytes in ")) {
            return null;
        }
        return headerTail(s, bytes, direct, indirect, bytesDelta, directDelta, indirectDelta);
    }

    private static LossRecord headerTail(TextScanner s, long bytes, long direct, long indirect, Long bytesDelta,
            Long directDelta, Long indirectDelta) {
        long blocks = s.number();
        Long blocksDelta = s.delta();
        if (blocks == TextScanner.NONE || !s.skip(" blocks are ")) {
            return null;
        }
        LeakKind kind = kindAt(s);
        if (kind == null || !s.skip(" in ")) {
            return null;
        }
        boolean isNew = s.skip("new ");
        if (!s.skip("loss record ")) {
            return null;
        }
        long number = s.number();
        if (number == TextScanner.NONE || !s.skip(" of ")) {
            return null;
        }
        long of = s.number();
        if (of == TextScanner.NONE || !s.atEnd()) {
            return null;
        }
        return new LossRecord((int) number, (int) of, kind, bytes, direct, indirect, blocks, bytesDelta,
                directDelta, indirectDelta, blocksDelta, isNew, List.of());
    }

    private static LeakKind kindAt(TextScanner s) {
        for (LeakKind kind : LeakKind.values()) {
            if (s.skip(kind.text())) {
                return kind;
            }
        }
        return null;
    }

    /** A {@code label: B bytes in N blocks} line of a summary (kind or heuristic label), or null. */
    static LabelledTotals summaryLine(String body) {
        int colon = body.indexOf(':');
        if (colon < 1) {
            return null;
        }
        String label = body.substring(0, colon).trim();
        TextScanner s = new TextScanner(body, colon + 1);
        if (!s.skip(" ")) {
            return null;
        }
        long bytes = s.number();
        Long bytesDelta = s.delta();
        if (bytes == TextScanner.NONE || !s.skip(" bytes in ")) {
            return null;
        }
        long blocks = s.number();
        Long blocksDelta = s.delta();
        if (blocks == TextScanner.NONE || !s.skip(" blocks") || !s.atEnd()) {
            return null;
        }
        return new LabelledTotals(label, new LeakTotals(bytes, blocks, bytesDelta, blocksDelta));
    }

    /** A summary line split into its label and numbers. */
    record LabelledTotals(String label, LeakTotals totals) {
    }

    /** A block line of block_list; depth 0 for a listed block, or null when the body is not a block line. */
    static BlockLine blockLine(String body) {
        int spaces = 0;
        while (spaces < body.length() && body.charAt(spaces) == ' ') {
            spaces++;
        }
        if (spaces % 2 != 0 || !body.startsWith("0x", spaces)) {
            return null;
        }
        TextScanner s = new TextScanner(body, spaces);
        long address = s.hexAddress();
        if (address == TextScanner.NONE || !s.skip("[")) {
            return null;
        }
        long size = s.number();
        if (size == TextScanner.NONE || !s.skip("]")) {
            return null;
        }
        return blockLineTail(s, spaces / 2, address, size);
    }

    private static BlockLine blockLineTail(TextScanner s, int depth, long address, long size) {
        if (s.atEnd()) {
            return new BlockLine(depth, address, size, 0, null);
        }
        if (s.skip(BLOCK_LIST_INDIRECT)) {
            long record = s.number();
            return record == TextScanner.NONE || !s.atEnd() ? null : new BlockLine(depth, address, size, (int) record, null);
        }
        if (s.skip(BLOCK_LIST_HEURISTIC)) {
            String heuristic = s.until(')');
            return heuristic == null ? null : new BlockLine(depth, address, size, 0, heuristic);
        }
        return null;
    }

    /** One parsed block line. */
    record BlockLine(int depth, long address, long size, int lossRecord, String heuristic) {
    }
}
