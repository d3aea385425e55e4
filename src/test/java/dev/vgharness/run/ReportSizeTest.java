package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakCheckParser;
import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.bench.LeakTextGenerator;
import dev.vgharness.report.JsonReport;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.LeftOut;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopResult;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A run of 50 stops with 2,000 loss records each (12 frames of long C++ names, as LeakTextGenerator writes them),
 * 40 records growing at every stop, and 2,000 at exit, as the runner reports it by default: no raw text, no
 * transcript, the 200 records that changed most per stop. Bound: 50 MB = (50 stops x 200 + 2,000 exit records) x
 * 4 KB (one such record in pretty JSON is 3.9 KB) + 2 MB for the rest. The same run kept whole was 387 MB of
 * JSON, and about twice that with the raw leak_check text and the transcript: more than anyone reads.
 */
class ReportSizeTest {

    private static final int STOPS = 50;
    private static final int RECORDS = 2000;
    private static final int GROWING = 40;
    private static final long BOUND = 50L * 1024 * 1024;

    @Test
    void fiftyStopsOfTwoThousandRecordsStayUnderFiftyMegabytes() throws Exception {
        LeakCheckAnswer answer = LeakCheckParser.parse(text());
        List<LossRecord> records = answer.lossRecords();
        assertEquals(RECORDS, records.size());
        List<StopResult> stops = new ArrayList<>();
        for (int hit = 1; hit <= STOPS; hit++) {
            StopLeakCheck search = new StopLeakCheck("leak_check full reachable any heuristics all", answer.summary(),
                    results(records, hit), null);
            StopRecords.Kept kept = StopRecords.keep(search, OptionalInt.of(StopRecords.DEFAULT_LIMIT));
            stops.add(new StopResult("after_request", hit, 1, new StopFrame("handle", "server.c", 217, 0x109205L),
                    kept.leakCheck(), List.of(), List.of(), List.of(), 0L, 51234L, List.of(), List.of(), List.of(), 12,
                    null, List.of(), kept.leftOut().stream().toList(), List.of()));
        }
        CaseResult c = new CaseResult("growth", RunStatus.PASSED, null, List.of("./server"), 1, 60_000, stops,
                CaseExit.exited(0), new FinalResults(answer.summary(), results(records, 0), List.of(), true),
                List.of(), "", null);
        RunResult run = new RunResult(new RunResult.Tool("vgharness", "test"), new RunResult.PlanInfo("p", "p.yaml"),
                Map.of(), Instant.parse("2026-11-29T10:00:00Z"), 60_000, RunStatus.PASSED, null, List.of(c));

        Counter size = new Counter();
        JsonReport.write(run, size);

        assertTrue(size.bytes < BOUND, size.bytes + " bytes");
        assertEquals(Optional.of(new LeftOut("leak_check", null, 200, 200, RECORDS - 200)),
                stops.get(STOPS - 1).leftOut().stream().findFirst());
        assertTrue(stops.get(STOPS - 1).leakCheck().lossRecords().stream().filter(r -> r.record().bytesDelta() != 0)
                .count() == GROWING, "the records that grew are all kept");
    }

    private static String text() throws Exception {
        StringWriter out = new StringWriter();
        LeakTextGenerator.write(out, RECORDS, 12);
        String all = out.toString();
        return all.substring(0, all.indexOf('\n', all.indexOf("suppressed:")) + 1); // the leak_check part
    }

    /** Records 1..40 grew by 32 bytes since the previous search, the others did not change (at hit 0: exit). */
    private static List<LossRecordResult> results(List<LossRecord> records, int hit) {
        return records.stream().map(r -> {
            boolean grows = hit > 0 && r.number() <= GROWING;
            long delta = hit == 1 ? r.bytes() : grows ? 32 : 0;
            return new LossRecordResult(new LossRecord(r.number(), r.of(), r.kind(), r.bytes() + 32L * hit,
                    r.directBytes(), r.indirectBytes(), r.blocks(), delta, null, null, grows ? 1L : 0L, false,
                    r.stack()), false, java.util.Collections.nCopies(
                    LeakIdentity.belowAllocator(r.stack()).size(), "-"));
        }).toList();
    }

    private static final class Counter extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
