package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.LostAt;
import dev.vgharness.result.LostHow;
import dev.vgharness.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code find_lost:} on real valgrind and gdb: the second run follows each lost record's blocks to the line where
 * the last pointer to them disappeared, which is the fixture's MARK line for that record.
 */
class FindLostEndToEndTest {

    private static final String LOST = "src/lost.c";

    @TempDir
    Path dir;

    private CaseResult run(Path program, String args, String findLost) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                cases:
                  - name: lost
                    command: [%s%s]
                    find_lost: %s
                """.formatted(program, args, findLost));
        RunResult run = new PlanRunner(RunOptions.defaults().withTools(TestTools.valgrind(), TestTools.gdb())
                .withDefaultTimeout(Duration.ofSeconds(90)),
                Clock.systemUTC(), "test").run(PlanLoader.load(plan));
        return run.cases().get(0);
    }

    /** The followed records by the line that allocated them. */
    private static Map<Integer, LossRecordResult> byAllocationLine(CaseResult c) {
        return c.finalResults().lossRecords().stream()
                .collect(Collectors.toMap(r -> r.record().stack().get(1).line(), r -> r, (a, b) -> a));
    }

    private static void assertLost(LossRecordResult r, String source, String mark, LostHow how, String heldBy) {
        LostAt at = r.lostAt();
        assertTrue(at != null, "record " + r.record().number() + " was not followed to its loss: " + r.lostAtUnknown());
        assertEquals(List.of(Fixtures.line(source, mark), how, heldBy), List.of(at.line(), at.how(), at.heldBy()),
                mark);
        assertTrue(at.file().endsWith(source.substring(source.indexOf('/') + 1)), at.file());
        assertEquals(at.function(), at.backtrace().stream().filter(f -> f.line() != null && f.line().equals(at.line()))
                .findFirst().orElseThrow().function(), "the line is a frame of the backtrace");
        assertNull(r.lostAtUnknown());
    }

    @Test
    void eachLeakIsLostAtItsLineOverwrittenOutOfScopeOrWithTheBlockHoldingIt() throws Exception {
        CaseResult c = run(Fixtures.compile(LOST), "", "{limit: 5}");
        Map<Integer, LossRecordResult> records = byAllocationLine(c);

        assertLost(records.get(Fixtures.line(LOST, "alloc_buf")), LOST, "overwritten", LostHow.OVERWRITTEN, "c->buf");
        assertLost(records.get(Fixtures.line(LOST, "alloc_line")), LOST, "out_of_scope", LostHow.OUT_OF_SCOPE,
                "local line in parse_header");
        assertLost(records.get(Fixtures.line(LOST, "loop")), LOST, "loop", LostHow.OVERWRITTEN,
                "local item in fill_cache");
        List<LossRecordResult> payloads = c.finalResults().lossRecords().stream()
                .filter(r -> r.record().stack().get(1).line() == Fixtures.line(LOST, "alloc_payload")).toList();
        assertEquals(2, payloads.size(), "two records (two callers) allocated by one line share its breakpoint");
        payloads.forEach(r -> assertLost(r, LOST, "container_freed", LostHow.CONTAINER_FREED, "head->payload"));
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("find_lost: the second run followed 5")),
                c.notes().toString());
    }

    @Test
    void theLimitFollowsTheLargestRecordsOnly() throws Exception {
        CaseResult c = run(Fixtures.compile(LOST), "", "{limit: 2}");

        assertEquals(List.of(200L, 100L), c.finalResults().lossRecords().stream()
                .filter(r -> r.lostAt() != null || r.lostAtUnknown() != null).map(r -> r.record().bytes())
                .sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void aUniquePtrReleaseIsLostWhereItIsReleasedInTheProgramsOwnCode() throws Exception {
        String source = "src/lost_release.cpp";
        CaseResult c = run(Fixtures.compile(source), "", "{}");

        LossRecordResult r = c.finalResults().lossRecords().get(0);
        assertLost(r, source, "released", LostHow.OVERWRITTEN, "local s in main");
        assertEquals("detach", r.lostAt().function().replaceAll("\\(.*", ""));
        assertTrue(r.lostAt().backtrace().get(0).file().contains("unique_ptr.h"),
                "the write itself was in the library's header: " + r.lostAt().backtrace().get(0));
    }

    @Test
    void aSecondRunThatTakesAnotherPathIsSaidNotGuessed() throws Exception {
        Path marker = dir.resolve("marker");
        CaseResult c = run(Fixtures.compile("src/lost_path.c"), ", " + marker, "{}");

        assertTrue(Files.exists(marker), "the first run took the leaking path");
        LossRecordResult r = c.finalResults().lossRecords().get(0);
        assertNull(r.lostAt());
        assertEquals("the program took another path in the second run: the allocation at main (lost_path.c:"
                + Fixtures.line("src/lost_path.c", "alloc") + ") ran 1 times, and 0 of its 1 blocks were seen lost",
                r.lostAtUnknown());
    }
}
