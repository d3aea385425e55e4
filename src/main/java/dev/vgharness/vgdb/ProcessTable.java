package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process of the machine read from /proc once (parent, process group, command line), for the shutdown, which
 * must find all of the harness's processes fast: reading /proc per child and per directory took a second.
 */
final class ProcessTable {

    /** One process: its parent, its group and its command line (NULs as spaces). */
    private record Entry(long pid, long parent, long group, String commandLine) {
    }

    private final Map<Long, Entry> entries;

    private ProcessTable(Map<Long, Entry> entries) {
        this.entries = entries;
    }

    static ProcessTable read() {
        Map<Long, Entry> entries = new ConcurrentHashMap<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                long pid = Long.parseLong(dir.getFileName().toString());
                if (pid != self) {
                    entry(dir, pid).ifPresent(e -> entries.put(pid, e));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // /proc unreadable: nothing found, the registered handles are still ended one by one.
        }
        return new ProcessTable(entries);
    }

    private static java.util.Optional<Entry> entry(Path dir, long pid) {
        java.util.Optional<String[]> fields = ProcStat.fields(dir.resolve("stat").toString());
        long parent = fields.map(f -> ProcStat.number(f, 1)).orElse(-1L);
        long group = fields.map(f -> ProcStat.number(f, 2)).orElse(-1L);
        if (parent < 0 || group < 0) {
            return java.util.Optional.empty(); // gone meanwhile
        }
        try {
            String commandLine = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            return java.util.Optional.of(new Entry(pid, parent, group, commandLine));
        } catch (IOException e) {
            return java.util.Optional.empty(); // gone meanwhile
        }
    }

    /**
     * The roots, their descendants, the members of the groups they lead (valgrind's orphans under setsid) and every
     * process whose command line contains one of {@code texts}.
     */
    List<ProcessHandle> ofHarness(Collection<Long> roots, Collection<String> texts) {
        Set<Long> found = new HashSet<>(roots);
        for (Entry e : entries.values()) {
            if (roots.contains(e.group()) || texts.stream().anyMatch(e.commandLine()::contains)) {
                found.add(e.pid());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Entry e : entries.values()) {
                if (found.contains(e.parent()) && found.add(e.pid())) {
                    grew = true;
                }
            }
        }
        List<ProcessHandle> handles = new ArrayList<>();
        found.forEach(pid -> ProcessHandle.of(pid).ifPresent(handles::add));
        return handles;
    }
}
