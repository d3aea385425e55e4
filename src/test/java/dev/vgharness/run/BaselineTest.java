package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
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

    private static LossRecord leak(LeakKind kind) {
        return SampleRuns.record(1, kind, 32, 1, 0, SampleRuns.requestStack(29));
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
    void writesTheLostLeaksOfARunOncePerIdentityAndReadsThemBack() throws Exception {
        Baseline written = Baseline.of(SampleRuns.run());
        Path file = dir.resolve("out/baseline.yaml");
        written.write(file);

        assertEquals(List.of(
                new Baseline.Entry(LeakKind.DEFINITELY_LOST, List.of("handle_request", "main"),
                        "found by vgharness in case growth (128 bytes in 4 blocks)"),
                new Baseline.Entry(LeakKind.DEFINITELY_LOST, List.of(SampleRuns.HOSTILE),
                        "found by vgharness in case evil " + SampleRuns.HOSTILE + " (16 bytes in 1 blocks)"),
                new Baseline.Entry(LeakKind.POSSIBLY_LOST, List.of("main"),
                        "found by vgharness in case growth (64 bytes in 1 blocks)")), written.entries());
        assertEquals(written, Baseline.read(file));
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
