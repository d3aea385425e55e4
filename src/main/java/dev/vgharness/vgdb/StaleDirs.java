package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Private directories left by a harness that was killed outright (SIGKILL by the OOM killer or a CI cancel): its
 * shutdown hook never ran, so a valgrind may still wait for gdb in there forever. A directory is stale when its
 * {@code .owner} lock is free (the kernel dropped it with its harness); one without an owner file is never touched
 * (being created, or made by an older vgharness or someone else).
 */
public final class StaleDirs {

    /** A stale directory, the pid its harness had, and how many processes still name it (a waiting valgrind). */
    public record Stale(Path dir, long ownerPid, int processes) {
    }

    /** What a sweep did. */
    public record Swept(List<Stale> dirs, int processes) {
        public Swept {
            dirs = List.copyOf(dirs);
        }
    }

    private StaleDirs() {
    }

    /** The stale directories in {@code parent}, without changing anything. */
    public static List<Stale> find(Path parent) {
        List<Stale> stale = new ArrayList<>();
        for (Path dir : candidates(parent)) {
            FileChannel lock = PrivateDir.lockIfAbandoned(dir);
            if (lock != null) {
                stale.add(new Stale(dir, PrivateDir.ownerPid(dir), processesNaming(dir).size()));
                closeQuietly(lock);
            }
        }
        return stale;
    }

    /** Ends the processes of each stale directory in {@code parent} (valgrind, vgdb) and removes it. */
    public static Swept sweep(Path parent) {
        List<Stale> swept = new ArrayList<>();
        int processes = 0;
        for (Path dir : candidates(parent)) {
            FileChannel lock = PrivateDir.lockIfAbandoned(dir);
            if (lock == null) {
                continue;
            }
            try {
                long owner = PrivateDir.ownerPid(dir);
                int ended = endProcessesNaming(dir);
                processes += ended;
                PrivateDir.deleteTree(dir);
                swept.add(new Stale(dir, owner, ended));
            } catch (HarnessException e) {
                // Not ours to remove after all (another user's file inside): left for the doctor to show.
            } finally {
                closeQuietly(lock);
            }
        }
        return new Swept(swept, processes);
    }

    private static List<Path> candidates(Path parent) {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(PrivateDir.PREFIX))
                    .filter(Files::isDirectory).filter(p -> !ChildReaper.owns(p)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<ProcessHandle> processesNaming(Path dir) {
        return ProcessTable.read().ofHarness(List.of(), List.of(dir + "/"));
    }

    /** SIGKILL to every process whose command line names the directory (and its children); the number ended. */
    private static int endProcessesNaming(Path dir) {
        List<ProcessHandle> found = processesNaming(dir);
        found.forEach(ProcessHandle::destroyForcibly);
        long end = System.nanoTime() + 3_000_000_000L;
        while (found.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < end) {
            ProcessTree.sleepQuietly(10);
        }
        return found.size();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Only a descriptor: it goes with the JVM.
        }
    }
}
