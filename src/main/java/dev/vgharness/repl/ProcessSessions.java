package dev.vgharness.repl;

import dev.vgharness.run.LeakCheckSeries;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.LiveProcess;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.ValgrindProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of one target under {@code --trace-children=yes}: the program and each child Valgrind traced into
 * an exec, which makes its own gdbserver FIFOs in the target's private prefix folder and waits there for gdb. They
 * are noticed by those FIFOs when asked for ({@code :processes}, {@code :process PID}); a child gets its own gdb
 * session through vgdb on first use. {@link #close()} ends every child's gdb.
 */
final class ProcessSessions implements AutoCloseable {

    /** One process: its gdb once attached, its state while the REPL talks to another, its leak history. */
    static final class Member {
        final long pid;
        final long ppid;
        final List<String> command;
        final LeakCheckSeries leakChecks = new LeakCheckSeries();
        volatile MiSession gdb;
        volatile TargetState state;

        Member(long pid, long ppid, List<String> command, MiSession gdb, TargetState state) {
            this.pid = pid;
            this.ppid = ppid;
            this.command = List.copyOf(command);
            this.gdb = gdb;
            this.state = state;
        }
    }

    private final ValgrindProcess main;
    private final GdbLaunch gdbLaunch;
    private final Duration timeout;
    private final Map<Long, Member> members = new LinkedHashMap<>();

    ProcessSessions(ValgrindProcess main, MiSession mainGdb, List<String> argv, GdbLaunch gdbLaunch,
            Duration timeout) {
        this.main = main;
        this.gdbLaunch = gdbLaunch;
        this.timeout = timeout;
        members.put(main.pid(), new Member(main.pid(), parentOf(main.pid()), argv, mainGdb,
                new TargetState.Running()));
    }

    /** The program started. */
    synchronized Member program() {
        return members.get(main.pid());
    }

    /** Every process known so far, the program first; new traced children are looked for first. */
    synchronized List<Member> all() {
        lookForNew();
        return new ArrayList<>(members.values());
    }

    /** A known process (looked for first), or the one clear line why not. */
    synchronized Member member(long pid) throws ReplException {
        lookForNew();
        Member m = members.get(pid);
        if (m == null) {
            throw new ReplException("no process " + pid + " in this target: :processes lists them");
        }
        return m;
    }

    /** The process's gdb, attached through vgdb on first use as the program's is (error stops silenced). */
    synchronized MiSession attach(Member m) throws MiSessionException, ReplException {
        if (m.gdb != null) {
            return m.gdb;
        }
        if (!LiveProcess.exists(m.pid)) {
            throw new ReplException("process " + m.pid + " has exited before gdb was attached to it");
        }
        MiSession gdb = MiSession.start(launchFor(m).withEnvironment(main.vgdbEnvironment()));
        try {
            gdb.send(main.targetSelectCommand(m.pid), timeout);
            gdb.awaitStop(timeout);
            gdb.monitor("v.set vgdb-error 999999", timeout);
            List<GdbFrame> stack = GdbCommands.stack(gdb);
            m.state = TargetState.Stopped.at(stack.stream().findFirst());
        } catch (MiSessionException | RuntimeException e) {
            gdb.close();
            throw e;
        }
        m.gdb = gdb;
        return gdb;
    }

    private GdbLaunch launchFor(Member m) {
        if (m.command.isEmpty()) {
            return gdbLaunch;
        }
        Path program = Path.of("/proc", Long.toString(m.pid), "cwd").resolve(m.command.get(0));
        return Files.isRegularFile(program) ? gdbLaunch.withProgram(program) : gdbLaunch;
    }

    private void lookForNew() {
        main.gdbserverPids().forEach(this::noticed);
    }

    private void noticed(long pid) {
        if (members.containsKey(pid)) {
            return;
        }
        long ppid = parentOf(pid);
        List<String> cmdline = LiveProcess.commandLine(pid);
        if (cmdline.isEmpty() || cmdline.equals(LiveProcess.commandLine(ppid))) {
            // A forked child shows FIFOs as it starts its exec, before the new program is loaded: noticed later.
            return;
        }
        // A traced child waits for gdb at its first instruction (it inherits --vgdb-error=0).
        members.put(pid, new Member(pid, ppid, LiveProcess.programOf(cmdline), null,
                new TargetState.Stopped("waiting for gdb")));
    }

    /** Gone, or ended and not reaped yet (a zombie). */
    static boolean ended(long pid) {
        return !LiveProcess.exists(pid);
    }

    private static long parentOf(long pid) {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(0L);
    }

    /** Ends every child's gdb (the program's is the target's to end); a child left waiting dies with the target. */
    @Override
    public synchronized void close() {
        for (Member m : members.values()) {
            if (m.pid != main.pid() && m.gdb != null) {
                m.gdb.close();
                m.gdb = null;
            }
        }
    }
}
