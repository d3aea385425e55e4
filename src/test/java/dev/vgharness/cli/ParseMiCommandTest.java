package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vgharness parse mi} as docs/cli.md describes it. */
class ParseMiCommandTest {

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(byte[] stdin, String... args) {
        ParseMiCommand command = new ParseMiCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.stdin = new ByteArrayInputStream(stdin);
        command.stdout = out;
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(new ExitCodes.ExceptionHandler());
        int code = cl.execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void writesOneJsonObjectPerLineInTheShapeOfCliMd() {
        String input = String.join("\n",
                "12^done,bkpt={number=\"2\",addr=\"<MULTIPLE>\"},{number=\"2.1\"},{number=\"2.2\"}",
                "^done,stack=[frame={level=\"0\"},frame={level=\"1\"}],ids={thread-id=\"1\",thread-id=\"2\"},e=[],t={}",
                "=breakpoint-modified,bkpt={number=\"1\",script={\"silent\",\"continue\"}}",
                "*stopped,reason=\"exited\",exit-code=\"012\"",
                "+download,section=\".text\"",
                "~\"caf\\303\\251\\n\"",
                "@\"==1== LEAK SUMMARY:\\n\"",
                "&\"warning\\n\"",
                "(gdb) ",
                "handled 0",
                "") ;
        Run run = run(input.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(0, run.exitCode());
        assertEquals(String.join("\n",
                "{\"type\":\"result\",\"token\":12,\"class\":\"done\",\"results\":{\"bkpt\":[{\"number\":\"2\",\"addr\":\"<MULTIPLE>\"},{\"number\":\"2.1\"},{\"number\":\"2.2\"}]}}",
                "{\"type\":\"result\",\"token\":null,\"class\":\"done\",\"results\":{\"stack\":{\"frame\":[{\"level\":\"0\"},{\"level\":\"1\"}]},\"ids\":{\"thread-id\":[\"1\",\"2\"]},\"e\":[],\"t\":{}}}",
                "{\"type\":\"notify\",\"token\":null,\"class\":\"breakpoint-modified\",\"results\":{\"bkpt\":{\"number\":\"1\",\"script\":[\"silent\",\"continue\"]}}}",
                "{\"type\":\"exec\",\"token\":null,\"class\":\"stopped\",\"results\":{\"reason\":\"exited\",\"exit-code\":\"012\"}}",
                "{\"type\":\"status\",\"token\":null,\"class\":\"download\",\"results\":{\"section\":\".text\"}}",
                "{\"type\":\"console\",\"text\":\"caf\u00e9\\n\"}",
                "{\"type\":\"target\",\"text\":\"==1== LEAK SUMMARY:\\n\"}",
                "{\"type\":\"log\",\"text\":\"warning\\n\"}",
                "{\"type\":\"prompt\"}",
                "{\"type\":\"output\",\"text\":\"handled 0\"}",
                ""), run.stdout());
    }

    @Test
    void aMalformedLineIsAnErrorObjectAndExitOneWhileParsingGoesOn() {
        Run run = run("^done\n^done,a=[\n*stopped\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, run.exitCode());
        String[] lines = run.stdout().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("{\"type\":\"error\",\"line\":2,\"column\":10,\"message\":\"line ends too early"), lines[1]);
        assertEquals("{\"type\":\"exec\",\"token\":null,\"class\":\"stopped\",\"results\":{}}", lines[2]);
    }

    @Test
    void rawHighBytesAndOctalEscapesDecodeTogetherAsUtf8() {
        byte[] line = {'~', '"', (byte) 0xE2, '\\', '2', '0', '2', (byte) 0xAC, '"', '\n'};
        assertEquals("{\"type\":\"console\",\"text\":\"\u20ac\"}\n", run(line).stdout());
    }

    @Test
    void statsCountRecordsPerTypeAndMeasureSpeed() throws Exception {
        Run run = run(new byte[0], "--stats", Fixtures.file("mi/vgdb_session_mi3.mi").toString());
        assertEquals(0, run.exitCode());
        JsonNode stats = new ObjectMapper().readTree(run.stdout());
        JsonNode records = stats.get("records");
        int sum = 0;
        for (JsonNode count : records) {
            sum += count.asInt();
        }
        assertEquals(stats.get("lines").asInt(), sum);
        assertEquals(170, stats.get("lines").asInt());
        assertTrue(records.get("target").asInt() > 10, "monitor output arrives as @ records");
        assertEquals(0, records.get("error").asInt());
        assertEquals(java.nio.file.Files.size(Fixtures.file("mi/vgdb_session_mi3.mi")), stats.get("bytes").asLong());
        assertTrue(stats.get("mb_per_s").asDouble() > 0);
        double cpu = stats.get("parse_cpu_seconds").asDouble();
        assertTrue(cpu >= 0, stats.toString());
        assertEquals(cpu > 0 ? stats.get("bytes").asLong() / 1e6 / cpu : 0, stats.get("mb_per_cpu_s").asDouble(), 1e-6);
    }

    @Test
    void aMissingFileIsOneClearLineAndExitTwo() {
        Run run = run(new byte[0], "/no/such/file.mi");
        assertEquals(2, run.exitCode());
        assertEquals("vgharness: /no/such/file.mi: no such file\n", run.stderr());
    }
}
