package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /proc/PID/status and smaps of fixtures/src/watched.c in sysv mode, recorded after ten ticks (40 pages touched). */
class ProcReadingTest {

    @Test
    void readsTheKernelsNumbersAndTheSysvSegmentWithItsKeyIdAndResidentPart() {
        ProcReading reading = ProcReading.parse(Fixtures.read("proc/sysv.status"), Fixtures.read("proc/sysv.smaps"));

        // VmRSS 3888 = RssAnon 96 + RssFile 1232 + RssShmem 2560; the segment is shared, neither heap nor mmap.
        assertEquals(new ProcReading(new KernelMemory(3888, 3792, 96, 96, 1232, 2560, 0, 0, 0, 32, 32, 32),
                List.of(new SysvSegment("0x76672247", 1, 65536, 2560))), reading);
    }

    @Test
    void findsEverySysvMappingAndNothingElse() {
        String smaps = """
                7f0000000000-7f0000100000 rw-s 00000000 00:01 7                          /SYSV00000000 (deleted)
                Size:               1024 kB
                Rss:                   8 kB
                7f0000100000-7f0000200000 rw-s 00000000 00:01 9                          /dev/shm/posix
                Rss:                 100 kB
                7f0000200000-7f0000202000 r--s 00000000 00:01 12                         /SYSV0000beef
                Rss:                   4 kB
                """;

        assertEquals(List.of(new SysvSegment("0x00000000", 7, 1024, 8), new SysvSegment("0x0000beef", 12, 8, 4)),
                SysvSegment.parse(smaps));
    }

    @Test
    void readsALiveProcessAndNothingOfAGoneOne() {
        Optional<ProcReading> self = ProcReading.read(ProcessHandle.current().pid());

        assertTrue(self.isPresent() && self.get().memory().rssKb() > 0, () -> "read " + self);
        assertEquals(Optional.empty(), ProcReading.read(Integer.MAX_VALUE));
    }
}
