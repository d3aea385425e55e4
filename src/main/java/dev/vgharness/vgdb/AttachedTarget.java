package dev.vgharness.vgdb;

import dev.vgharness.mi.MiTuple;
import dev.vgharness.mi.MiValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running process vgharness did not start, with gdb attached ({@code -target-attach PID}), that must outlive the
 * session running and not stopped. {@link #release()} (and {@link #close()}) stops it if it runs, detaches and ends
 * gdb. If gdb died first, the kernel has already detached it, but the breakpoints gdb had inserted are still in its
 * code and would kill it with SIGTRAP at their next hit: their original bytes, remembered when they were set, are
 * written back through {@code /proc/PID/mem}. Either way a process left stopped that was not stopped before gets
 * SIGCONT.
 * <pre>
 * -> -target-attach 4242
 * <- =thread-group-started,id="i1",pid="4242"
 * <- ^done
 * <- *stopped,frame={addr="0x00007f8a52c67503",func="__GI___clock_nanosleep",...},thread-id="1",...
 * -> -target-detach
 * <- =thread-group-exited,id="i1"
 * <- ^done
 * </pre>
 */
public final class AttachedTarget implements AutoCloseable {

    private final MiSession gdb;
    private final long pid;
    private final boolean stoppedBefore;
    private final Duration timeout;
    private final Map<Long, Byte> originalBytes = new LinkedHashMap<>();
    private boolean released;

    private AttachedTarget(MiSession gdb, long pid, boolean stoppedBefore, Duration timeout) {
        this.gdb = gdb;
        this.pid = pid;
        this.stoppedBefore = stoppedBefore;
        this.timeout = timeout;
    }

    /**
     * Starts gdb and attaches it to {@code pid}, which is then stopped. The process's own signals pass to it without
     * stopping it ({@code handle all nostop noprint pass}: all but SIGINT and SIGTRAP, which gdb needs), and a
     * signal during a function called by gdb unwinds the call instead of leaving its frame on the stack.
     *
     * @throws MiSessionException.CommandFailed when gdb cannot attach ({@code ptrace: Operation not permitted.})
     */
    public static AttachedTarget attach(GdbLaunch launch, long pid) throws MiSessionException {
        boolean stoppedBefore = LiveProcess.isStopped(pid);
        MiSession gdb = MiSession.start(launch);
        try {
            gdb.send("-gdb-set unwindonsignal on");
            gdb.console("handle all nostop noprint pass", launch.commandTimeout());
            gdb.send("-target-attach " + pid, launch.commandTimeout());
            gdb.awaitStop(launch.commandTimeout());
            return new AttachedTarget(gdb, pid, stoppedBefore, launch.commandTimeout());
        } catch (MiSessionException | RuntimeException e) {
            gdb.close();
            resumeIfLeftStopped(pid, stoppedBefore);
            throw e;
        }
    }

    public MiSession gdb() {
        return gdb;
    }

    public long pid() {
        return pid;
    }

    /**
     * Remembers the original byte at every location of every breakpoint set so far ({@code -break-list}); gdb
     * reads memory with its breakpoints masked out, so this is the code as it was, whether inserted or not.
     */
    public synchronized void rememberBreakpoints() throws MiSessionException {
        MiTuple table = gdb.send("-break-list", timeout).result().tuple("BreakpointTable");
        for (MiValue bkpt : table.list("body").all("bkpt")) {
            for (GdbFrame location : GdbBreakpoint.of((MiTuple) bkpt).locations()) {
                if (location.address() != 0 && !originalBytes.containsKey(location.address())) {
                    originalBytes.put(location.address(), readByte(location.address()));
                }
            }
        }
    }

    private byte readByte(long address) throws MiSessionException {
        MiTuple memory = (MiTuple) gdb.send("-data-read-memory-bytes 0x" + Long.toHexString(address) + " 1", timeout)
                .result().list("memory").values().get(0);
        return HexFormat.of().parseHex(memory.string("contents"))[0];
    }

    /**
     * Lets go of the process: stops it if it runs, detaches, ends gdb; or, when gdb is gone, repairs what it left.
     * Returns what had to be repaired, in words (empty after a clean detach). Idempotent.
     */
    public synchronized List<String> release() {
        if (released) {
            return List.of();
        }
        released = true;
        List<String> repaired = new ArrayList<>();
        try {
            if (gdb.isAlive() && LiveProcess.exists(pid)) {
                detach();
            } else {
                repaired.addAll(restoreBreakpoints());
            }
        } catch (MiSessionException e) {
            repaired.add("detaching failed (" + e.getMessage() + "); gdb was ended");
            gdb.close();
            repaired.addAll(restoreBreakpoints());
        }
        gdb.close();
        if (resumeIfLeftStopped(pid, stoppedBefore)) {
            repaired.add("the process was left stopped: sent SIGCONT");
        }
        return repaired;
    }

    /** For a deadline at exit: kills gdb at once (the kernel detaches), then repairs as after gdb's death. */
    public void abandon() {
        ProcessHandle.of(gdb.pid()).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(gdb.pid()).ifPresent(p -> p.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> p).join());
        release();
    }

    private void detach() throws MiSessionException {
        if (GdbCommands.threads(gdb).stream().anyMatch(t -> t.state().equals("running"))) {
            try {
                GdbCommands.interrupt(gdb);
                gdb.awaitStop(timeout);
            } catch (MiSessionException.CommandFailed alreadyStopped) {
                // It stopped by itself (a breakpoint hit) between the question and the interrupt.
            }
        }
        gdb.send("-target-detach", timeout);
    }

    /** Writes back the remembered bytes: gdb died with its breakpoints (int3) in the code. */
    private List<String> restoreBreakpoints() {
        if (originalBytes.isEmpty() || !LiveProcess.exists(pid)) {
            return List.of();
        }
        Path memory = Path.of("/proc", Long.toString(pid), "mem");
        try (FileChannel mem = FileChannel.open(memory, StandardOpenOption.WRITE)) {
            for (Map.Entry<Long, Byte> e : originalBytes.entrySet()) {
                mem.write(ByteBuffer.wrap(new byte[] {e.getValue()}), e.getKey());
            }
            return List.of("gdb died: wrote back the original code at " + originalBytes.size() + " breakpoint location"
                    + (originalBytes.size() == 1 ? "" : "s"));
        } catch (IOException e) {
            return List.of("gdb died and the breakpoints could not be removed from the code (" + e.getMessage()
                    + "): the process will get SIGTRAP at the next hit");
        }
    }

    /** SIGCONT when the process is stopped now but was not before vgharness attached. */
    private static boolean resumeIfLeftStopped(long pid, boolean stoppedBefore) {
        if (stoppedBefore) {
            return false;
        }
        // Right after a detach the state may still read 't' for a moment: look again before signalling.
        for (int look = 0; look < 20 && LiveProcess.isStopped(pid); look++) {
            ProcessTree.sleepQuietly(10);
        }
        return LiveProcess.isStopped(pid) && LiveProcess.resume(pid);
    }

    @Override
    public void close() {
        release();
    }
}
