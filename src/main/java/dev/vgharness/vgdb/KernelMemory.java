package dev.vgharness.vgdb;

import java.util.Optional;
import java.util.regex.Pattern;

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

    private static final Pattern MAPPING = Pattern.compile("^[0-9a-f]+-[0-9a-f]+ \\S+ \\S+ \\S+ \\S+\\s*(.*)$");

    /** Reads a live process; empty when it is gone or /proc cannot be read. */
    public static Optional<KernelMemory> read(long pid) {
        return ProcReading.read(pid).map(ProcReading::memory);
    }

    /** From the text of /proc/PID/status and /proc/PID/smaps. */
    public static KernelMemory parse(String status, String smaps) {
        long rss = field(status, "VmRSS");
        long file = field(status, "RssFile");
        long shmem = field(status, "RssShmem");
        long[] heap = new long[3];
        long[] mmap = new long[3];
        long[] current = null;
        for (String line : smaps.split("\n")) {
            var header = MAPPING.matcher(line);
            if (header.matches()) {
                String name = header.group(1).strip();
                current = name.equals("[heap]") ? heap : name.isEmpty() || name.startsWith("[anon:") ? mmap : null;
            } else if (current != null) {
                add(current, line);
            }
        }
        return new KernelMemory(rss, file + shmem, rss - file - shmem, field(status, "RssAnon"), file, shmem,
                field(status, "VmSwap"), heap[0], heap[1], mmap[0], mmap[1], mmap[2]);
    }

    private static void add(long[] totals, String line) {
        String[] words = line.split("\\s+");
        if (words.length < 2) {
            return;
        }
        switch (words[0]) {
            case "Rss:" -> totals[0] += Long.parseLong(words[1]);
            case "Private_Dirty:" -> totals[1] += Long.parseLong(words[1]);
            case "Anonymous:" -> totals[2] += Long.parseLong(words[1]);
            default -> { }
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
