package dev.vgharness.vgdb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The JVM-wide list of the processes vgharness started (valgrind, gdb, vgdb, build commands) and of its private
 * directories, with the one shutdown hook that ends them when the harness is stopped (Ctrl-C, SIGTERM), in order:
 * <ol>
 * <li>the {@link Release}s run: gdb detaches from a process vgharness watches but must not end;</li>
 * <li>no process or directory is started any more (a case thread runs on during shutdown and would start the next
 * case), and starts under way are waited for, each ended as soon as it is registered;</li>
 * <li>the {@link ShutdownTask}s take what they need from the run as it is ({@code beforeReaping});</li>
 * <li>every child and every process whose command line names a private directory (the vgdb that gdb started, a
 * valgrind whose start was cut short) gets SIGKILL;</li>
 * <li>the tasks finish ({@code afterReaping}: the partial report is written) while those die;</li>
 * <li>the directories are removed.</li>
 * </ol>
 * A child unregisters by closing its registration.
 */
public final class ChildReaper {

    private static final long START_WAIT_MS = 5_000;
    private static final long DEATH_WAIT_MS = 2_000;
    private static final Object LOCK = new Object();
    private static final Map<Registration, Boolean> LIVE = new ConcurrentHashMap<>();
    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();
    private static final List<ShutdownTask> TASKS = new CopyOnWriteArrayList<>();
    private static int starting;
    private static boolean closing;
    private static final Map<Release, Boolean> RELEASES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildReaper::shutDown, "vgharness-child-reaper"));
    }

    private ChildReaper() {
    }

    /** What else the harness does when it is stopped, around the ending of its children. */
    public interface ShutdownTask {
        /** Called with every child still running: take a snapshot of the run. */
        void beforeReaping();

        /** Called once the children are ended and the directories removed: write what was taken. */
        void afterReaping();
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

    /** A start under way: from before the fork until the child is registered. */
    public static final class Start implements AutoCloseable {
        private boolean closed;

        private Start() {
        }

        /** Registers the started child; if the harness began shutting down meanwhile, it is killed at once. */
        public Registration register(ProcessHandle process, Runnable cleanup) {
            Registration registration = ChildReaper.register(process, cleanup);
            synchronized (LOCK) {
                if (closing) {
                    ProcessTree.kill(process);
                    LIVE.remove(registration);
                    throw shuttingDown();
                }
            }
            return registration;
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                if (!closed) {
                    closed = true;
                    starting--;
                    LOCK.notifyAll();
                }
            }
        }
    }

    /** Announces a start; refused once the harness is shutting down. Close it when the child is registered. */
    public static Start beginStart() {
        synchronized (LOCK) {
            if (closing) {
                throw shuttingDown();
            }
            starting++;
            return new Start();
        }
    }

    /** Registers a child process; {@code cleanup} runs after it is killed at JVM exit (may be a no-op). */
    public static Registration register(ProcessHandle process, Runnable cleanup) {
        Objects.requireNonNull(process, "process is null");
        Objects.requireNonNull(cleanup, "cleanup is null");
        Registration registration = new Registration(process, cleanup);
        LIVE.put(registration, Boolean.TRUE);
        return registration;
    }

    /** Adds a task to the shutdown sequence until the returned handle is closed. */
    public static AutoCloseable whenShuttingDown(ShutdownTask task) {
        Objects.requireNonNull(task, "task is null");
        TASKS.add(task);
        return () -> TASKS.remove(task);
    }

    /** True once the harness is shutting down (nothing new is started). */
    public static boolean shuttingDownNow() {
        synchronized (LOCK) {
            return closing;
        }
    }

    /**
     * A private directory to remove at exit, after ending every process whose command line names it: the vgdb that
     * gdb started ({@code vgdb --vgdb-prefix=DIR/vgdb}) is gdb's child only until gdb dies, then nobody's.
     */
    static void registerDirectory(Path dir) {
        synchronized (LOCK) {
            if (closing) {
                throw shuttingDown();
            }
            DIRECTORIES.add(dir);
        }
    }

    static void unregisterDirectory(Path dir) {
        DIRECTORIES.remove(dir);
    }

    /** Whether the directory is one of this JVM's (its owner lock is ours: never to be touched by a sweep). */
    static boolean owns(Path dir) {
        return DIRECTORIES.contains(dir);
    }

    /** The number of children registered now. */
    public static int registered() {
        return LIVE.size();
    }

    private static HarnessException shuttingDown() {
        return HarnessException.failed("vgharness is shutting down: nothing new is started", null);
    }

    private static void shutDown() {
        // Gently first, while starts are still allowed (detaching may need one): gdb detached from a process
        // vgharness watches but must not take down with it.
        for (Release release : RELEASES.keySet()) {
            run(release.action);
        }
        awaitStarts();
        for (ShutdownTask task : TASKS) {
            run(task::beforeReaping);
        }
        List<ProcessHandle> doomed = killAll();
        // The reports do not need the children dead: written while they die (a valgrind takes a moment).
        for (ShutdownTask task : TASKS) {
            run(task::afterReaping);
        }
        awaitDeaths(doomed);
        removeDirectories();
    }

    /** No new start from now on; the ones under way get a few seconds to register (and be killed). */
    private static void awaitStarts() {
        synchronized (LOCK) {
            closing = true;
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_WAIT_MS);
            while (starting > 0 && System.nanoTime() < end) {
                try {
                    LOCK.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** SIGKILL to every child, its descendants and group, and every process naming a private directory. */
    private static List<ProcessHandle> killAll() {
        List<Long> roots = LIVE.keySet().stream().map(r -> r.process.pid()).toList();
        List<String> dirs = DIRECTORIES.stream().map(dir -> dir + "/").toList();
        Set<ProcessHandle> doomed = new java.util.HashSet<>();
        // A process may fork between reading /proc and its SIGKILL (gdb starting vgdb): read again until none is new.
        for (int pass = 0; pass < 3; pass++) {
            List<ProcessHandle> found = ProcessTable.read().ofHarness(roots, dirs);
            found.forEach(ProcessHandle::destroyForcibly);
            if (!doomed.addAll(found)) {
                break;
            }
        }
        return List.copyOf(doomed);
    }

    private static void awaitDeaths(List<ProcessHandle> doomed) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEATH_WAIT_MS);
        while (doomed.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < end) {
            ProcessTree.sleepQuietly(10);
        }
    }

    private static void removeDirectories() {
        for (Path dir : DIRECTORIES) {
            run(() -> PrivateDir.deleteTree(dir));
        }
        for (Registration child : LIVE.keySet()) {
            run(child.cleanup);
        }
    }

    /** The JVM is going down: one step that fails must not keep the others from running. */
    private static void run(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // Nothing to report to: the next step still runs.
        }
    }

    /** /proc/PID/cmdline with its NULs as spaces; empty when the process is gone. */
    static String commandLine(long pid) {
        try {
            return new String(java.nio.file.Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
