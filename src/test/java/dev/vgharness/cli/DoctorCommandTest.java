package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DoctorCommandTest {

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new DoctorCommand());
        cl.setOut(new PrintWriter(out));
        return cl.execute(args);
    }

    @Test
    @EndToEnd({Tool.VALGRIND, Tool.GDB})
    void exitsZeroWithOneOkLinePerCheckOnThisMachine() {
        int code = run("--valgrind", TestTools.valgrind(), "--gdb", TestTools.gdb());

        assertEquals(0, code, out.toString());
        assertTrue(out.toString().lines().filter(l -> l.startsWith("ok ")).count() >= 6, out.toString());
        assertTrue(out.toString().contains("valgrind-3."), out.toString());
    }

    @Test
    void exitsThreeAndSaysWhatToDoForABogusValgrindPath() {
        int code = run("--valgrind", "/nonexistent/valgrind");

        assertEquals(3, code);
        assertTrue(out.toString().lines().anyMatch(l -> l.equals("PROBLEM  valgrind      '/nonexistent/valgrind' not found"
                + " or not executable -> install valgrind (apt-get install valgrind) or pass --valgrind PATH")),
                out.toString());
    }
}
