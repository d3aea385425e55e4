package dev.vgharness.memcheck;

import static dev.vgharness.memcheck.Golden.MALLOC;
import static dev.vgharness.memcheck.Golden.VGPRELOAD;
import static dev.vgharness.memcheck.Golden.obj;
import static dev.vgharness.memcheck.Golden.record;
import static dev.vgharness.memcheck.Golden.src;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeakIdentityTest {

    /** pool.c: one function allocating at two lines (3 and 4), called from main (line 8). */
    private static final List<String> POOL = List.of(
            "#include <stdlib.h>",
            "void fill(char **slots) {",
            "    slots[0] = malloc(16);",
            "    slots[1] = malloc(32);",
            "}",
            "int main(void) {",
            "    char *slots[2];",
            "    fill(slots);",
            "    return 0;",
            "}");

    private static SourceText sources(List<String> pool) {
        return file -> Optional.ofNullable(Map.of("pool.c", pool).get(file));
    }

    /** The same file with three lines added above everything. */
    private static List<String> movedDown(List<String> lines) {
        List<String> moved = new ArrayList<>(List.of("/* a licence", " * header", " */"));
        moved.addAll(lines);
        return moved;
    }

    private static LossRecord fillLeak(int number, long bytes, int line, int mainLine) {
        return record(number, 2, LeakKind.DEFINITELY_LOST, bytes, 1, MALLOC, src(0x109160L + line, "fill", "pool.c", line),
                src(0x1091A0L, "main", "pool.c", mainLine));
    }

    private static List<LeakIdentity> identities(List<LossRecord> check, SourceText sources) {
        List<List<String>> sites = LeakSites.of(check, sources);
        List<LeakIdentity> identities = new ArrayList<>();
        for (int i = 0; i < check.size(); i++) {
            identities.add(LeakIdentity.of(check.get(i), sites.get(i)));
        }
        return identities;
    }

    @Test
    void twoSitesOfOneFunctionHaveDistinctIdentities() {
        List<LeakIdentity> ids = identities(List.of(fillLeak(1, 16, 3, 8), fillLeak(2, 32, 4, 8)), sources(POOL));

        assertEquals("definitely_lost|malloc|fill@pool.c=" + LeakSites.lineHash(POOL, 3) + "|main@pool.c="
                + LeakSites.lineHash(POOL, 8), ids.get(0).text());
        assertNotEquals(ids.get(0), ids.get(1));
        assertNotEquals(ids.get(0).hash(), ids.get(1).hash());
        assertEquals(List.of("fill", "main"), ids.get(1).functions());
    }

    @Test
    void aSiteHashesItsLineTextAndWhichOccurrenceOfThatTextItIs() {
        List<String> twice = List.of("void f(void) {", "    p = malloc(16);", "    q();", "    p = malloc(16);", "}");

        assertEquals(LeakIdentity.sha256("p = malloc(16);", 4) + ":1", LeakSites.lineHash(twice, 2));
        assertEquals(LeakIdentity.sha256("p = malloc(16);", 4) + ":2", LeakSites.lineHash(twice, 4));
    }

    @Test
    void codeMovedAboveTheSitesKeepsEveryIdentity() {
        List<LeakIdentity> before = identities(List.of(fillLeak(1, 16, 3, 8), fillLeak(2, 32, 4, 8)), sources(POOL));
        List<LeakIdentity> after = identities(List.of(fillLeak(1, 16, 6, 11), fillLeak(2, 32, 7, 11)),
                sources(movedDown(POOL)));

        assertEquals(before, after);
    }

    @Test
    void withoutTheSourceASiteIsItsLinesOrdinalAmongTheSitesOfThatFunction() {
        List<LossRecord> check = List.of(fillLeak(1, 16, 40, 90), fillLeak(2, 32, 12, 90), fillLeak(3, 48, 25, 90),
                record(4, 4, LeakKind.DEFINITELY_LOST, 8, 1, MALLOC, src(0x1L, "other", "pool.c", 5),
                        src(0x1091A0L, "main", "pool.c", 90)));

        assertEquals(List.of(List.of("#3", "#1"), List.of("#1", "#1"), List.of("#2", "#1"), List.of("#1", "#1")),
                LeakSites.of(check, SourceText.NONE));
        assertEquals("definitely_lost|malloc|fill@pool.c=#3|main@pool.c=#1",
                identities(check, SourceText.NONE).get(0).text());
    }

    @Test
    void withoutTheSourceCodeMovedAboveTheFunctionKeepsEveryIdentity() {
        List<LeakIdentity> before = identities(List.of(fillLeak(1, 16, 3, 8), fillLeak(2, 32, 4, 8)), SourceText.NONE);
        List<LeakIdentity> after = identities(List.of(fillLeak(1, 16, 13, 18), fillLeak(2, 32, 14, 18)),
                SourceText.NONE);

        assertEquals(before, after);
        assertNotEquals(before.get(0), before.get(1));
    }

    @Test
    void mallocAndNewArrayOnOneLineAreDifferentLeaks() {
        StackFrame newArray = obj(0x484320FL, "operator new[](unsigned long)", VGPRELOAD);
        LossRecord byMalloc = record(1, 2, LeakKind.DEFINITELY_LOST, 16, 1, MALLOC, src(0x1L, "both()", "b.cpp", 7));
        LossRecord byNew = record(2, 2, LeakKind.DEFINITELY_LOST, 16, 1, newArray, src(0x2L, "both()", "b.cpp", 7));

        List<LeakIdentity> ids = identities(List.of(byMalloc, byNew), SourceText.NONE);

        assertEquals("definitely_lost|operator new[]|both()@b.cpp=#1", ids.get(1).text());
        assertNotEquals(ids.get(0), ids.get(1));
    }

    @Test
    void theAllocatorIsTheOneTheCodeCalledAndLibraryFramesWithoutLinesAreDashes() {
        LossRecord viaStrdup = record(1, 1, LeakKind.STILL_REACHABLE, 48, 1, MALLOC,
                src(0x48F99A9L, "strdup", "strdup.c", 42),
                obj(0x49007B9L, "???", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30"),
                new StackFrame(0x1L, "???", null, null, null), src(0x1092E4L, "make_all()", "heur.cpp", 30));

        assertEquals("still_reachable|strdup|???@libstdc++.so.6.0.30=-|???=-|make_all()@heur.cpp=#1",
                identities(List.of(viaStrdup), SourceText.NONE).get(0).text());
    }

    @Test
    void theSameLeakInAnotherBuildAndValgrindHasTheSameIdentity() {
        LossRecord build319 = record(1, 7, LeakKind.DEFINITELY_LOST, 16, 1, MALLOC,
                src(0x10919EL, "make_definite", "leaks.c", 12), src(0x1092D0L, "main", "leaks.c", 58));
        LossRecord build327 = record(2, 9, LeakKind.DEFINITELY_LOST, 32, 2,
                src(0x484676BL, "malloc", "vg_replace_malloc.c", 447), src(0x4001193L, "make_definite", "leaks.c", 23),
                src(0x40012F3L, "main", "leaks.c", 64));

        LeakIdentity a = identities(List.of(build319), SourceText.NONE).get(0);
        LeakIdentity b = identities(List.of(build327), SourceText.NONE).get(0);

        assertEquals(a, b);
        assertEquals(a.hash(), b.hash());
        assertEquals(16, a.hash().length());
    }

    @Test
    void kindTellsLeaksApartAndSitesMustFitTheFrames() {
        LossRecord definite = record(1, 2, LeakKind.DEFINITELY_LOST, 16, 1, MALLOC, src(1, "f", "a.c", 1));
        LossRecord possible = record(2, 2, LeakKind.POSSIBLY_LOST, 16, 1, MALLOC, src(1, "f", "a.c", 1));

        assertNotEquals(LeakIdentity.of(definite, List.of("#1")), LeakIdentity.of(possible, List.of("#1")));
        assertThrows(IllegalArgumentException.class, () -> LeakIdentity.of(definite, List.of("#1", "#1")));
    }
}
