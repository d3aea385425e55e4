package dev.vgharness.repl;

import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.BlockListParser;
import dev.vgharness.memcheck.BlockListResult;
import dev.vgharness.memcheck.MemcheckText;
import dev.vgharness.memcheck.MonitorError;
import dev.vgharness.memcheck.WhoPointsAtParser;
import dev.vgharness.memcheck.WhoPointsAtResult;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.LeakCheckWords;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.run.BlockContentsReader;
import dev.vgharness.run.KnownLeaks;
import dev.vgharness.run.LeakCheckFailure;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import java.util.List;
import java.util.Optional;

/**
 * Sends a monitor command to valgrind's gdbserver, shows the raw answer and, for {@code leak_check},
 * {@code block_list} and {@code who_points_at}, the parsed answer (a table, or JSON with {@code :json on}); keeps
 * both at the current stop. Valgrind's complaints ({@code command 'x' not recognised}) make the command fail. A
 * {@code leak_check} is answered as {@code run} answers a plan's check (docs/leak-deltas.md).
 */
final class MonitorForwarder {

    private final ReplSession session;
    private final AnswerPrinter printer;

    MonitorForwarder(ReplSession session) {
        this.session = session;
        this.printer = new AnswerPrinter(session);
    }

    void send(String command) throws ReplException, MiSessionException {
        String word = command.strip().split("\\s+", 2)[0];
        if (resolve(word).equals("leak_check")) {
            leakCheck(command);
            return;
        }
        String text = session.stoppedGdb().monitor(command, session.options().commandTimeout());
        switch (resolve(word)) {
            case "block_list" -> blockList(command, text);
            case "who_points_at" -> whoPointsAt(command, text);
            default -> other(command, text);
        }
    }

    /** The full command word for an abbreviation valgrind accepts ({@code leak} is {@code leak_check}). */
    private String resolve(String word) {
        MonitorHelp help = session.help();
        if (help.isCommand(word)) {
            return word;
        }
        List<String> matches = help.commands().keySet().stream().filter(c -> c.startsWith(word)).toList();
        return matches.size() == 1 ? matches.get(0) : word;
    }

    /**
     * A leak check as {@code run} makes it: the harness's own searches (their text is what is shown raw), the
     * records the words ask for, deltas since the previous check whatever it showed.
     */
    private void leakCheck(String command) throws ReplException, MiSessionException {
        MiSession gdb = session.stoppedGdb();
        LeakCheckAction action;
        try {
            action = LeakCheckWords.parse(command, session.help().keywords("leak_check").contains("new"));
        } catch (IllegalArgumentException e) {
            throw new ReplException("'" + command + "': " + e.getMessage());
        }
        try {
            StopLeakCheck report = session.target().leakChecks().check(command, action, KnownLeaks.NONE, words -> {
                String text = gdb.monitor(words, session.options().commandTimeout());
                record(words, text, true);
                return text;
            });
            current().ifPresent(stop -> stop.leakCheck(report));
            printer.leakCheck(report);
        } catch (LeakCheckFailure e) {
            throw new ReplException(e.getMessage());
        }
    }

    private void blockList(String command, String text) throws ReplException, MiSessionException {
        BlockListResult result = BlockListParser.parse(text);
        record(command, text, !result.blockLists().isEmpty());
        if (result.blockLists().isEmpty()) {
            printer.raw(text);
            throw new ReplException("'" + command + "' failed: " + MonitorError.complaint(result.errors(), text));
        }
        List<BlockList> lists = withContents(text, result.blockLists());
        current().ifPresent(stop -> stop.blockLists(lists));
        printer.blockLists(text, lists);
    }

    /** The lists with their blocks' first bytes when {@code :contents N} asked for them. */
    private List<BlockList> withContents(String text, List<BlockList> lists) throws ReplException, MiSessionException {
        if (session.contents() == 0) {
            return lists;
        }
        try {
            return BlockContentsReader.of(session.stoppedGdb(), session.options().commandTimeout(), session.contents())
                    .read(lists);
        } catch (BlockContentsReader.ContentsUnreadable e) {
            current().ifPresent(stop -> stop.blockLists(lists));
            printer.blockLists(text, lists);
            throw new ReplException(e.getMessage());
        }
    }

    private void whoPointsAt(String command, String text) throws ReplException {
        WhoPointsAtResult result = WhoPointsAtParser.parse(text);
        record(command, text, result.search() != null);
        if (result.search() == null) {
            printer.raw(text);
            throw new ReplException("'" + command + "' failed: " + MonitorError.complaint(result.errors(), text));
        }
        current().ifPresent(stop -> stop.pointerSearch(result.search()));
        printer.whoPointsAt(text, result.search());
    }

    private void other(String command, String text) throws ReplException {
        record(command, text, false);
        printer.raw(text);
        List<MonitorError> errors = MemcheckText.parse(text).monitorErrors();
        if (!errors.isEmpty()) {
            throw new ReplException("monitor '" + command + "': " + MonitorError.complaint(errors, text));
        }
    }

    private void record(String command, String text, boolean parsed) {
        current().ifPresent(stop -> stop.monitor(command, text, parsed));
    }

    private Optional<StopDraft> current() {
        return Optional.ofNullable(session.log().current());
    }
}
