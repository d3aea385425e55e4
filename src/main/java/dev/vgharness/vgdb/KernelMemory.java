package dev.vgharness.vgdb;

import java.util.Optional;

/**
 * A process's memory as the kernel sees it, from {@code /proc/PID/status} ({@code VmRSS:  1234 kB}, RssAnon, RssFile,
 * RssShmem, VmSwap) and {@code /proc/PID/smaps}: the {@code [heap]} segment (the brk heap) apart from the anonymous
 * mappings (where glibc puts blocks above its mmap threshold, and thread arenas). "Shared" is RssFile + RssShmem, the
 * same number as statm's third field and top's SHR.
 * <pre>
 * 5581d4e6b000-5581d4e8c000 rw-p 00000000 00:00 0                          [heap]
 * Rss:                 132 kB
 * </pre>
 *
 * @param rssKb resident set (VmRSS)
 * @param sharedKb resident file-backed and shared memory (RssFile + RssShmem)
 * @param rssAnonKb resident anonymous memory (RssAnon)
 * @param rssFileKb resident file-backed memory (RssFile)
 * @param rssShmemKb resident shared memory: SysV and POSIX segments, shared anonymous mappings (RssShmem)
 * @param swapKb swapped-out anonymous memory (VmSwap)
 * @param heapRssKb Rss of the {@code [heap]} segment
 * @param heapPrivateDirtyKb Private_Dirty of the {@code [heap]} segment
 * @param mmapRssKb Rss summed over the anonymous mappings without a name (not heap, stack, vdso)
 * @param mmapPrivateDirtyKb Private_Dirty summed over the same
 * @param mmapAnonymousKb Anonymous summed over the same
 */
public record KernelMemory(long rssKb, long sharedKb, long rssMinusSharedKb, long rssAnonKb, long rssFileKb,
        long rssShmemKb, long swapKb, long heapRssKb, long heapPrivateDirtyKb, long mmapRssKb, long mmapPrivateDirtyKb,
        long mmapAnonymousKb) {

    /** Reads a live process; empty when it is gone or /proc cannot be read. */
    public static Optional<KernelMemory> read(long pid) {
        return ProcReading.read(pid).map(ProcReading::memory);
    }

    /**
     * From the text of /proc/PID/status and /proc/PID/smaps. Scanned by hand, line by line: valgrind's smaps has
     * a thousand lines and more, read at every stop, where a regex and a split per line cost milliseconds.
     */
    public static KernelMemory parse(String status, String smaps) {
        long rss = field(status, "VmRSS");
        long file = field(status, "RssFile");
        long shmem = field(status, "RssShmem");
        long[] heap = new long[3];
        long[] mmap = new long[3];
        long[] current = null;
        int n = smaps.length();
        for (int start = 0; start < n; ) {
            int end = smaps.indexOf('\n', start);
            end = end < 0 ? n : end;
            String name = mappingName(smaps, start, end);
            if (name != null) {
                current = name.equals("[heap]") ? heap : name.isEmpty() || name.startsWith("[anon:") ? mmap : null;
            } else if (current != null) {
                add(current, smaps, start, end);
            }
            start = end + 1;
        }
        return new KernelMemory(rss, file + shmem, rss - file - shmem, field(status, "RssAnon"), file, shmem,
                field(status, "VmSwap"), heap[0], heap[1], mmap[0], mmap[1], mmap[2]);
    }

    /**
     * The name of a mapping's header line ({@code 5581d4e6b000-5581d4e8c000 rw-p 00000000 00:00 0   [heap]}: hex
     * range, four fields, then the name, perhaps empty), or null for any other line.
     */
    private static String mappingName(String text, int start, int end) {
        int i = hexDigits(text, start, end);
        if (i == start || i >= end || text.charAt(i) != '-') {
            return null;
        }
        int rangeEnd = hexDigits(text, i + 1, end);
        if (rangeEnd == i + 1) {
            return null;
        }
        i = rangeEnd;
        for (int field = 0; field < 4; field++) {
            if (i >= end || text.charAt(i) != ' ' || i + 1 >= end || Character.isWhitespace(text.charAt(i + 1))) {
                return null;
            }
            i++;
            while (i < end && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return text.substring(i, end).strip();
    }

    private static int hexDigits(String text, int from, int end) {
        int i = from;
        while (i < end && (Character.isDigit(text.charAt(i)) || (text.charAt(i) >= 'a' && text.charAt(i) <= 'f'))) {
            i++;
        }
        return i;
    }

    private static final String[] KEYS = {"Rss:", "Private_Dirty:", "Anonymous:"};

    /** Adds a {@code Rss:}, {@code Private_Dirty:} or {@code Anonymous:} line's kB to its total. */
    private static void add(long[] totals, String text, int start, int end) {
        for (int k = 0; k < KEYS.length; k++) {
            if (text.startsWith(KEYS[k], start)) {
                int i = start + KEYS[k].length();
                while (i < end && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int digits = i;
                while (i < end && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                totals[k] += Long.parseLong(text, digits, i, 10);
                return;
            }
        }
    }

    private static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).replace("kB", "").strip());
            }
        }
        return 0;
    }

    /** This minus {@code before}, field by field: the growth since an earlier reading. */
    public KernelMemory minus(KernelMemory before) {
        return new KernelMemory(rssKb - before.rssKb, sharedKb - before.sharedKb,
                rssMinusSharedKb - before.rssMinusSharedKb, rssAnonKb - before.rssAnonKb,
                rssFileKb - before.rssFileKb, rssShmemKb - before.rssShmemKb, swapKb - before.swapKb,
                heapRssKb - before.heapRssKb, heapPrivateDirtyKb - before.heapPrivateDirtyKb,
                mmapRssKb - before.mmapRssKb, mmapPrivateDirtyKb - before.mmapPrivateDirtyKb,
                mmapAnonymousKb - before.mmapAnonymousKb);
    }
}
