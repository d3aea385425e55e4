package dev.vgharness.vgdb;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-wide list of the processes vgharness started (valgrind, gdb, vgdb), with one shutdown hook that
 * SIGKILLs every one still registered and runs its cleanup (removing a private FIFO directory), so that
 * Ctrl-C or SIGTERM to the harness leaves nothing behind. A child unregisters by closing its registration.
 */
public final class ChildReaper {

    private static final Map<Registration, Boolean> LIVE = new ConcurrentHashMap<>();
    private static final Map<java.nio.file.Path, Boolean> DIRECTORIES = new ConcurrentHashMap<>();
    private static final Map<Release, Boolean> RELEASES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildReaper::reapAll, "vgharness-child-reaper"));
    }

    private ChildReaper() {
    }

    /** A registered child; {@link #close()} removes it from the list (it does not kill it). */
    public static final class Registration implements AutoCloseable {
        private final ProcessHandle process;
        private final Runnable cleanup;

        private Registration(ProcessHandle process, Runnable cleanup) {
            this.process = process;
            this.cleanup = cleanup;
        }

        public ProcessHandle process() {
            return process;
        }

        @Override
        public void close() {
            LIVE.remove(this);
        }
    }

    /** Something to let go of gently before the children are killed; {@link #close()} removes it. */
    public static final class Release implements AutoCloseable {
        private final Runnable action;

        private Release(Runnable action) {
            this.action = action;
        }

        @Override
        public void close() {
            RELEASES.remove(this);
        }
    }

    /**
     * Registers an action that runs at JVM exit before any child is killed, e.g. detaching gdb from a process
     * vgharness watches but must not take down with it. It must end by itself within a few seconds.
     */
    public static Release registerRelease(Runnable action) {
        Release release = new Release(Objects.requireNonNull(action, "action is null"));
        RELEASES.put(release, Boolean.TRUE);
        return release;
    }

    /** Registers a child process; {@code cleanup} runs after it is killed at JVM exit (may be a no-op). */
    public static Registration register(ProcessHandle process, Runnable cleanup) {
        Objects.requireNonNull(process, "process is null");
        Objects.requireNonNull(cleanup, "cleanup is null");
        Registration registration = new Registration(process, cleanup);
        LIVE.put(registration, Boolean.TRUE);
        return registration;
    }

    /**
     * A private directory to remove at exit, after ending every process whose command line names it: the vgdb that
     * gdb started ({@code vgdb --vgdb-prefix=DIR/vgdb}) is gdb's child only until gdb dies, then nobody's.
     */
    static void registerDirectory(java.nio.file.Path dir) {
        DIRECTORIES.put(dir, Boolean.TRUE);
    }

    static void unregisterDirectory(java.nio.file.Path dir) {
        DIRECTORIES.remove(dir);
    }

    /** The number of children registered now. */
    public static int registered() {
        return LIVE.size();
    }

    private static void reapAll() {
        for (Release release : RELEASES.keySet()) {
            try {
                release.action.run();
            } catch (RuntimeException e) {
                // The JVM is going down: the children are still ended below.
            }
        }
        for (Registration child : LIVE.keySet()) {
            ProcessTree.kill(child.process);
        }
        reapDirectories();
        for (Registration child : LIVE.keySet()) {
            try {
                child.process.onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
                child.cleanup.run();
            } catch (Exception e) {
                // The JVM is going down: a child that will not die or a directory that will not go is not worth a hang.
            }
        }
    }

    private static void reapDirectories() {
        if (DIRECTORIES.isEmpty()) {
            return;
        }
        ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> DIRECTORIES.keySet().stream().anyMatch(dir -> commandLine(p.pid()).contains(dir.toString())))
                .forEach(ProcessHandle::destroyForcibly);
        for (java.nio.file.Path dir : DIRECTORIES.keySet()) {
            try {
                PrivateDir.deleteTree(dir);
            } catch (RuntimeException e) {
                // The JVM is going down: a directory that will not go is not worth a hang.
            }
        }
    }

    /** /proc/PID/cmdline with its NULs as spaces; empty when the process is gone. */
    static String commandLine(long pid) {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", Long.toString(pid),
                    "cmdline")), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
