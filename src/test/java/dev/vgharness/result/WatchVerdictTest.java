package dev.vgharness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict's rules on rates over a 10 s watch of 11 samples: 16 KiB over the watch is 1,638 B/s. */
class WatchVerdictTest {

    private static final long SPAN = 10_000;

    private static Rate r(double perS) {
        return new Rate(perS, 11);
    }

    /** heap in use, mmap in use, heap free (B/s); rss, shared, rss-shared, heap rss, mmap rss (kB/s). */
    private static MemoryRates rates(double heap, double mmap, double free, double rss, double shared,
            double rssMinusShared, double heapRss, double mmapRss) {
        return new MemoryRates(r(heap), r(mmap), r(free), r(rss), r(shared), r(rssMinusShared), r(heapRss), r(mmapRss),
                r(0));
    }

    @Test
    void namesEachKindOfGrowthWithTheNumbersThatLedToIt() {
        assertEquals(new WatchVerdict("heap_growth", "small-block heap growth (brk): heap in use +32,000 B/s, heap RSS"
                + " +31 kB/s over 11 samples: blocks below the mmap threshold are not freed", List.of()),
                WatchVerdict.of(rates(32_000, 0, 0, 31, 0, 31, 31, 0), SPAN, true));
        assertEquals(new WatchVerdict("mmap_growth", "large-block growth (mmap): mmap in use +2,662,400 B/s, mmap RSS"
                + " +2,600 kB/s over 11 samples: blocks above the mmap threshold are not freed", List.of()),
                WatchVerdict.of(rates(0, 2_662_400, 0, 2600, 0, 2600, 0, 2600), SPAN, true));
        assertEquals(new WatchVerdict("shared_memory", "shared memory being touched: SHR +2,560 kB/s while RSS-SHR is"
                + " flat (+0 kB/s) over 11 samples: not a leak", List.of()),
                WatchVerdict.of(rates(0, 0, 0, 2560, 2560, 0, 0, 0), SPAN, true));
        assertEquals(new WatchVerdict("fragmentation", "fragmentation: heap RSS +320 kB/s while heap in use is flat"
                + " (+1,100 B/s) and free heap grows +330,000 B/s over 11 samples: freed memory is neither reused nor"
                + " returned (the trim probe shows how much comes back)", List.of()),
                WatchVerdict.of(rates(1100, 0, 330_000, 320, 0, 320, 320, 0), SPAN, true));
    }

    @Test
    void tellsSteadyFromGrowthBelowSixteenKibOverTheWatch() {
        assertEquals("steady", WatchVerdict.of(rates(1600, 0, 0, 1, 1, 0, 1, 0), SPAN, true).kind());
        assertEquals("heap_growth", WatchVerdict.of(rates(1700, 0, 0, 1, 1, 0, 1, 0), SPAN, true).kind());
        assertEquals(new WatchVerdict("steady", "steady: nothing grew by 16 KiB or more over the 10.0 s watched (RSS"
                + " +0 kB/s, RSS-SHR +0 kB/s, heap in use +0 B/s) over 11 samples", List.of()),
                WatchVerdict.of(rates(0, 0, 0, 0, 0, 0, 0, 0), SPAN, true));
    }

    @Test
    void listsFurtherFindingsAndWithoutMallinfoJudgesByRss() {
        WatchVerdict both = WatchVerdict.of(rates(32_000, 266_240, 0, 290, 0, 290, 31, 260), SPAN, true);
        WatchVerdict byRss = WatchVerdict.of(new MemoryRates(new Rate(null, 0), new Rate(null, 0), new Rate(null, 0),
                r(31), r(0), r(31), r(31), r(0), r(0)), SPAN, false);
        WatchVerdict elsewhere = WatchVerdict.of(rates(0, 0, 0, 100, 0, 100, 0, 0), SPAN, true);

        assertEquals(List.of("mmap_growth", List.of("heap_growth")), List.of(both.kind(), both.also()));
        assertEquals("small-block heap growth (brk): heap RSS +31 kB/s over 11 samples: without mallinfo2 this may"
                + " also be fragmentation", byRss.text());
        assertEquals("other_growth", elsewhere.kind());
    }
}
