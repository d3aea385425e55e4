package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.memcheck.HeuristicReach;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MonitorError;
import dev.vgharness.memcheck.MonitorErrorKind;
import dev.vgharness.memcheck.PointerLocation;
import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.LossRecordResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static JsonNode written(Object value) throws Exception {
        return json(ReportJson.mapper().writeValueAsString(value));
    }

    @Test
    void writesPointerSearchesWithHexAddressesLowerCaseKindsAndNulls() throws Exception {
        PointerSearch search = new PointerSearch(0x4a5a040L, 1, List.of(
                new PointerOwner(0x1ffeffff8c8L, PointerLocation.STACK, 0x4a5a040L, 0, false, 1, null,
                        "Address 0x1ffeffff8c8 is on thread 1's stack", null, null, List.of()),
                new PointerOwner(null, PointerLocation.REGISTER, 0x4a5a040L, 0, false, 1, "RBX", null, null, null,
                        List.of())),
                List.of(new HeuristicReach(0x4a5a040L, 0x4a5a048L, "newarray")));

        assertEquals(json("""
                {"address": "0x4A5A040", "length": 1, "pointers": [
                  {"address": "0x1FFEFFFF8C8", "kind": "stack", "points_at": "0x4A5A040", "offset": 0,
                   "interior": false, "thread": 1, "register": null,
                   "description": "Address 0x1ffeffff8c8 is on thread 1's stack",
                   "block_offset": null, "block_size": null, "stack": []},
                  {"address": null, "kind": "register", "points_at": "0x4A5A040", "offset": 0, "interior": false,
                   "thread": 1, "register": "RBX", "description": null, "block_offset": null, "block_size": null,
                   "stack": []}],
                 "heuristics": [{"block": "0x4A5A040", "pointer": "0x4A5A048", "heuristic": "newarray"}]}"""),
                written(search));
    }

    @Test
    void writesSummariesAndComplaintsInReportShape() throws Exception {
        LeakTotals zero = new LeakTotals(0, 0, 0L, 0L);
        LeakSummary summary = new LeakSummary(new LeakTotals(48, 3, 16L, 1L), zero, zero, zero, zero, List.of());

        assertEquals(json("""
                {"definitely_lost": {"bytes": 48, "blocks": 3, "bytes_delta": 16, "blocks_delta": 1},
                 "indirectly_lost": {"bytes": 0, "blocks": 0, "bytes_delta": 0, "blocks_delta": 0},
                 "possibly_lost": {"bytes": 0, "blocks": 0, "bytes_delta": 0, "blocks_delta": 0},
                 "still_reachable": {"bytes": 0, "blocks": 0, "bytes_delta": 0, "blocks_delta": 0},
                 "suppressed": {"bytes": 0, "blocks": 0, "bytes_delta": 0, "blocks_delta": 0},
                 "reachable_via_heuristic": []}"""), written(summary));
        assertEquals(json("""
                {"kind": "invalid_loss_record", "text": "invalid loss record nr"}"""),
                written(new MonitorError(MonitorErrorKind.INVALID_LOSS_RECORD, "invalid loss record nr")));
    }

    @Test
    void writesAVanishedLossRecordFlatWithGoneTrue() throws Exception {
        LossRecordResult freed = new LossRecordResult(new LossRecord(1, 3, LeakKind.STILL_REACHABLE, 0, 0, 0, 0,
                -100L, -100L, 0L, -1L, false, List.of(new StackFrame(0x10925CL, "main", "sites.c", 47, null))),
                false, List.of("#1"));

        assertEquals(json("""
                {"number": 1, "of": 3, "kind": "still_reachable", "bytes": 0, "direct_bytes": 0,
                 "indirect_bytes": 0, "blocks": 0, "bytes_delta": -100, "direct_bytes_delta": -100,
                 "indirect_bytes_delta": 0, "blocks_delta": -1, "new_record": false,
                 "stack": [{"address": "0x10925C", "function": "main", "file": "sites.c", "line": 47,
                            "object": null}],
                 "baseline": false, "sites": ["#1"], "lost_at": null, "lost_at_unknown": null,
                 "fingerprint": "still_reachable|-|main@sites.c=#1", "gone": true}"""),
                written(freed));
    }
}
