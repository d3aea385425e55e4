package dev.vgharness.repl;

import dev.vgharness.memcheck.MemcheckTextException;
import dev.vgharness.vgdb.HarnessException;
import dev.vgharness.vgdb.MiSessionException;
import java.util.Set;

/**
 * Routes one line: {@code :word} to the REPL's own commands, {@code monitor ...} and the bare words of
 * {@code monitor help} to valgrind, anything else to gdb. A failure is printed as one line and counted; the session
 * goes on.
 */
final class CommandDispatcher {

    /** Parsed commands, routed to valgrind even when its help could not be read. */
    private static final Set<String> PARSED_MONITOR_WORDS = Set.of("leak_check", "block_list", "who_points_at");

    private final ReplSession session;
    private final ColonCommands colon;
    private final MonitorForwarder monitor;
    private final GdbForwarder gdb;

    CommandDispatcher(ReplSession session, String version) {
        StopWatcher stops = new StopWatcher(session);
        this.session = session;
        this.colon = new ColonCommands(session, stops, version);
        this.monitor = new MonitorForwarder(session);
        this.gdb = new GdbForwarder(session, stops);
    }

    ColonCommands colonCommands() {
        return colon;
    }

    /** Runs one line; false when the session should end ({@code :quit}). */
    boolean execute(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return true;
        }
        try {
            return route(text);
        } catch (ReplException e) {
            session.failed(e.getMessage());
        } catch (MiSessionException | HarnessException e) {
            session.failed(e.getMessage());
        } catch (MemcheckTextException e) {
            session.failed("cannot read valgrind's answer: " + e.getMessage());
        } finally {
            session.out().flush();
        }
        return true;
    }

    private boolean route(String text) throws ReplException, MiSessionException {
        String[] parts = text.split("\\s+", 2);
        String word = parts[0];
        String args = parts.length > 1 ? parts[1] : "";
        if (word.startsWith(":")) {
            return colon.find(word).run(args);
        }
        if (word.equals("monitor") || word.equals("mo")) {
            if (args.isBlank()) {
                throw new ReplException("monitor needs a command: monitor help");
            }
            monitor.send(args);
        } else if (PARSED_MONITOR_WORDS.contains(word) || session.help().isCommand(word)) {
            monitor.send(text);
        } else {
            gdb.send(text);
        }
        return true;
    }
}
