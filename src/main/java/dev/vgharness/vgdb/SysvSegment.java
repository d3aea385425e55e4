package dev.vgharness.vgdb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A System V shared memory segment mapped into a process, from its {@code /proc/PID/smaps} entry. The kernel names
 * the mapping after the segment's key and shows the segment id as the inode; {@code (deleted)} only says that the
 * segment was marked for removal ({@code IPC_RMID}) and goes when the last process detaches:
 * <pre>
 * 7f327a0ae000-7f327e0ae000 rw-s 00000000 00:01 1                          /SYSV76672247 (deleted)
 * Size:              65536 kB
 * Rss:                2560 kB
 * </pre>
 *
 * @param key the key as {@code ipcs -m} prints it ({@code 0x76672247}; {@code 0x00000000} for IPC_PRIVATE)
 * @param shmid the segment id
 * @param sizeKb the size of the mapping
 * @param rssKb how much of it this process has resident: the pages touched so far
 */
public record SysvSegment(String key, long shmid, long sizeKb, long rssKb) {

    private static final Pattern HEADER = Pattern.compile(
            "^([0-9a-f]+)-([0-9a-f]+) \\S+ \\S+ \\S+ (\\d+)\\s+/SYSV([0-9a-f]{8})(?: \\(deleted\\))?$");
    private static final Pattern OTHER_HEADER = Pattern.compile("^[0-9a-f]+-[0-9a-f]+ .*");

    /** Every SysV mapping of the smaps text, in address order. */
    public static List<SysvSegment> parse(String smaps) {
        if (!smaps.contains("/SYSV")) {
            // Most processes map none: no regex over the thousand lines of valgrind's smaps at every stop.
            return List.of();
        }
        List<SysvSegment> segments = new ArrayList<>();
        Matcher current = null;
        long rss = 0;
        for (String line : smaps.split("\n")) {
            Matcher header = HEADER.matcher(line);
            if (header.matches() || OTHER_HEADER.matcher(line).matches()) {
                addIfAny(segments, current, rss);
                current = header.matches() ? header : null;
                rss = 0;
            } else if (current != null && line.startsWith("Rss:")) {
                rss = Long.parseLong(line.substring("Rss:".length()).replace("kB", "").strip());
            }
        }
        addIfAny(segments, current, rss);
        return List.copyOf(segments);
    }

    private static void addIfAny(List<SysvSegment> segments, Matcher header, long rss) {
        if (header != null) {
            long bytes = Long.parseUnsignedLong(header.group(2), 16) - Long.parseUnsignedLong(header.group(1), 16);
            long size = bytes / 1024;
            segments.add(new SysvSegment("0x" + header.group(4), Long.parseLong(header.group(3)), size, rss));
        }
    }
}
