package dev.vgharness.vgdb;

import java.time.Duration;
import java.util.Objects;

/**
 * A program under valgrind with gdb attached through vgdb, stopped at its first instruction and ready for
 * breakpoints: what {@code run} does for each case and the REPL's {@code :start}. Valgrind is told at once not to
 * stop at errors ({@code v.set vgdb-error 999999}): the harness stops where the plan says, not at every error.
 * {@link #close()} ends gdb, then valgrind, and removes the private vgdb directory.
 */
public final class VgdbTarget implements AutoCloseable {

    private final ValgrindProcess valgrind;
    private final MiSession gdb;

    private VgdbTarget(ValgrindProcess valgrind, MiSession gdb) {
        this.valgrind = valgrind;
        this.gdb = gdb;
    }

    /**
     * Starts valgrind, then gdb with the environment vgdb needs, attaches and silences error stops.
     *
     * @param gdbLaunch how to start gdb; its environment is replaced by the one valgrind's FIFOs need
     */
    public static VgdbTarget start(ValgrindLaunch valgrindLaunch, GdbLaunch gdbLaunch, Duration timeout)
            throws MiSessionException {
        Objects.requireNonNull(gdbLaunch, "gdbLaunch is null");
        ValgrindProcess valgrind = ValgrindProcess.start(valgrindLaunch);
        MiSession gdb = null;
        try {
            gdb = MiSession.start(gdbLaunch.withEnvironment(valgrind.vgdbEnvironment()));
            GdbCommands.attach(gdb, valgrind, timeout);
            gdb.monitor("v.set vgdb-error 999999", timeout);
            return new VgdbTarget(valgrind, gdb);
        } catch (MiSessionException | RuntimeException e) {
            if (gdb != null) {
                gdb.close();
            }
            valgrind.close();
            throw e;
        }
    }

    public ValgrindProcess valgrind() {
        return valgrind;
    }

    public MiSession gdb() {
        return gdb;
    }

    @Override
    public void close() {
        try {
            gdb.close();
        } finally {
            valgrind.close();
        }
    }
}
