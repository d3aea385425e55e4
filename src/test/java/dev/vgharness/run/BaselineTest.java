package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.SampleRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    private Baseline read(String yaml) throws Exception {
        Path file = dir.resolve("baseline.yaml");
        Files.writeString(file, yaml);
        return Baseline.read(file);
    }

    private static LeakIdentity leak(LeakKind kind) {
        return identity(SampleRuns.record(1, kind, 32, 1, 0, SampleRuns.requestStack(29)));
    }

    private static LeakIdentity identity(LossRecord record) {
        return SampleRuns.check(record).get(0).identity();
    }

    /** A run of one case whose exit check found these records. */
    private static RunResult exitOnly(List<LossRecord> records) {
        return SampleRuns.runOf(SampleRuns.exitCase("sites", SampleRuns.check(records, r -> false)));
    }

    /** handle_request leaking at lines 29 and 31 of leaky.c, and a possibly lost block from main. */
    private static List<LossRecord> twoSitesOfOneFunction() {
        return List.of(SampleRuns.record(1, LeakKind.DEFINITELY_LOST, 32, 1, 0, SampleRuns.requestStack(29)),
                SampleRuns.record(2, LeakKind.DEFINITELY_LOST, 48, 2, 0, SampleRuns.requestStack(31)),
                SampleRuns.record(3, LeakKind.POSSIBLY_LOST, 64, 1, 0,
                        List.of(SampleRuns.malloc(), SampleRuns.frame(0x109330L, "main", "leaky.c", 44))));
    }

    @Test
    void readsTheReportMdFormat() throws Exception {
        Baseline baseline = read("""
                - kind: definitely_lost
                  stack: [stage, main]
                  note: "known, fixed in 2.4"
                """);

        assertEquals(new Baseline(List.of(new Baseline.Entry(LeakKind.DEFINITELY_LOST, List.of("stage", "main"),
                "known, fixed in 2.4"))), baseline);
    }

    @Test
    void matchesSameKindWhenTheStackIsAPrefixOfTheFunctionsAfterTheAllocator() {
        Baseline top = new Baseline(List.of(new Baseline.Entry(LeakKind.DEFINITELY_LOST, List.of("handle_request"), null)));
        Baseline whole = new Baseline(List.of(new Baseline.Entry(LeakKind.DEFINITELY_LOST,
                List.of("handle_request", "main"), null)));
        Baseline longer = new Baseline(List.of(new Baseline.Entry(LeakKind.DEFINITELY_LOST,
                List.of("handle_request", "main", "_start"), null)));
        Baseline withAllocator = new Baseline(List.of(new Baseline.Entry(LeakKind.DEFINITELY_LOST,
                List.of("malloc", "handle_request"), null)));

        assertTrue(top.matches(leak(LeakKind.DEFINITELY_LOST)));
        assertTrue(whole.matches(leak(LeakKind.DEFINITELY_LOST)));
        assertFalse(top.matches(leak(LeakKind.POSSIBLY_LOST)));
        assertFalse(longer.matches(leak(LeakKind.DEFINITELY_LOST)));
        assertFalse(withAllocator.matches(leak(LeakKind.DEFINITELY_LOST)));
    }

    @Test
    void anOldEntryWithoutSitesMatchesEverySiteOfItsFunctionsAsBefore() {
        Baseline old = new Baseline(List.of(new Baseline.Entry(LeakKind.DEFINITELY_LOST, List.of("handle_request"),
                null)));

        List<LossRecord> records = twoSitesOfOneFunction();
        assertTrue(old.matches(identity(records.get(0))));
        assertTrue(old.matches(identity(records.get(1))));
    }

    @Test
    void anEntryWithSitesMatchesOnlyItsOwnSiteAndAllocator() {
        List<LeakIdentity> ids = SampleRuns.check(twoSitesOfOneFunction(), r -> false).stream()
                .map(LossRecordResult::identity).toList();
        Baseline.Entry first = new Baseline.Entry(LeakKind.DEFINITELY_LOST, "malloc", List.of("handle_request", "main"),
                ids.get(0).sites(), null);
        Baseline.Entry topSiteOnly = new Baseline.Entry(LeakKind.DEFINITELY_LOST, null, List.of("handle_request"),
                ids.get(1).sites().subList(0, 1), null);
        Baseline.Entry byCalloc = new Baseline.Entry(LeakKind.DEFINITELY_LOST, "calloc", List.of("handle_request"),
                List.of(), null);

        assertTrue(first.matches(ids.get(0)));
        assertFalse(first.matches(ids.get(1)));
        assertTrue(topSiteOnly.matches(ids.get(1)));
        assertFalse(topSiteOnly.matches(ids.get(0)));
        assertFalse(byCalloc.matches(ids.get(0)));
    }

    @Test
    void writesTheLostLeaksOfARunOncePerIdentityAndReadsThemBack() throws Exception {
        Baseline written = Baseline.of(SampleRuns.run());
        Path file = dir.resolve("out/baseline.yaml");
        written.write(file);

        LeakIdentity request = identity(SampleRuns.record(3, LeakKind.DEFINITELY_LOST, 1, 1, 0,
                SampleRuns.requestStack(29)));
        assertEquals(List.of(
                new Baseline.Entry(LeakKind.DEFINITELY_LOST, "malloc", List.of("handle_request", "main"),
                        request.sites(), "found by vgharness in case growth at leaky.c:29 (128 bytes in 4 blocks)"),
                new Baseline.Entry(LeakKind.DEFINITELY_LOST, "malloc", List.of(SampleRuns.HOSTILE), List.of("#1"),
                        "found by vgharness in case evil " + SampleRuns.HOSTILE + " at <b>evil\".c:7 (16 bytes in 1 blocks)"),
                new Baseline.Entry(LeakKind.POSSIBLY_LOST, "malloc", List.of("main"),
                        SampleRuns.growth().stops().get(0).leakCheck().lossRecords().get(1).sites(),
                        "found by vgharness in case growth at leaky.c:44 (64 bytes in 1 blocks)")), written.entries());
        assertEquals(written, Baseline.read(file));
        assertTrue(Files.readString(file).contains("\n  allocator: \"malloc\"\n  stack: [\"handle_request\", \"main\"]\n"
                + "  sites: [\"" + request.sites().get(0) + "\", \"" + request.sites().get(1) + "\"]\n"));
    }

    @Test
    void writesAnEntryPerSiteOfOneFunctionWhoseBytesAddUpAndEachMatchesOnlyItsSite() throws Exception {
        List<LossRecord> records = twoSitesOfOneFunction();
        Path file = dir.resolve("sites.yaml");
        Baseline.of(exitOnly(records)).write(file);
        Baseline read = Baseline.read(file);

        assertEquals(3, read.entries().size());
        assertEquals(List.of("(32 bytes in 1 blocks)", "(48 bytes in 2 blocks)", "(64 bytes in 1 blocks)"),
                read.entries().stream().map(e -> e.note().substring(e.note().indexOf('('))).toList());
        List<LossRecordResult> identified = SampleRuns.check(records, r -> false);
        for (int i = 0; i < records.size(); i++) {
            int own = i;
            assertEquals(List.of(read.entries().get(i)), read.entries().stream()
                    .filter(e -> e.matches(identified.get(own).identity())).toList());
        }
    }

    @Test
    void namesTheEntryOfBadSites() {
        Baseline.BaselineException e = assertThrows(Baseline.BaselineException.class, () -> read("""
                - kind: definitely_lost
                  stack: [main]
                  sites: ["#1", "#2"]
                """));

        assertEquals(dir.resolve("baseline.yaml") + ": entry 1: 'sites' must be a list of at most one site per stack "
                + "frame, each like 3f9a01c2:1, #2 or -", e.getMessage());
        assertThrows(Baseline.BaselineException.class, () -> read("- kind: definitely_lost\n  stack: [main]\n"
                + "  sites: [\"line 12\"]\n"));
        assertThrows(Baseline.BaselineException.class, () -> read("- kind: definitely_lost\n  stack: [main]\n"
                + "  allocator: [malloc]\n"));
    }

    @Test
    void keepsCppNamesWithCommasAndColonsWhole() throws Exception {
        Baseline cpp = new Baseline(List.of(new Baseline.Entry(LeakKind.POSSIBLY_LOST,
                List.of("std::map<int, char>::insert(std::pair<int const, char> const&)", "main"), "a: b")));
        Path file = dir.resolve("cpp.yaml");
        cpp.write(file);

        assertEquals(cpp, Baseline.read(file));
    }

    @Test
    void namesTheFileAndEntryOfABadKind() {
        Baseline.BaselineException e = assertThrows(Baseline.BaselineException.class, () -> read("""
                - kind: definitely_lost
                  stack: [main]
                - kind: definite
                  stack: [main]
                """));

        assertEquals(dir.resolve("baseline.yaml") + ": entry 2: kind 'definite' is not one of definitely_lost, "
                + "indirectly_lost, possibly_lost, still_reachable", e.getMessage());
    }

    @Test
    void namesTheLineAndColumnOfBrokenYaml() {
        Baseline.BaselineException e = assertThrows(Baseline.BaselineException.class,
                () -> read("- kind: definitely_lost\n  stack: [main\n"));

        assertEquals(dir.resolve("baseline.yaml") + ":2:15: while parsing a flow sequence: expected ',' or ']', but got"
                + " <stream end>", e.getMessage());
    }
}
