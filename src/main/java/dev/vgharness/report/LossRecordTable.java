package dev.vgharness.report;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.LossRecordResult;
import java.util.List;
import java.util.Locale;

/**
 * Loss records as a table a person reads: number, kind, bytes, blocks, delta, and the first frame in the
 * program's own code (the allocator frames skipped).
 * <pre>
 *    #  kind              bytes  blocks   delta  where
 *    9  definitely_lost      96       2     +32  handle_request (leaky.c:29)
 * </pre>
 */
public final class LossRecordTable {

    private LossRecordTable() {
    }

    public static String render(List<LossRecordResult> records) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5s  %-16s %10s %7s %9s  %s%n", "#", "kind",
                "bytes", "blocks", "delta", "where"));
        for (LossRecordResult r : records) {
            LossRecord record = r.record();
            sb.append(String.format(Locale.ROOT, "%5d  %-16s %10d %7d %9s  %s%s%n", record.number(),
                    record.kind().key(), record.bytes(), record.blocks(), TextSummary.signed(record.bytesDelta()),
                    firstOwnFrame(record.stack()), marks(r)));
            String lost = LostAtText.line(r);
            if (lost != null) {
                sb.append(String.format(Locale.ROOT, "%5s  %s%n", "", lost));
            }
        }
        return sb.toString();
    }

    private static String marks(LossRecordResult r) {
        return (r.gone() ? "  (gone)" : "") + (r.baseline() ? "  (baseline)" : "");
    }

    /** The first frame that is not an allocator, shown as {@code function (file:line)}. */
    public static String firstOwnFrame(List<StackFrame> stack) {
        for (StackFrame f : stack) {
            if (f.function() != null && !LeakIdentity.isAllocator(f.function())) {
                return f.function() + (f.file() == null ? "" : " (" + f.file() + ":" + f.line() + ")");
            }
        }
        return stack.isEmpty() ? "?" : String.valueOf(stack.get(0).function());
    }
}
