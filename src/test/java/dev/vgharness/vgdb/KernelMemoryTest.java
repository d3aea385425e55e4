package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /proc/PID/status and smaps of fixtures/src/growth.c (large 2, first stop), mallinfo2 as gdb prints it. */
class KernelMemoryTest {

    @Test
    void splitsTheBrkHeapFromTheAnonymousMappingsAndSubtractsSharedFromRss() {
        KernelMemory memory = KernelMemory.parse(Fixtures.read("proc/large.status"), Fixtures.read("proc/large.smaps"));

        // VmRSS 1444 = RssAnon 360 + RssFile 1084; the 256 KiB block is in a 268 kB anonymous mapping.
        assertEquals(new KernelMemory(1444, 1084, 360, 360, 1084, 0, 0, 4, 4, 292, 292, 292), memory);
    }

    @Test
    void subtractsAnEarlierReadingFieldByField() {
        KernelMemory before = new KernelMemory(1000, 800, 200, 200, 790, 10, 0, 4, 4, 20, 20, 20);
        KernelMemory after = new KernelMemory(1300, 810, 490, 490, 790, 20, 8, 104, 100, 220, 220, 220);

        assertEquals(new KernelMemory(300, 10, 290, 290, 0, 10, 8, 100, 96, 200, 200, 200), after.minus(before));
    }

    @Test
    void readsALiveProcessAndNothingOfAGoneOne() {
        Optional<KernelMemory> self = KernelMemory.read(ProcessHandle.current().pid());

        assertTrue(self.isPresent() && self.get().rssKb() > 0, () -> "read " + self);
        assertEquals(Optional.empty(), KernelMemory.read(Integer.MAX_VALUE));
    }

    @Test
    void parsesMallinfo2WithAndWithoutFieldNames() {
        MallocInfo expected = new MallocInfo(135168, 1, 0, 1, 266240, 0, 0, 656, 134512, 134512);

        assertEquals(List.of(expected, expected), List.of(
                MallocInfo.parse("{arena = 135168, ordblks = 1, smblks = 0, hblks = 1, hblkhd = 266240, usmblks = 0,"
                        + " fsmblks = 0, uordblks = 656, fordblks = 134512, keepcost = 134512}"),
                MallocInfo.parse("{135168, 1, 0, 1, 266240, 0, 0, 656, 134512, 134512}")));
        assertThrows(IllegalArgumentException.class, () -> MallocInfo.parse("{1, 2}"));
    }
}
