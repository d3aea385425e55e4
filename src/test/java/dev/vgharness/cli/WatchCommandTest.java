package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.WatchedService;
import dev.vgharness.report.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vgharness watch} through the command line: exit codes, the reports agreeing, one-line usage errors. */
class WatchCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            watch                                          | vgharness: give --pid N, or -- PROG ARGS to start a program (not both)
            watch --pid 2147483000                         | vgharness: --pid 2147483000: no such process
            watch --pid SELF                               | vgharness: --pid SELF: that is vgharness itself
            watch --pid 1    --every 0s                    | vgharness: Invalid value for option '--every': '0s' must be more than 0s
            watch --pid 1    --for soon                    | vgharness: Invalid value for option '--for': 'soon' is not a duration (use e.g. 500ms, 90s, 5m, 1h)
            watch --pid 0                                  | vgharness: Invalid value for option '--pid': '0' is not a process id
            watch --pid 1    --expect heap_in_use_byte_per_s<1 | vgharness: --expect: 'heap_in_use_byte_per_s' is not a memory rate; one of heap_in_use_bytes_per_s, mmap_in_use_bytes_per_s, heap_free_bytes_per_s, rss_kb_per_s, shared_kb_per_s, rss_minus_shared_kb_per_s, heap_rss_kb_per_s, mmap_rss_kb_per_s, swap_kb_per_s (did you mean 'heap_in_use_bytes_per_s'?)
            watch --pid 1    --expect rss_kb_per_s~3       | vgharness: --expect: bad comparison '~3' for rss_kb_per_s (write OP N with OP one of ==, !=, <, <=, >, >=, or a number)
            watch --pid 1    --no-ptrace --trim-probe      | vgharness: --no-ptrace reads /proc of a running process (--pid) only; --break, --trim-probe and -- PROG need gdb
            """)
    void badUsageIsOneLineAndExitTwo(String args, String message) {
        List<String> argv = new ArrayList<>();
        for (String word : args.strip().split("\\s+")) {
            argv.add(word.replace("SELF", Long.toString(ProcessHandle.current().pid())));
        }
        String expected = message.strip().replace("SELF", Long.toString(ProcessHandle.current().pid()));
        RunCommandTest.Outcome o = RunCommandTest.main(argv.toArray(String[]::new));

        assertEquals(2, o.code(), o.stderr());
        // an option value picocli could not read also gets the line that says where the help is
        assertEquals(expected + "\n" + (expected.contains("Invalid value") ? "Try 'vgharness watch --help' for more"
                + " information.\n" : ""), o.stderr());
        assertEquals("", o.stdout());
    }

    @Test
    void aFailedRateExpectationExitsOneAndEveryReportSaysSo() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "heap")) {
            Path reports = dir.resolve("reports");
            RunCommandTest.Outcome o = RunCommandTest.main("watch", "--pid", Long.toString(service.pid()), "--every",
                    "250ms", "--for", "1s", "--expect", "heap_in_use_bytes_per_s<1000", "--expect",
                    "mmap_in_use_bytes_per_s=0", "--report-dir", reports.toString());

            assertEquals(1, o.code(), o.stderr());
            long samples = o.stderr().lines().filter(l -> l.startsWith("vgharness: ") && l.contains(" rss ")).count();
            assertEquals(5, samples, o.stderr());
            JsonNode json = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
            assertEquals(List.of("tool", "target", "status", "error", "started_at", "duration_ms", "every_ms",
                    "stopped_ms", "exit", "mallinfo_unavailable", "repairs", "samples", "rates", "verdict",
                    "expectations", "trim_probe"), names(json));
            assertEquals(service.pid(), json.at("/target/pid").asLong());
            assertEquals("failed", json.get("status").asText());
            assertEquals(List.of("at_ms", "breakpoint", "mallinfo", "proc", "sysv"), names(json.at("/samples/0")));
            assertEquals(5, json.at("/rates/heap_in_use_bytes_per_s/samples").asInt());
            assertEquals("heap_growth", json.at("/verdict/kind").asText());
            long rate = json.at("/expectations/0/actual").asLong();
            assertEquals(Math.round(json.at("/rates/heap_in_use_bytes_per_s/per_s").asDouble()), rate);
            assertEquals(List.of(false, true), List.of(json.at("/expectations/0/passed").asBoolean(),
                    json.at("/expectations/1/passed").asBoolean()));
            assertTrue(o.stdout().startsWith("FAIL   watch " + service.pid() + ": "), o.stdout());
            assertTrue(o.stdout().contains("       FAILED heap_in_use_bytes_per_s: expected < 1000, was " + rate + "\n"
                    + "       ok     mmap_in_use_bytes_per_s: expected == 0, was 0\n"), o.stdout());
            assertTrue(o.stdout().contains("       verdict: " + json.at("/verdict/text").asText() + "\n"), o.stdout());

            String junit = Files.readString(reports.resolve("junit.xml"));
            SchemaValidation.assertValidJunit(junit);
            assertTrue(junit.contains("<testsuite name=\"watch " + service.pid() + "\" tests=\"2\" failures=\"1\""
                    + " errors=\"0\""), junit);
            assertTrue(junit.contains("<testcase classname=\"watch " + service.pid() + "\" name=\"heap_in_use_bytes"
                    + "_per_s\" time=\"0.000\"><failure message=\"heap_in_use_bytes_per_s: expected &lt; 1000, was "
                    + rate + "\" type=\"expectation\"/></testcase>"), junit);
            assertTrue(junit.contains("       verdict: " + json.at("/verdict/text").asText() + "\n"), junit);
            String html = Files.readString(reports.resolve("report.html"));
            assertEquals(2, html.split("<svg ", -1).length - 1, "mallinfo2 and /proc charts; no SysV segment");
            assertEquals(3 + 6, html.split("<polyline", -1).length - 1, "every series charted");
            service.assertRunningAndNotStopped();
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
