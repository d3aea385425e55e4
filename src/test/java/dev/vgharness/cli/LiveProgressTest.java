package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The live printer on a fake clock: blocks as cases end, heartbeats every 30 s, the status line on terminals. */
class LiveProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private LiveProgress printer(boolean terminal) {
        Output output = new Output(new PrintWriter(out, true), new PrintWriter(err, true),
                terminal ? Style.COLOUR : Style.PLAIN, terminal);
        return new LiveProgress(2, output, c -> TextBlock.of(c), now::get);
    }

    /** A stand-in for the summary's block: its first line. */
    private static final class TextBlock {
        static String of(CaseResult c) {
            return (c.status() == RunStatus.PASSED ? "PASS   " : "FAIL   ") + c.name() + "\n";
        }
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static CaseResult finished(String name, RunStatus status) {
        return new CaseResult(name, status, null, List.of("/bin/true"), 1, 10, List.of(), CaseExit.exited(0), null,
                List.of(), null, null);
    }

    @Test
    void aRunningCaseGetsAHeartbeatEveryThirtySecondsWithItsStops() {
        LiveProgress live = printer(false);
        live.caseStarted("growth");
        live.caseStopped("growth");
        advance(Duration.ofSeconds(29));
        live.tick();
        assertEquals("", out.toString());

        advance(Duration.ofSeconds(1));
        live.caseStopped("growth");
        live.tick();
        advance(Duration.ofSeconds(10));
        live.tick();
        live.caseStopped("growth");
        advance(Duration.ofSeconds(50));
        live.tick();

        assertEquals("growth: running 30s, 2 stops\ngrowth: running 1m30s, 3 stops\n", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void eachCaseBlockIsPrintedAsItEndsWithItsCounter() {
        LiveProgress live = printer(false);
        live.caseStarted("a");
        live.caseStarted("b");
        live.caseFinished(finished("b", RunStatus.FAILED));
        advance(Duration.ofSeconds(30));
        live.tick();
        live.caseFinished(finished("a", RunStatus.PASSED));
        live.tick();

        assertEquals("[1/2] FAIL   b\na: running 30s, 0 stops\n[2/2] PASS   a\n", out.toString());
    }

    @Test
    void onATerminalAStatusLineIsDrawnOnStderrAndClearedBeforeABlock() {
        LiveProgress live = printer(true);
        live.caseStarted("a");
        advance(Duration.ofSeconds(5));
        live.caseStopped("a");
        live.tick();
        live.caseFinished(finished("a", RunStatus.PASSED));
        live.close();

        assertEquals("\r\u001b[Kvgharness: [0/2 done] a 0s, 0 stops"
                + "\r\u001b[Kvgharness: [0/2 done] a 5s, 1 stop"
                + "\r\u001b[K", err.toString());
        assertEquals("[1/2] \u001b[32mPASS\u001b[0m   a\n", out.toString());
    }

    @Test
    void colourMarksOnlyTheVerdictWordsAtTheStartOfALine() {
        String text = "FAIL   x (1.0 s)\n         FAILED errors: expected == 0, was 1\nPASSED is no verdict\n";

        assertEquals("\u001b[31mFAIL\u001b[0m   x (1.0 s)\n         \u001b[31mFAILED\u001b[0m errors: expected == 0,"
                + " was 1\nPASSED is no verdict\n", Style.COLOUR.marks(text));
        assertEquals(text, Style.PLAIN.marks(text));
    }

    @Test
    void noColorTurnsColourOffUnlessEmpty() {
        assertTrue(Terminal.noColor(Map.of("NO_COLOR", "1")));
        assertTrue(!Terminal.noColor(Map.of("NO_COLOR", "")));
        assertTrue(!Terminal.noColor(Map.of()));
    }
}
