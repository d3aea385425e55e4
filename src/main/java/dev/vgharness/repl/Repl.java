package dev.vgharness.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Signals;

/**
 * {@code vgharness repl}: an interactive prompt on a terminal (JLine: line editing, history, completion), or,
 * without one, commands read from stdin one per line with only the answers printed, for scripts:
 * <pre>
 * $ printf 'leak_check full\n:quit\n' | vgharness repl -- ./leaky 3
 * </pre>
 * Ctrl-C interrupts the running target and never ends the harness. The exit status is 0 when every command
 * succeeded, 1 when one failed.
 */
public final class Repl {

    private Repl() {
    }

    /** On the terminal when there is one, else scripted from stdin; returns the exit status. */
    public static int run(ReplOptions options, String version) {
        if (System.console() != null) {
            return interactive(options, version);
        }
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return scripted(options, version, in, out, err);
    }

    /** Reads commands from {@code in} until {@code :quit} or its end; echoes nothing but answers. */
    public static int scripted(ReplOptions options, String version, BufferedReader in, PrintWriter out,
            PrintWriter err) {
        try (ReplSession session = new ReplSession(options, out, err, Clock.systemUTC())) {
            CommandDispatcher dispatcher = new CommandDispatcher(session, version);
            Object previous = Signals.register("INT", session::interrupt);
            try {
                if (startProgram(options, dispatcher)) {
                    for (String line = in.readLine(); line != null && dispatcher.execute(line); line = in.readLine()) {
                        // each line is run by the condition
                    }
                }
            } catch (IOException e) {
                session.failed("cannot read commands: " + e.getMessage());
            } finally {
                Signals.unregister("INT", previous);
                out.flush();
            }
            session.close();
            return session.failures() == 0 ? 0 : 1;
        }
    }

    private static boolean startProgram(ReplOptions options, CommandDispatcher dispatcher) {
        return options.program().isEmpty() || dispatcher.execute(":start");
    }

    private static int interactive(ReplOptions options, String version) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintWriter out = terminal.writer();
            try (ReplSession session = new ReplSession(options, out, out, Clock.systemUTC())) {
                CommandDispatcher dispatcher = new CommandDispatcher(session, version);
                terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
                LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("vgharness")
                        .completer(new ReplCompleter(dispatcher.colonCommands().names(), session::help))
                        .variable(LineReader.HISTORY_FILE, options.history()).build();
                out.println("vgharness repl: :help for commands, Tab completes, Ctrl-C interrupts the target");
                if (startProgram(options, dispatcher)) {
                    loop(reader, session, dispatcher);
                }
                reader.getHistory().save();
                session.close();
                return session.failures() == 0 ? 0 : 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    private static void loop(LineReader reader, ReplSession session, CommandDispatcher dispatcher) {
        while (true) {
            String line;
            try {
                line = reader.readLine(session.state().prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            if (!dispatcher.execute(line)) {
                return;
            }
        }
    }
}
