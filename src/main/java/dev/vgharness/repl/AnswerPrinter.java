package dev.vgharness.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.report.BlockListTable;
import dev.vgharness.report.LossRecordTable;
import dev.vgharness.report.PointerOwnerTable;
import dev.vgharness.report.ReportJson;
import dev.vgharness.report.TextSummary;
import dev.vgharness.result.StopLeakCheck;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Shows parsed monitor answers: the raw text followed by a compact table, or (with {@code :json on}) one line of
 * JSON shaped as in the JSON report (docs/report.md) instead of both:
 * <pre>
 * {"leak_check":{"command":"leak_check full reachable any","summary":{...},"loss_records":[...],"output":"..."}}
 * </pre>
 */
final class AnswerPrinter {

    private final ReplSession session;

    AnswerPrinter(ReplSession session) {
        this.session = session;
    }

    void raw(String text) {
        PrintWriter out = session.out();
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
    }

    void leakCheck(StopLeakCheck report) {
        if (json("leak_check", report)) {
            return;
        }
        raw(report.output());
        session.out().println("summary: " + TextSummary.leaks(report.summary()));
        session.out().print(LossRecordTable.render(report.lossRecords()));
    }

    void blockLists(String text, List<BlockList> lists) {
        if (json("block_lists", lists)) {
            return;
        }
        raw(text);
        session.out().print(BlockListTable.render(lists));
    }

    void whoPointsAt(String text, PointerSearch search) {
        if (json("who_points_at", search)) {
            return;
        }
        raw(text);
        session.out().print(PointerOwnerTable.render(search));
    }

    /** In JSON mode prints {@code {"key": value}} on one line and says so. */
    private boolean json(String key, Object value) {
        if (!session.json()) {
            return false;
        }
        try {
            session.out().println(ReportJson.mapper().writeValueAsString(Map.of(key, value)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }
}
