package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Scripts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code doctor --fix} installs what is missing with apt-get, through sudo when not root, after the user said yes;
 * here apt-get and sudo are scripts that write down how they were called.
 */
class DoctorFixTest {

    @TempDir
    Path tmp;
    private Path bin;
    private Path calls;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void fakeInstallers() throws Exception {
        bin = Files.createDirectories(tmp.resolve("bin"));
        calls = tmp.resolve("calls");
        Scripts.executable(bin, "apt-get", "echo \"apt-get $*\" >> " + calls);
        Scripts.executable(bin, "sudo", "echo \"sudo\" >> " + calls + "\nexec \"$@\"");
    }

    private ToolInstall install(boolean root) {
        return new ToolInstall(Map.of("PATH", bin.toString()), root, Duration.ofSeconds(30));
    }

    private boolean fix(ToolInstall install) {
        DoctorCommand doctor = new DoctorCommand();
        new CommandLine(doctor).setOut(new PrintWriter(out));
        return doctor.fix(install);
    }

    private List<String> calls() throws Exception {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void asRootTheMissingToolsAreInstalledWithAptGetAfterAnUpdate() throws Exception {
        assertTrue(fix(install(true)), out.toString());

        assertEquals(List.of("apt-get update -qq", "apt-get install -y --no-install-recommends valgrind gdb gcc"),
                calls());
        assertEquals("vgharness: " + bin.resolve("apt-get") + " install -y --no-install-recommends valgrind gdb gcc\n",
                out.toString());
    }

    @Test
    void anotherUserInstallsThroughSudo() throws Exception {
        assertTrue(fix(install(false)));

        assertEquals(List.of("sudo", "apt-get update -qq", "sudo",
                "apt-get install -y --no-install-recommends valgrind gdb gcc"), calls());
    }

    @Test
    void onlyTheToolsNotOnPathAreInstalled() throws Exception {
        Scripts.executable(bin, "valgrind", "exit 0");
        Scripts.executable(bin, "gcc", "exit 0");

        assertEquals(List.of("gdb"), install(true).missing());
        assertTrue(fix(install(true)));
        assertEquals("apt-get install -y --no-install-recommends gdb", calls().get(1));
    }

    @Test
    void withEverythingInstalledNothingIsRun() throws Exception {
        for (String tool : ToolInstall.TOOLS) {
            Scripts.executable(bin, tool, "exit 0");
        }

        assertTrue(fix(install(true)));
        assertEquals(List.of(), calls());
        assertEquals("vgharness: valgrind, gdb, gcc are installed: nothing to fix\n", out.toString());
    }

    @Test
    void aDeclinedQuestionInstallsNothing() throws Exception {
        List<String> asked = new ArrayList<>();
        boolean installed = install(true).install(List.of("valgrind"), command -> asked.add(command) && false,
                new PrintWriter(out));

        assertFalse(installed);
        assertEquals(List.of(bin.resolve("apt-get") + " install -y --no-install-recommends valgrind"), asked);
        assertEquals(List.of(), calls());
    }

    @Test
    void aFailingAptGetIsAnErrorNamingTheCommand() throws Exception {
        Scripts.executable(bin, "apt-get", "exit 100");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fix(install(true)));
        assertEquals(bin.resolve("apt-get") + " update -qq failed with exit 100", e.getMessage());
    }

    @Test
    void withoutAptGetItSaysWhatToInstall() throws Exception {
        Files.delete(bin.resolve("apt-get"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fix(install(true)));
        assertEquals("no apt-get here: install valgrind gdb gcc with this system's package manager", e.getMessage());
    }
}
