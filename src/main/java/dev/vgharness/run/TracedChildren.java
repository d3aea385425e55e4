package dev.vgharness.run;

import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.LiveProcess;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.ValgrindProcess;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The exec'd children of a case under {@code --trace-children=yes}: each is a new Valgrind that makes its own
 * gdbserver FIFOs in the case's prefix folder and waits for gdb (it inherits {@code --vgdb-error=0}). A watcher
 * notices each new process by its FIFO (inotify, no busy polling) and gives it its own gdb session on its own thread:
 * attached through vgdb, error stops silenced as for the parent, the case's breakpoints inserted (pending where the
 * child's code does not define them), its stops acted on, to its end. {@link #close()} ends every session and joins
 * every thread.
 */
final class TracedChildren implements AutoCloseable {

    private static final Pattern READY_FIFO = Pattern.compile("vgdb-from-vgdb-to-(\\d+)-by-.*");
    /** Without an event, the watcher still looks this often (and notices it is closed). */
    private static final long LOOK_MS = 500;
    /** How often a child that exec'd is looked at until its new program waits for gdb. */
    private static final long EXEC_LOOK_MS = 50;

    private final ValgrindProcess main;
    private final MemcheckStopLoop.Case parent;
    private final GdbLaunch gdb;
    private final ProcessFamily family;
    private final Set<Long> seen = new HashSet<>();
    private final List<ChildSession> sessions = new ArrayList<>();
    private final Thread watcher;
    private final WatchService events;
    private volatile boolean closing;

    private TracedChildren(ValgrindProcess main, MemcheckStopLoop.Case parent, GdbLaunch gdb, ProcessFamily family)
            throws IOException {
        this.main = main;
        this.parent = parent;
        this.gdb = gdb;
        this.family = family;
        this.events = FileSystems.getDefault().newWatchService();
        main.vgdbFolder().register(events, StandardWatchEventKinds.ENTRY_CREATE);
        seen.add(main.pid());
        this.watcher = new Thread(this::watch, "vgharness-children");
        watcher.setDaemon(true);
    }

    /** Starts watching {@code main}'s prefix folder for traced children. */
    static TracedChildren watch(ValgrindProcess main, MemcheckStopLoop.Case parent, GdbLaunch gdb,
            ProcessFamily family) {
        try {
            TracedChildren children = new TracedChildren(main, parent, gdb, family);
            children.watcher.start();
            return children;
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch " + main.vgdbFolder() + " for traced children: " + e, e);
        }
    }

    private void watch() {
        while (!closing) {
            lookForNew();
            try {
                var key = events.poll(LOOK_MS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
        }
    }

    private void lookForNew() {
        main.gdbserverPids().forEach(this::startSession);
    }

    private synchronized void startSession(long pid) {
        if (closing || seen.contains(pid)) {
            return;
        }
        long ppid = ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(0L);
        List<String> cmdline = LiveProcess.commandLine(pid);
        if (cmdline.isEmpty() || cmdline.equals(LiveProcess.commandLine(ppid))) {
            // Valgrind makes a forked child's FIFOs as it starts the exec, before the new program is loaded: the
            // new Valgrind makes them again once it waits for gdb, and the watcher sees that.
            return;
        }
        seen.add(pid);
        List<String> command = programOf(cmdline);
        CaseState state = family.traced(pid, ppid, command);
        ChildSession session = new ChildSession(pid, ppid, command, state);
        sessions.add(session);
        session.thread.start();
    }

    /** The program's argv in a traced child's command line (what follows Valgrind's options). */
    static List<String> programOf(List<String> cmdline) {
        return LiveProcess.programOf(cmdline);
    }

    private Path fifoOf(long pid) {
        try (Stream<Path> files = Files.list(main.vgdbFolder())) {
            return files.filter(f -> {
                Matcher m = READY_FIFO.matcher(f.getFileName().toString());
                return m.matches() && Long.parseLong(m.group(1)) == pid;
            }).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every session has ended or the case's deadline has passed. */
    void awaitEnd() {
        for (ChildSession s : snapshot()) {
            long left = parent.deadline() - System.nanoTime();
            try {
                s.thread.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized List<ChildSession> snapshot() {
        return List.copyOf(sessions);
    }

    /** Ids of the plan's breakpoints some child's gdb set in code. */
    Set<String> resolvedBreakpoints() {
        Set<String> ids = new HashSet<>();
        snapshot().forEach(s -> ids.addAll(s.resolved));
        return ids;
    }

    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        try {
            events.close();
        } catch (IOException e) {
            // Nothing is watched any more either way.
        }
        for (ChildSession s : snapshot()) {
            if (s.thread.isAlive()) {
                // Still attached when the case ends (its timeout, or the main process's gdb lost): it is killed.
                s.state.killedAtEnd();
            }
            s.end();
        }
        try {
            watcher.join(LOOK_MS * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One traced child's gdb session, on its own thread. */
    private final class ChildSession {
        private final long pid;
        private final long ppid;
        private volatile List<String> command;
        private final CaseState state;
        private final Thread thread;
        private final Set<String> resolved = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile MiSession session;

        ChildSession(long pid, long ppid, List<String> command, CaseState state) {
            this.pid = pid;
            this.ppid = ppid;
            this.command = command;
            this.state = state;
            this.thread = new Thread(this::drive, "vgharness-child-" + pid);
            thread.setDaemon(true);
        }

        /**
         * Attaches and runs the child to its end. A forked child shows its FIFOs while it execs and reports an exit
         * when the exec replaces it: still alive then, it is attached again as the program it became.
         */
        private void drive() {
            while (!closing) {
                List<String> cmdline = LiveProcess.commandLine(pid);
                command = programOf(cmdline);
                state.child(pid, ppid, command);
                if (!attachAndRun() || closing || ProcessHandle.of(pid).isEmpty() || !awaitExec(cmdline)) {
                    return;
                }
            }
        }

        /** Waits (up to the case's deadline) for the child's new program and its new FIFO after an exec. */
        private boolean awaitExec(List<String> before) {
            Path fifo = fifoOf(pid);
            while (System.nanoTime() < parent.deadline() && !closing) {
                if (ProcessHandle.of(pid).isEmpty()) {
                    return false;
                }
                if (!LiveProcess.commandLine(pid).equals(before) && fifo != null && Files.exists(fifo)) {
                    return true;
                }
                fifo = fifo == null ? fifoOf(pid) : fifo;
                sleep(EXEC_LOOK_MS);
            }
            return false;
        }

        /** One attach to the child's gdbserver, its stops to its exit; false when that failed. */
        private boolean attachAndRun() {
            try (MiSession gdbSession = MiSession.start(launch())) {
                session = gdbSession;
                if (closing) {
                    return false;
                }
                runAttached(gdbSession, parent.options().commandTimeout());
                return true;
            } catch (CaseTimeout e) {
                state.timedOut(parent.spec().timeoutOr(parent.options().defaultTimeout()));
            } catch (MiSessionException | StopFailure | CaseProblem | TargetStuck | Sampler.SamplingOver e) {
                if (!closing) {
                    state.fail(e.getMessage());
                }
            } catch (RuntimeException e) {
                state.fail("internal error: " + e + " (please report it, with the -v output)");
            }
            return false;
        }

        /** Attached as the parent is: error stops silenced, the case's breakpoints, then its stops to its exit. */
        private void runAttached(MiSession gdbSession, java.time.Duration timeout) throws MiSessionException,
                CaseProblem, CaseTimeout, StopFailure, TargetStuck, Sampler.SamplingOver {
            attach(gdbSession, timeout);
            gdbSession.awaitStop(timeout);
            // Attached to the program that waits for gdb: its command line is the one to report.
            command = programOf(LiveProcess.commandLine(pid));
            state.child(pid, ppid, command);
            gdbSession.monitor("v.set vgdb-error 999999", timeout);
            Breakpoints breakpoints = Breakpoints.insert(gdbSession, parent.spec().breakpoints());
            state.running();
            parent.options().traffic().accept("[" + parent.spec().name() + "] traced child " + pid + ": "
                    + String.join(" ", command));
            MemcheckStopLoop.Case at = new MemcheckStopLoop.Case(parent.spec(), parent.options(), state,
                    parent.ownTimes(), parent.deadline(), "pid " + pid + " ");
            new MemcheckStopLoop(gdbSession, pid, at, breakpoints, null, null).run();
            resolved.addAll(breakpoints.resolvedIds(gdbSession));
        }

        /**
         * {@code -target-select} through vgdb. The FIFOs a forked child shows while it execs vanish with the old
         * program ("Connection reset by peer"): then the new program's are waited for and the attach tried again.
         */
        private void attach(MiSession gdbSession, java.time.Duration timeout) throws MiSessionException {
            while (true) {
                try {
                    gdbSession.send(main.targetSelectCommand(pid), timeout);
                    return;
                } catch (MiSessionException.CommandFailed e) {
                    if (closing || ProcessHandle.of(pid).isEmpty() || System.nanoTime() > parent.deadline()) {
                        throw e;
                    }
                    sleep(EXEC_LOOK_MS);
                }
            }
        }

        private GdbLaunch launch() {
            GdbLaunch launch = gdb.withEnvironment(main.vgdbEnvironment());
            if (command.isEmpty()) {
                return launch;
            }
            Path program = Path.of(command.get(0));
            if (!program.isAbsolute()) {
                program = Path.of("/proc", Long.toString(pid), "cwd").resolve(program);
            }
            return Files.isRegularFile(program) ? launch.withProgram(program) : launch;
        }

        /** Ends the session's gdb (its child then runs on without it) and joins the thread. */
        void end() {
            MiSession s = session;
            if (s != null) {
                s.close();
            }
            try {
                thread.join(parent.options().commandTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
