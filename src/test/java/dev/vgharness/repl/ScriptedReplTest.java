package dev.vgharness.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.RunProcesses;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripted sessions (commands on stdin) against the real valgrind and gdb on {@code fixtures/src/leaky.c}. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
class ScriptedReplTest {

    private static final Pattern STARTED = Pattern.compile("started .* \\(valgrind pid (\\d+)\\)");
    private static final Pattern DEFINITE_ROW = Pattern.compile("(?m)^\\s+(\\d+)\\s+definitely_lost\\s+(\\d+)\\s+");
    private static final Pattern BLOCK_ROW = Pattern.compile("(?m)^\\s+\\d+\\s+definitely_lost\\s+(0x[0-9A-F]+)\\s+");

    @TempDir
    Path dir;

    private ReplOptions options() {
        return ReplOptions.defaults().withTools(TestTools.valgrind(), TestTools.gdb())
                .withProgram(List.of(Fixtures.compile("src/leaky.c").toString(), "3"))
                .withCommandTimeout(Duration.ofSeconds(60)).withHistory(dir.resolve("history"));
    }

    @Test
    void breaksChecksListsBlocksFindsOwnersAndQuitsLeavingNoProcess() throws Exception {
        String at = Fixtures.location("src/leaky.c", "request_done");
        RunProcesses session = RunProcesses.ofThisJvm();
        try (ReplDriver repl = new ReplDriver(options())) {
            String started = repl.send(":break " + at);
            Matcher pid = STARTED.matcher(started);
            assertTrue(pid.find(), started);
            assertTrue(started.contains("breakpoint 1 at handle_request ("), started);

            assertTrue(repl.send(":continue").contains("stopped at breakpoint 1: handle_request ("), repl.output());
            String leaks = repl.send("leak_check full");
            assertTrue(leaks.contains("LEAK SUMMARY:"), leaks);
            assertTrue(leaks.contains("summary: definite "), leaks);
            Matcher definite = DEFINITE_ROW.matcher(leaks);
            assertTrue(definite.find(), leaks);

            String blocks = repl.send("block_list " + definite.group(1));
            assertTrue(blocks.contains("indirect loss record"), blocks);
            Matcher block = BLOCK_ROW.matcher(blocks);
            assertTrue(block.find(), blocks);

            String owners = repl.send("monitor who_points_at " + block.group(1) + " 40");
            assertTrue(owners.contains("pointers into " + block.group(1) + " (40 bytes): "), owners);
            assertEquals("", repl.errors());

            assertEquals(0, repl.finish(":quit\n"));
            assertEquals(List.of(), session.alive("--pid=" + pid.group(1)), "no valgrind, gdb or vgdb of the session");
        }
    }

    @Test
    void contentsOnMakesBlockListAnswersShowEachBlocksFirstBytesAndAPrefixOfContinueStillContinues() throws Exception {
        String src = "src/contents.c";
        ReplOptions options = options().withProgram(List.of(Fixtures.compile(src).toString()));
        try (ReplDriver repl = new ReplDriver(options)) {
            repl.send(":break " + Fixtures.location(src, "checkpoint"));
            assertTrue(repl.send(":c").contains("stopped at breakpoint 1: checkpoint ("), repl.output());
            assertTrue(repl.send(":contents 12").contains("block_list answers read the first 12 bytes of each block"),
                    repl.output());
            String leaks = repl.send("leak_check full");
            Matcher string = Pattern.compile("(?m)^\\s+(\\d+)\\s+definitely_lost\\s+40\\s+1\\s+\\S+\\s+leak_string")
                    .matcher(leaks);
            assertTrue(string.find(), leaks);

            String blocks = repl.send("block_list " + string.group(1));
            assertTrue(blocks.contains("  leak_string (contents.c:" + Fixtures.line(src, "string_alloc")
                    + ")    GET /index.h\n"), blocks);
            repl.send(":json on");
            JsonNode json = new ObjectMapper().readTree(repl.send("block_list " + string.group(1)).strip());
            assertEquals("47 45 54 20 2f 69 6e 64 65 78 2e 68", json.at("/block_lists/0/blocks/0/contents/hex").asText());
            repl.send(":contents 0");
            json = new ObjectMapper().readTree(repl.send("block_list " + string.group(1)).strip());
            assertTrue(json.at("/block_lists/0/blocks/0/contents").isNull(), json.toString());
            assertEquals("", repl.errors());

            repl.send(":contents 5000");
            assertTrue(repl.errors().contains(":contents takes a number of bytes from 0 (off) to 4096, not '5000'"),
                    repl.errors());
            assertEquals(1, repl.finish(":quit\n"));
        }
    }

    @Test
    void deltasSinceTheLastCheckShowTheNextRequestsLeak() throws Exception {
        String at = Fixtures.location("src/leaky.c", "request_done");
        try (ReplDriver repl = new ReplDriver(options())) {
            repl.send(":break " + at);
            repl.send(":continue");
            repl.send("leak_check full");
            assertTrue(repl.send(":continue").contains("stopped at breakpoint 1"));
            String second = repl.send("leak_check full");
            // Request 0's 32-byte scratch buffer was still pointed at by its frame at the first check; by the second
            // it is definitely lost: a new definitely lost record, +32 since the last check.
            assertTrue(Pattern.compile("(?m)^\\s+\\d+\\s+definitely_lost\\s+32\\s+1\\s+\\+32\\s+handle_request")
                    .matcher(second).find(), second);
            assertEquals(0, repl.finish(":quit\n"));
        }
    }

    @Test
    void aCheckAfterAFilteredOneShowsDeltasSinceThatOneAsRunDoes() throws Exception {
        ReplOptions sites = options().withProgram(List.of(Fixtures.compile("src/sites.c").toString()));
        try (ReplDriver repl = new ReplDriver(sites)) {
            repl.send(":break " + Fixtures.location("src/sites.c", "step"));
            repl.send(":continue");
            repl.send("leak_check full reachable any");
            repl.send(":continue");
            assertEquals("", repl.send("leak_check kinds possible any").replaceAll("(?s)^.*delta  where\n", ""));
            repl.send(":continue");
            String third = repl.send("leak_check full reachable any");
            // Site A (48 bytes) did not change since the filtered check at stop 2; site B grew to 48 bytes.
            Matcher rows = Pattern.compile("(?m)^\\s+\\d+\\s+definitely_lost\\s+48\\s+3\\s+(\\S+)\\s+grab")
                    .matcher(third);
            List<String> deltas = new java.util.ArrayList<>();
            while (rows.find()) {
                deltas.add(rows.group(1));
            }
            assertEquals(List.of("+0", "+16"), deltas, third);
            assertEquals("", repl.errors());
            assertEquals(0, repl.finish(":quit\n"));
        }
    }

    @Test
    void leakCheckWordsValgrindWouldRefuseAreOneErrorAndSearchNothing() throws Exception {
        try (ReplDriver repl = new ReplDriver(options())) {
            repl.send(":break " + Fixtures.location("src/leaky.c", "request_done"));
            repl.send(":continue");
            repl.send("leak_check full limited 0");
            assertEquals(1, repl.finish(":quit\n"));
            assertTrue(repl.errors().startsWith("error: 'leak_check full limited 0': limited needs a number of loss"
                    + " records >= 1, got 0"), repl.errors());
        }
    }

    @Test
    void aBadCommandIsOneErrorLineTheSessionGoesOnAndTheStatusIsOne() throws Exception {
        try (ReplDriver repl = new ReplDriver(options())) {
            repl.send("frobnicate");
            repl.send("block_list 99");
            repl.send(":nosuch");
            assertTrue(repl.send("v.info n_errs_found").contains("n_errs_found 0"), repl.output());
            assertEquals(1, repl.finish(":quit\n"));
            List<String> errors = repl.errors().lines().toList();
            assertEquals(3, errors.size(), repl.errors());
            assertTrue(errors.get(0).startsWith("error: gdb: Undefined command: \"frobnicate\""), errors.get(0));
            assertTrue(errors.get(1).startsWith("error: 'block_list 99' failed: "), errors.get(1));
            assertTrue(errors.get(2).startsWith("error: unknown command :nosuch"), errors.get(2));
        }
    }

    @Test
    void jsonModePrintsOneParsableLinePerParsedAnswer() throws Exception {
        try (ReplDriver repl = new ReplDriver(options())) {
            repl.send(":json on");
            String line = repl.send("leak_check summary").strip();
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals("leak_check summary", json.path("leak_check").path("command").asText());
            assertEquals(0, json.path("leak_check").path("summary").path("definitely_lost").path("bytes").asLong());
            assertEquals(0, repl.finish(":quit\n"));
        }
    }

    @Test
    void reportHoldsEveryStopWithWhatWasAskedThereAndTheExit() throws Exception {
        Path report = dir.resolve("repl.json");
        String at = Fixtures.location("src/leaky.c", "after_request");
        String script = String.join("\n", ":break " + at, ":continue", "leak_check full", "block_list 1",
                "print i", ":continue", "leak_check full", "delete", ":continue", ":report " + report, ":quit", "");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Repl.scripted(options().withProgram(List.of(Fixtures.compile("src/leaky.c").toString(), "2")),
                "test", new BufferedReader(new StringReader(script)), new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertEquals("", err.toString(), out.toString());
        assertEquals(0, status);
        JsonNode c = dev.vgharness.DocSchemas.readValidReport(report).path("cases").get(0);
        JsonNode stops = c.path("stops");
        List<String> where = new java.util.ArrayList<>();
        stops.forEach(stop -> where.add(stop.path("breakpoint").asText() + "#" + stop.path("hit").asInt()));
        assertEquals(List.of("start#1", "breakpoint 1#1", "breakpoint 1#2"), where);
        assertEquals("leak_check full", stops.get(1).path("leak_check").path("command").asText());
        assertEquals(1, stops.get(1).path("block_lists").get(0).path("loss_record").asInt());
        assertEquals("print i", stops.get(1).path("gdb").get(0).path("command").asText());
        assertEquals("$1 = 0\n", stops.get(1).path("gdb").get(0).path("output").asText());
        assertEquals("leak_check full", stops.get(2).path("leak_check").path("command").asText());
        assertEquals("exited", c.path("exit").path("status").asText());
        assertTrue(c.path("final").path("summary").path("definitely_lost").path("bytes").asLong() > 0, c.toString());
    }

    @Test
    void aBreakIntoAPluginIsPendingUntilItLoadsAndOneNeverSetIsAFailureAtTheExit() throws Exception {
        Path plugin = Fixtures.sharedLibrary("src/plugin.c");
        Path host = Fixtures.compile("src/plughost.c", "-ldl");
        String script = String.join("\n", ":break plug_run", ":break plug_rnu", ":continue", "print item", ":continue",
                ":continue", ":quit", "");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Repl.scripted(options().withProgram(List.of(host.toString(), plugin.toString(), "2")), "test",
                new BufferedReader(new StringReader(script)), new PrintWriter(out, true), new PrintWriter(err, true));

        String where = "plug_run (" + Fixtures.file("src/plugin.c") + ":" + Fixtures.line("src/plugin.c", "plugin_alloc")
                + ")";
        List<String> lines = out.toString().lines().filter(l -> !l.startsWith("started ")).toList();
        assertEquals(List.of(
                "breakpoint 1 at plug_run: pending (no code loaded yet defines it; gdb sets it when a library that does"
                        + " is loaded)",
                "breakpoint 2 at plug_rnu: pending (no code loaded yet defines it; gdb sets it when a library that does"
                        + " is loaded)",
                "breakpoint 1 set: " + where,
                "stopped at breakpoint 1: " + where,
                "$1 = 1",
                "stopped at breakpoint 1: " + where), lines.subList(0, 6));
        assertTrue(lines.get(6).startsWith("exited 0: definite 51 B in 2"), lines.get(6));
        List<String> errors = err.toString().lines().toList();
        assertEquals(1, errors.size(), err.toString());
        assertTrue(errors.get(0).startsWith("error: breakpoint 2 at 'plug_rnu' was never set: Function \"plug_rnu\" not"
                + " defined, at the start or in any library loaded later (libraries loaded: "), errors.get(0));
        assertTrue(errors.get(0).endsWith("did you mean 'plug_run' in " + plugin + "?)"), errors.get(0));
        assertEquals(1, status);
    }

    /** Neither valgrind nor anything started for it (gdb, vgdb) is alive; nothing below this JVM either. */
    static void assertNoProcessLeft(long valgrindPid) throws Exception {
        assertTrue(ProcessHandle.of(valgrindPid).map(p -> !p.isAlive()).orElse(true), "valgrind " + valgrindPid);
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .filter(c -> c.contains("gdb") || c.contains("valgrind") || c.contains("vgdb")).toList();
        assertEquals(List.of(), left);
        try (var procs = Files.list(Path.of("/proc"))) {
            List<String> vgdbs = procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> cmdline(p)).filter(c -> c.contains("--pid=" + valgrindPid)).toList();
            assertEquals(List.of(), vgdbs);
        }
    }

    private static String cmdline(Path proc) {
        try {
            return Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
        } catch (Exception e) {
            return "";
        }
    }
}
