package dev.vgharness.repl;

import dev.vgharness.memcheck.BlockContents;
import dev.vgharness.report.JsonReport;
import dev.vgharness.result.RunResult;
import dev.vgharness.vgdb.GdbBreakpoint;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.MiSessionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REPL's own commands, one method each: {@code :start [-- PROG ARGS]}, {@code :break LOC}, {@code :continue},
 * {@code :json on|off}, {@code :contents N}, {@code :report FILE}, {@code :processes}, {@code :process PID},
 * {@code :help}, {@code :quit}. A prefix of
 * {@code :continue} is {@code :continue} ({@code :c}, {@code :cont}), though {@code :contents} starts the same.
 */
final class ColonCommands {

    /** What a colon command does with the words after it; returns false to end the session. */
    @FunctionalInterface
    interface Handler {
        boolean run(String args) throws ReplException, MiSessionException;
    }

    static final String HELP = """
            :start [-- PROG ARGS]  start PROG (or the program given on the command line) under valgrind, stopped
            :break LOC             set a breakpoint (gdb location: file.c:42, function; pending until a library
                                   that defines it is loaded)
            :continue              run to the next stop (Ctrl-C interrupts the target)
            :json on|off           show parsed monitor answers as one line of JSON instead of tables
            :contents N            read the first N bytes (1 to 4096) of every block a block_list answer lists,
                                   shown as hex and text (0: off, the default)
            :report FILE           write everything seen so far as a JSON report (docs/report.md)
            :processes             list the target's processes (pid, ppid, state, command); * marks the one
                                   commands go to (children exec'd under repl --trace-children)
            :process PID           send gdb and monitor commands to process PID from now on (gdb is attached
                                   to it on first use)
            :help                  this text
            :quit                  end valgrind, gdb and vgdb, and leave
            monitor CMD, or a monitor word (leak_check, block_list, who_points_at, v.info, ...): ask valgrind
            anything else: a gdb command
            Without a terminal, commands are read from stdin; the exit status is 0 when every command
            succeeded, 1 when one failed (each failure is one 'error:' line on stderr).
            """;

    private final ReplSession session;
    private final StopWatcher stops;
    private final String version;
    private final Map<String, Handler> handlers = new LinkedHashMap<>();

    ColonCommands(ReplSession session, StopWatcher stops, String version) {
        this.session = session;
        this.stops = stops;
        this.version = version;
        handlers.put(":start", this::start);
        handlers.put(":break", this::breakpoint);
        handlers.put(":continue", args -> {
            stops.continueAndWait();
            return true;
        });
        handlers.put(":json", this::json);
        handlers.put(":contents", this::contents);
        handlers.put(":report", this::report);
        handlers.put(":processes", this::processes);
        handlers.put(":process", this::process);
        handlers.put(":help", args -> {
            session.out().print(HELP);
            return true;
        });
        handlers.put(":quit", args -> false);
    }

    /** The command names, for completion. */
    List<String> names() {
        return List.copyOf(handlers.keySet());
    }

    /** The handler for a name or an unambiguous prefix of one ({@code :c} is {@code :continue}). */
    Handler find(String name) throws ReplException {
        if (handlers.containsKey(name)) {
            return handlers.get(name);
        }
        List<String> matches = handlers.keySet().stream().filter(n -> n.startsWith(name)).toList();
        if (":continue".startsWith(name) && matches.contains(":continue")) {
            return handlers.get(":continue");
        }
        if (matches.size() != 1) {
            throw new ReplException("unknown command " + name + (matches.isEmpty() ? "" : " (could be "
                    + String.join(", ", matches) + ")") + ": type :help");
        }
        return handlers.get(matches.get(0));
    }

    private boolean start(String args) throws ReplException, MiSessionException {
        List<String> words = args.isBlank() ? List.of() : Arrays.asList(args.strip().split("\\s+"));
        if (!words.isEmpty() && words.get(0).equals("--")) {
            words = words.subList(1, words.size());
        }
        List<String> argv = words.isEmpty() ? session.options().program() : words;
        if (argv.isEmpty()) {
            throw new ReplException("no program: type :start -- PROG ARGS");
        }
        session.start(argv);
        Optional<GdbFrame> frame = firstFrame();
        session.state(TargetState.Stopped.at(frame));
        session.log().stopped("start", 1, frame.map(SessionLog::frame).orElse(null));
        session.out().println("started " + String.join(" ", argv) + " (valgrind pid " + session.target().pid()
                + "): " + frame.map(StopWatcher::where).orElse("?"));
        return true;
    }

    private Optional<GdbFrame> firstFrame() throws ReplException {
        try {
            List<GdbFrame> stack = GdbCommands.stack(session.target().gdb());
            return stack.isEmpty() ? Optional.empty() : Optional.of(stack.get(0));
        } catch (MiSessionException e) {
            return Optional.empty();
        }
    }

    private boolean breakpoint(String args) throws ReplException, MiSessionException {
        if (args.isBlank()) {
            throw new ReplException(":break needs a location: :break file.c:42 or :break function");
        }
        try {
            GdbBreakpoint bp = GdbCommands.breakInsert(session.stoppedGdb(), args.strip(), Optional.empty(), 0);
            if (bp.pending()) {
                session.pending(bp.number(), args.strip());
                session.out().println("breakpoint " + bp.number() + " at " + args.strip()
                        + ": pending (no code loaded yet defines it; gdb sets it when a library that does is loaded)");
                return true;
            }
            String where = bp.locations().isEmpty() ? args.strip() : StopWatcher.where(bp.locations().get(0));
            session.out().println("breakpoint " + bp.number() + " at " + where);
        } catch (MiSessionException.CommandFailed e) {
            throw new ReplException("gdb cannot set a breakpoint at '" + args.strip() + "': " + e.gdbMessage());
        }
        return true;
    }

    private boolean processes(String args) throws ReplException {
        Target target = session.target();
        List<ProcessSessions.Member> all = target.processes();
        for (ProcessSessions.Member m : all) {
            boolean current = m.pid == target.currentPid();
            session.out().printf("%s %d  ppid %d  %s  %s%n", current ? "*" : " ", m.pid, m.ppid,
                    current ? session.state().describe() : stateOf(m), String.join(" ", m.command));
        }
        session.out().println(all.size() + (all.size() == 1 ? " process" : " processes")
                + "; * marks the one commands go to");
        return true;
    }

    /** A process the REPL does not talk to: as it was left, or exited once gone. */
    private static String stateOf(ProcessSessions.Member m) {
        if (!(m.state instanceof TargetState.Exited) && ProcessSessions.ended(m.pid)) {
            return "exited";
        }
        return m.state.describe();
    }

    private boolean process(String args) throws ReplException, MiSessionException {
        long pid;
        try {
            pid = Long.parseLong(args.strip());
        } catch (NumberFormatException e) {
            throw new ReplException(":process takes a pid from :processes, not '" + args.strip() + "'");
        }
        session.switchTo(pid);
        session.out().println("process " + pid + ": " + session.state().describe());
        return true;
    }

    private boolean contents(String args) throws ReplException {
        try {
            int bytes = Integer.parseInt(args.strip());
            if (bytes >= 0 && bytes <= BlockContents.MAX_BYTES) {
                session.contents(bytes);
                session.out().println(bytes == 0 ? "block contents off"
                        : "block_list answers read the first " + bytes + " bytes of each block");
                return true;
            }
        } catch (NumberFormatException e) {
            // said below, with the range
        }
        throw new ReplException(":contents takes a number of bytes from 0 (off) to " + BlockContents.MAX_BYTES
                + ", not '" + args.strip() + "'");
    }

    private boolean json(String args) throws ReplException {
        switch (args.strip()) {
            case "on" -> session.json(true);
            case "off" -> session.json(false);
            default -> throw new ReplException(":json takes on or off, not '" + args.strip() + "'");
        }
        return true;
    }

    private boolean report(String args) throws ReplException {
        if (args.isBlank()) {
            throw new ReplException(":report needs a file: :report leaks.json");
        }
        Path file = session.options().cwd().resolve(args.strip());
        RunResult result = session.log().result(version);
        try {
            JsonReport.write(result, file);
        } catch (IOException e) {
            throw new ReplException("cannot write " + file + ": " + e.getMessage());
        }
        session.out().println("report written to " + file);
        return true;
    }
}
