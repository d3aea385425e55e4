package dev.vgharness.repl;

import dev.vgharness.mi.CStrings;
import dev.vgharness.mi.MiRecord;
import dev.vgharness.vgdb.MiOutput;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;

/**
 * Runs a gdb CLI command ({@code backtrace}, {@code print n->payload}, {@code next}) through
 * {@code -interpreter-exec console} and shows what it printed. A command that lets the target run
 * ({@code ^running}: next, step, finish, continue) is followed like {@code :continue}, up to its stop.
 * <pre>
 * -> 112-interpreter-exec console "print id"
 * <- ~"$1 = 2\n"
 * <- 112^done
 * </pre>
 */
final class GdbForwarder {

    private final ReplSession session;
    private final StopWatcher stops;

    GdbForwarder(ReplSession session, StopWatcher stops) {
        this.session = session;
        this.stops = stops;
    }

    void send(String command) throws ReplException, MiSessionException {
        MiSession gdb = session.idleGdb();
        MiOutput output = gdb.exchange("-interpreter-exec console " + CStrings.quote(command),
                session.options().commandTimeout());
        String text = output.consoleText() + output.targetText();
        session.out().print(text);
        StopDraft stop = session.log().current();
        if (stop != null) {
            stop.gdb(command, text);
        }
        if (output.result().isError()) {
            throw new ReplException("gdb: " + output.result().optionalString("msg").orElse("error"));
        }
        if (output.records().stream().anyMatch(r -> r instanceof MiRecord.Async a
                && a.asyncClass().equals("thread-group-exited"))) {
            // gdb's own kill (or detach): the program is gone without a stop.
            session.state(new TargetState.Exited("(killed by gdb)"));
            session.log().running();
        } else if (output.result().resultClass().equals("running")) {
            stops.running();
            stops.awaitStop(gdb);
        }
    }
}
