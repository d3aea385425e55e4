package dev.vgharness.run;

import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import java.time.Duration;
import java.util.Set;

/**
 * The rule for stopping a running target to call {@code mallinfo2()} (or {@code malloc_trim}) in it: never while the
 * stopped thread is inside malloc, which holds the arena lock the call would wait for forever. Interrupted there, the
 * target is continued briefly and interrupted again.
 */
final class OutsideMalloc {

    /** Functions that hold malloc's locks. */
    private static final Set<String> IN_MALLOC = Set.of("malloc", "free", "calloc", "realloc", "_int_malloc",
            "_int_free", "_int_realloc", "sysmalloc", "malloc_consolidate", "__libc_malloc", "__libc_free",
            "__libc_calloc", "__libc_realloc", "tcache_init", "__GI___libc_malloc", "__GI___libc_free");
    private static final int RETRIES = 50;
    private static final Duration INTERRUPT_ANSWER = Duration.ofSeconds(2);
    private static final int INTERRUPT_TRIES = 15;
    private static final Duration REPEATED_INTERRUPT_ANSWER = Duration.ofSeconds(30);

    private OutsideMalloc() {
    }

    /**
     * Interrupts the running target and returns its stop: outside malloc, or a breakpoint hit or its end, which
     * may come first. After {@value #RETRIES} tries inside malloc the last stop is returned as it is.
     *
     * @param avoidMalloc false when nothing will be called in the target (under valgrind): any stop will do
     */
    static StopEvent interrupt(MiSession gdb, boolean avoidMalloc) throws MiSessionException {
        for (int attempt = 0; ; attempt++) {
            StopEvent stop = interruptUntilStopped(gdb);
            if (stop.isExit() || stop.isBreakpointHit() || !avoidMalloc || attempt >= RETRIES || !inMalloc(gdb)) {
                return stop;
            }
            GdbCommands.continueRunning(gdb);
        }
    }

    /**
     * {@code -exec-interrupt} until the target stops. Under vgdb an interrupt that arrives while the target is still
     * being resumed, or passes through the dynamic loader's library events, is answered {@code ^done} and then lost
     * (seen with valgrind 3.19 and gdb 13 on a loaded machine): ask again when no stop follows. A repeated interrupt
     * may meet a target that stopped meanwhile; gdb's {@code ^error} then is no failure, the stop is on its way.
     */
    private static StopEvent interruptUntilStopped(MiSession gdb) throws MiSessionException {
        GdbCommands.interrupt(gdb);
        for (int asked = 1; ; asked++) {
            try {
                return gdb.awaitStop(INTERRUPT_ANSWER);
            } catch (MiSessionException.Timeout e) {
                if (asked == INTERRUPT_TRIES) {
                    throw e;
                }
            }
            gdb.exchange("-exec-interrupt", REPEATED_INTERRUPT_ANSWER);
        }
    }

    /** Whether the current thread of the stopped target is inside malloc. */
    static boolean inMalloc(MiSession gdb) throws MiSessionException {
        for (GdbFrame frame : GdbCommands.stack(gdb)) {
            if (frame.function() != null && IN_MALLOC.contains(frame.function())) {
                return true;
            }
        }
        return false;
    }
}
