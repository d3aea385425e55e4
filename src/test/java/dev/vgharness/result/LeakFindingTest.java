package dev.vgharness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakFindingTest {

    private static LossRecord at(int line, long bytes) {
        return SampleRuns.record(1, LeakKind.DEFINITELY_LOST, bytes, 1, 0, SampleRuns.requestStack(line));
    }

    private static StopResult stopWith(int hit, List<LossRecordResult> records) {
        StopResult sample = SampleRuns.stop(hit, 32, 32, List.of());
        StopLeakCheck check = new StopLeakCheck("leak_check", sample.leakCheck().summary(), records, "");
        return new StopResult("after_request", hit, 1, sample.frame(), check, List.of(), List.of(), List.of(), null,
                null, List.of(), List.of(), List.of(), 1);
    }

    @Test
    void aLeakTheExitSawIsTakenFromTheExitAndOneOnlyStopsSawFromTheLatestOfThem() {
        CaseResult exitOnly = SampleRuns.exitCase("c", SampleRuns.check(at(29, 64)));
        CaseResult c = new CaseResult("c", RunStatus.PASSED, null, List.of("./c"), 1, 1,
                List.of(stopWith(1, SampleRuns.check(at(29, 16), at(33, 8))),
                        stopWith(2, SampleRuns.check(at(29, 32), at(33, 24)))),
                exitOnly.exit(), exitOnly.finalResults(), List.of(), null);

        List<LeakFinding> found = LeakFinding.lostLeaks(SampleRuns.runOf(c));

        assertEquals(List.of(64L, 24L), found.stream().map(LeakFinding::bytes).toList());
        assertEquals(List.of(1, 1), found.stream().map(f -> f.records().size()).toList());
    }

    @Test
    void recordsOfOneCheckSharingAnIdentityAndTheSameLeakInOtherCasesAddUp() {
        LossRecord other = SampleRuns.record(2, LeakKind.DEFINITELY_LOST, 40, 2, 0, List.of(SampleRuns.malloc(),
                SampleRuns.frame(0x10AAAAL, "handle_request", "leaky.c", 29),
                SampleRuns.frame(0x109362L, "main", "leaky.c", 49)));
        RunResult run = SampleRuns.runOf(SampleRuns.exitCase("a", SampleRuns.check(at(29, 16), other)),
                SampleRuns.exitCase("b", SampleRuns.check(at(29, 8))));

        List<LeakFinding> found = LeakFinding.lostLeaks(run);

        assertEquals(1, found.size());
        assertEquals(64, found.get(0).bytes());
        assertEquals(4, found.get(0).blocks());
        assertEquals(List.of("a", "b"), found.get(0).cases());
        assertEquals(2, found.get(0).stacks().size());
    }
}
