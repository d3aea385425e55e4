package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseMemcheckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ParseMemcheckCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void printsTheLeakCheckOfAMonitorAnswerAsReportJson() throws Exception {
        int status = run(Fixtures.file("memcheck/leaks.leak_check_increased.txt").toString());

        assertEquals(0, status, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode leakCheck = json.get("leak_check");
        assertEquals(new ObjectMapper().readTree("""
                {"bytes": 648, "blocks": 6, "bytes_delta": 616, "blocks_delta": 4}"""),
                leakCheck.get("summary").get("definitely_lost"));
        JsonNode strdup = leakCheck.get("loss_records").get(0);
        assertEquals(new ObjectMapper().readTree("""
                {"number": 9, "of": 12, "kind": "definitely_lost", "bytes": 16, "direct_bytes": 16,
                 "indirect_bytes": 0, "blocks": 1, "bytes_delta": 16, "direct_bytes_delta": 16,
                 "indirect_bytes_delta": null, "blocks_delta": 1, "new_record": false,
                 "stack": [
                   {"address": "0x48417B4", "function": "malloc", "file": null, "line": null,
                    "object": "/usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so"},
                   {"address": "0x48F99A9", "function": "strdup", "file": "strdup.c", "line": 42, "object": null},
                   {"address": "0x1092F6", "function": "more_leaks", "file": "leaks.c", "line": %d, "object": null},
                   {"address": "0x109330", "function": "main", "file": "leaks.c", "line": %d, "object": null}]}"""
                .formatted(Fixtures.line("src/leaks.c", "strdup_alloc"), Fixtures.line("src/leaks.c", "call_more"))),
                strdup);
        assertEquals(null, leakCheck.get("command").textValue());
    }

    @Test
    void printsBlockListsAndPointerSearchesWithHexAddresses() throws Exception {
        run(Fixtures.file("memcheck/leaks.block_list_range.txt").toString());

        JsonNode record9 = new ObjectMapper().readTree(out.toString()).get("block_lists").get(8);
        assertEquals(9, record9.get("loss_record").intValue());
        assertEquals(new ObjectMapper().readTree("""
                [{"address": "0x4A40090", "size": 16, "heuristic": null, "indirect": [
                  {"address": "0x4A400E0", "size": 16, "loss_record": 3, "depth": 1, "contents": null},
                  {"address": "0x4A40130", "size": 16, "loss_record": 4, "depth": 2, "contents": null},
                  {"address": "0x4A40180", "size": 16, "loss_record": 5, "depth": 2, "contents": null},
                  {"address": "0x4A401D0", "size": 16, "loss_record": 6, "depth": 1, "contents": null}],
                 "contents": null}]"""),
                record9.get("blocks"));
    }

    @Test
    void statsCountRecordsFramesAndBlocks() throws Exception {
        int status = run("--stats", Fixtures.file("memcheck/leaks.block_list_range.txt").toString());

        assertEquals(0, status, err.toString());
        JsonNode stats = new ObjectMapper().readTree(out.toString());
        assertEquals(0, stats.get("loss_records").intValue());
        assertEquals(10, stats.get("block_lists").intValue());
        assertEquals(37, stats.get("frames").intValue());
        assertEquals(16, stats.get("blocks").intValue());
        assertEquals(63, stats.get("lines").intValue());
        assertTrue(stats.get("mb_per_s").doubleValue() > 0, stats.toString());
    }

    @Test
    void aMissingFileIsOneLineAndUsageStatus() {
        int status = run("/no/such/file.txt");

        assertEquals(2, status);
        assertEquals("vgharness: /no/such/file.txt: no such file", err.toString().strip());
    }

    @Test
    void anXmlNumberThatCannotBeReadIsOneLocatedLineAndUsageStatus(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("final.xml");
        Files.writeString(xml, Fixtures.read("memcheck/separators.3.27.xml").replace("<bytes>10,920</bytes>",
                "<bytes>10.920</bytes>"));

        int status = VgharnessCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("parse", "memcheck", xml.toString());

        assertEquals(2, status);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().matches(java.util.regex.Pattern.quote(xml.toString())
                + ":\\d+:\\d+: <definitely_lost><bytes> holds '10\\.920', which is not a number\\n"), err.toString());
    }

    @Test
    void aTextNumberThatCannotBeReadIsOneLocatedLineAndUsageStatus(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("valgrind.log"), "==1== LEAK SUMMARY:\n"
                + "==1==    definitely lost: 1;320 bytes in 5 blocks\n");

        int status = VgharnessCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("parse", "memcheck", log.toString());

        assertEquals(2, status);
        assertEquals(log + ":2: a LEAK SUMMARY line whose numbers cannot be read: 'definitely lost: 1;320 bytes in 5"
                + " blocks'\n", err.toString());
    }
}
