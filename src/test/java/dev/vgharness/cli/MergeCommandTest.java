package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MergeCommandTest {

    @TempDir
    Path dir;

    @Test
    void saysWhichFileIsNotAReportAndExitsTwo() throws Exception {
        Path bogus = dir.resolve("bogus.json");
        Files.writeString(bogus, "{\"cases\": 3}");
        StringWriter err = new StringWriter();
        CommandLine cl = VgharnessCommand.commandLine();
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("merge", bogus.toString(), "--json", dir.resolve("out.json").toString());

        assertEquals(2, code);
        assertTrue(err.toString().startsWith("vgharness: " + bogus + ": not a vgharness JSON report: "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(Files.notExists(dir.resolve("out.json")));
    }
}
