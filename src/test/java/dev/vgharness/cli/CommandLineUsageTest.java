package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad option values, typos and help through the whole command line: nothing runs, so no valgrind or gdb. */
class CommandLineUsageTest {

    @TempDir
    Path dir;

    record Outcome(int code, String stdout, String stderr) {
    }

    static Outcome main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String plan() throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "cases:\n  - name: t\n    command: [/bin/true]\n");
        return plan.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--jobs|0|'0' is not a whole number of at least 1",
        "--timeout|0s|'0s' must be more than 0s",
        "--timeout|abc|'abc' is not a duration (use e.g. 500ms, 90s, 5m, 1h)",
        "--shard|4/3|'4/3' is not K/N with 1 <= K <= N (e.g. 2/4)",
        "--timeout-multiplier|0|'0' is not a number above 0 and at most 1000 (e.g. 2, 1.5)",
        "--command-timeout|5|'5' is not a duration (use e.g. 500ms, 90s, 5m, 1h)",
        "--stop-records|none|'none' is not a number of at least 1 or 'all'"})
    void aBadOptionValueIsAUsageErrorThatNamesTheOptionAndRunsNothing(String option, String value, String why)
            throws Exception {
        Outcome o = main("run", plan(), option, value);

        assertEquals(2, o.code());
        assertEquals("vgharness: Invalid value for option '" + option + "': " + why + "\n"
                + "Try 'vgharness run --help' for more information.\n", o.stderr());
        assertEquals("", o.stdout());
    }

    @Test
    void aMistypedCommandGetsADidYouMean() {
        Outcome o = main("rnu", "plan.yaml");

        assertEquals(2, o.code());
        assertTrue(o.stderr().contains("\nDid you mean: run?\n"), o.stderr());
    }

    @Test
    void aMistypedOptionGetsADidYouMeanWithTransposedLetters() throws Exception {
        Outcome o = main("run", plan(), "--jbos", "2");

        assertEquals(2, o.code());
        assertEquals("vgharness: Unknown options: '--jbos', '2'\nDid you mean: --jobs?\n"
                + "Try 'vgharness run --help' for more information.\n", o.stderr());
    }

    @Test
    void helpOfACommandPrintsItsUsageWithTheExitCodes() {
        Outcome o = main("help", "run");

        assertEquals(0, o.code(), o.stderr());
        assertTrue(o.stdout().startsWith("Usage: vgharness run "), o.stdout());
        assertTrue(o.stdout().contains("--timeout-multiplier=X"), o.stdout());
        assertTrue(o.stdout().contains("Exit codes: 0 every case passed, 1 an expectation failed"), o.stdout());
    }

    @Test
    void checkAndMergeHelpSayTheirSourceRootIsTheCheckoutsTop() {
        for (String command : new String[] {"check", "merge"}) {
            String help = main(command, "--help").stdout().replaceAll("\\s+", " ");

            assertTrue(help.contains("--source-root=DIR where the program's own sources are (repeatable; default:"
                    + " the top of the current folder's git checkout, else the current folder)"), help);
            assertTrue(!help.contains("plan's folder"), help);
        }
    }

    @Test
    void mergeOfAMissingReportSaysNotFound() {
        Outcome o = main("merge", dir.resolve("nope.json").toString());

        assertEquals(2, o.code());
        assertEquals("vgharness: " + dir.resolve("nope.json") + ": not found\n", o.stderr());
    }

    @Test
    void checkTakesEverythingFromTheProgramOnAsItsArguments() {
        // --jobs is no check option: after PROG it is the program's, and a missing program is the only problem
        Outcome o = main("check", "--valgrind", "/nonexistent/valgrind", "/nonexistent/prog", "--jobs", "0");

        assertEquals(3, o.code(), o.stderr());
        assertTrue(!o.stderr().contains("--jobs"), o.stderr());
    }
}
