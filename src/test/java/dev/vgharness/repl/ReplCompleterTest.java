package dev.vgharness.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplCompleterTest {

    private final MonitorHelp help = MonitorHelp.parse(Fixtures.read("repl/monitor-help-3.19.txt"));
    private final ReplCompleter completer = new ReplCompleter(List.of(":start", ":quit"), () -> help);

    @Test
    void completesTheFirstWordFromReplGdbAndMonitorCommands() {
        List<String> words = completer.candidates(List.of("leak_"), 0);

        assertTrue(words.containsAll(List.of(":start", ":quit", "monitor", "leak_check", "block_list",
                "who_points_at", "v.info", "backtrace", "print")), words.toString());
    }

    @Test
    void completesMonitorCommandsAfterTheWordMonitor() {
        assertEquals(List.copyOf(help.commands().keySet()), completer.candidates(List.of("monitor", ""), 1));
    }

    @Test
    void completesTheKeywordsOfAMonitorCommandWithOrWithoutMonitor() {
        List<String> keywords = List.copyOf(help.keywords("leak_check"));

        assertEquals(keywords, completer.candidates(List.of("leak_check", "full", ""), 2));
        assertEquals(keywords, completer.candidates(List.of("monitor", "leak_check", ""), 2));
    }

    @Test
    void completesOnAndOffAfterJson() {
        assertEquals(List.of("on", "off"), completer.candidates(List.of(":json", ""), 1));
    }

    @Test
    void offersNoKeywordsForAGdbCommand() {
        assertEquals(List.of(), completer.candidates(List.of("print", ""), 1));
    }
}
