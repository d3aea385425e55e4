package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Ends a process and everything below it: SIGTERM to the whole tree, a short grace, then SIGKILL to whatever
 * is left. A valgrind waiting in its gdbserver ({@code ==42== (action at startup) vgdb me ...}) queues
 * SIGTERM for its guest and keeps waiting, so only the SIGKILL step ends it.
 */
public final class ProcessTree {

    /** How long a tree gets between SIGTERM and SIGKILL. */
    public static final Duration DEFAULT_GRACE = Duration.ofMillis(500);
    private static final Duration AFTER_KILL = Duration.ofSeconds(3);

    private ProcessTree() {
    }

    /**
     * SIGTERM to {@code root} and its descendants, SIGKILL to the survivors after {@code grace}; returns true
     * when none of them is alive afterwards.
     */
    public static boolean terminate(ProcessHandle root, Duration grace) {
        Objects.requireNonNull(root, "root is null");
        List<ProcessHandle> tree = snapshot(root);
        if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
            return true;
        }
        tree.forEach(ProcessHandle::destroy);
        if (awaitDeath(tree, grace)) {
            return true;
        }
        // Descendants may have forked meanwhile: take the tree again before the hard kill.
        List<ProcessHandle> again = snapshot(root);
        again.addAll(tree);
        again.forEach(ProcessHandle::destroyForcibly);
        return awaitDeath(again, AFTER_KILL);
    }

    /** SIGKILL to {@code root}, its descendants and its group at once, without a grace (the JVM is going down). */
    public static void kill(ProcessHandle root) {
        snapshot(root).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Descendants first, then the root itself, then the other members of the process group the root leads
     * (valgrind does, under setsid): orphans of the target that left the parent chain.
     */
    static List<ProcessHandle> snapshot(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        // A group id is the pid of the process that made the group and is not reused while the group has
        // members, so members of group root.pid() are ours even after the root itself has ended.
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != root.pid() && !tree.contains(p) && processGroup(p.pid()) == root.pid())
                .forEach(tree::add);
        return tree;
    }

    /** The live members of the process group {@code pgid}, its leader included. */
    static List<ProcessHandle> group(long pgid) {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive() && processGroup(p.pid()) == pgid).toList();
    }

    /** The process group of a live process (field 5 of /proc/PID/stat), or -1. */
    static long processGroup(long pid) {
        return ProcStat.fields(pid).map(f -> ProcStat.number(f, 2)).orElse(-1L);
    }

    private static boolean awaitDeath(List<ProcessHandle> tree, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > end) {
                return false;
            }
            sleepQuietly(10);
        }
        return true;
    }

    /**
     * The CPU time a live process used so far, in clock ticks (utime + stime of all its threads, fields 14 and 15 of
     * /proc/PID/stat); empty once it has ended. A process stopped by a signal (state T) counts as not progressing:
     * empty too.
     */
    public static OptionalLong cpuTicks(long pid) {
        Optional<String[]> stat = ProcStat.fields(pid);
        if (stat.isEmpty() || stat.get()[0].equals("T") || stat.get()[0].equals("Z")) {
            return OptionalLong.empty();
        }
        long user = ProcStat.number(stat.get(), 11);
        long system = ProcStat.number(stat.get(), 12);
        return user < 0 || system < 0 ? OptionalLong.empty() : OptionalLong.of(user + system);
    }

    /** The resident set size of a live process in kB ({@code VmRSS:   123456 kB} in /proc/PID/status). */
    public static OptionalLong rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
