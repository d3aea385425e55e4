package dev.vgharness.memcheck;

import static dev.vgharness.memcheck.Golden.MALLOC;
import static dev.vgharness.memcheck.Golden.VGPRELOAD;
import static dev.vgharness.memcheck.Golden.obj;
import static dev.vgharness.memcheck.Golden.record;
import static dev.vgharness.memcheck.Golden.src;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeakFingerprintTest {

    @Test
    void dropsAllocatorFramesAddressesAndLineNumbers() {
        LossRecord record = record(3, 9, LeakKind.DEFINITELY_LOST, 16, 1, MALLOC,
                src(0x48F99A9, "strdup", "strdup.c", 42), src(0x1092F6, "more_leaks", "leaks.c", 57),
                src(0x109330, "main", "leaks.c", 68));

        assertEquals(new LeakFingerprint(LeakKind.DEFINITELY_LOST, List.of("more_leaks@leaks.c", "main@leaks.c")),
                record.fingerprint());
        assertEquals("definitely_lost|more_leaks@leaks.c|main@leaks.c", record.fingerprint().text());
        assertEquals(List.of("more_leaks", "main"), record.fingerprint().functions());
    }

    @Test
    void theSameLeakInAnotherBuildHasTheSameFingerprint() {
        LossRecord build319 = record(1, 7, LeakKind.DEFINITELY_LOST, 16, 1, MALLOC,
                src(0x10919E, "make_definite", "leaks.c", 12), src(0x1092D0, "main", "leaks.c", 58));
        LossRecord build327 = record(2, 9, LeakKind.DEFINITELY_LOST, 32, 2,
                src(0x484676B, "malloc", "vg_replace_malloc.c", 447), src(0x4001193, "make_definite", "leaks.c", 23),
                src(0x40012F3, "main", "leaks.c", 64));

        assertEquals(build319.fingerprint(), build327.fingerprint());
        assertEquals(build319.fingerprint().hash(), build327.fingerprint().hash());
        assertEquals(16, build319.fingerprint().hash().length());
    }

    @Test
    void kindAndCallersTellLeaksApart() {
        LossRecord definite = record(1, 2, LeakKind.DEFINITELY_LOST, 16, 1, MALLOC, src(1, "f", "a.c", 1));
        LossRecord possible = record(1, 2, LeakKind.POSSIBLY_LOST, 16, 1, MALLOC, src(1, "f", "a.c", 1));
        LossRecord otherCaller = record(1, 2, LeakKind.DEFINITELY_LOST, 16, 1, MALLOC, src(1, "g", "a.c", 1));

        assertNotEquals(definite.fingerprint(), possible.fingerprint());
        assertNotEquals(definite.fingerprint(), otherCaller.fingerprint());
    }

    @Test
    void cppAllocatorsAndUnknownFramesAreHandled() {
        LossRecord record = record(1, 1, LeakKind.STILL_REACHABLE, 48, 1,
                obj(0x484320F, "operator new[](unsigned long)", VGPRELOAD),
                obj(0x4841F2F, "operator new(unsigned long, std::nothrow_t const&)", VGPRELOAD),
                obj(0x49007B9, "???", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30"),
                new StackFrame(0x1, "???", null, null, null), src(0x1092E4, "make_all()", "heur.cpp", 30));

        assertEquals(List.of("???@libstdc++.so.6.0.30", "???", "make_all()@heur.cpp"), record.fingerprint().frames());
    }
}
