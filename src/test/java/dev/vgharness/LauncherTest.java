package dev.vgharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher (the distribution's bin/vgharness, src/dist/bin/vgharness) on a machine that lacks a tool: it names
 * what is missing and the command that installs it, exits 3, and never runs apt-get or sudo itself. Here PATH holds
 * only the programs the launcher needs, plus an apt-get and a sudo that would leave a mark if called.
 */
class LauncherTest {

    private static final Path LAUNCHER = Scripts.ROOT.resolve("src/dist/bin/vgharness");

    @TempDir
    Path tmp;
    private Path bin;
    private Path marks;

    @BeforeEach
    void aBarePath() throws Exception {
        bin = Scripts.pathOf(tmp.resolve("bin"), "bash", "dirname", "readlink", "sed", "id");
        marks = tmp.resolve("installer-called");
        Scripts.executable(bin, "apt-get", "echo \"apt-get $*\" >> " + marks);
        Scripts.executable(bin, "sudo", "echo \"sudo $*\" >> " + marks);
    }

    private Scripts.Result launch(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(LAUNCHER.toString()));
        argv.addAll(List.of(args));
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", tmp.toString(),
                "VGHARNESS_JAR", tmp.resolve("no.jar").toString(), "VGHARNESS_NO_CDS", "1");
        Scripts.Result result = Scripts.run(tmp, env, 30, argv);
        assertFalse(Files.exists(marks), "the launcher called an installer: " + (Files.exists(marks)
                ? Files.readString(marks) : ""));
        return result;
    }

    private static String install(String packages) throws Exception {
        return "vgharness: install with: " + (Scripts.root() ? "" : "sudo ") + "apt-get install " + packages + "\n";
    }

    private void withJava() throws Exception {
        Scripts.pathOf(bin, "java");
    }

    @Test
    void aMachineWithoutValgrindAndGdbIsToldWhatToInstallAndTheRunExitsThree() throws Exception {
        withJava();
        Scripts.Result result = launch("run", "plan.yaml");

        assertEquals(new Scripts.Result(3, "", "vgharness: missing: valgrind gdb\n" + install("valgrind gdb")
                + "vgharness: or let vgharness do it: vgharness doctor --fix\n"), result);
    }

    @Test
    void aValgrindPathThatDoesNotExistIsNamedAndItsPackageIsOffered() throws Exception {
        withJava();
        Scripts.pathOf(bin, "gdb");
        Scripts.Result result = launch("check", "--valgrind", "/nonexistent/valgrind", "--", "/bin/true");

        assertEquals(new Scripts.Result(3, "", "vgharness: missing: /nonexistent/valgrind\n" + install("valgrind")
                + "vgharness: or let vgharness do it: vgharness doctor --fix\n"), result);
    }

    @Test
    void checkNeedsGdbOnlyToStopTheProgram() throws Exception {
        withJava();
        Scripts.pathOf(bin, "valgrind");

        assertEquals("vgharness: no jar at " + tmp.resolve("no.jar") + "\n", launch("check", "--", "/bin/true").err());
        assertEquals("vgharness: missing: gdb\n" + install("gdb") + "vgharness: or let vgharness do it: vgharness"
                + " doctor --fix\n", launch("check", "--break=main", "--", "/bin/true").err());
    }

    @Test
    void nativeCheckNeedsGdbAndWatchWithoutPtraceNeedsNothing() throws Exception {
        withJava();
        Scripts.pathOf(bin, "valgrind");
        String noJar = "vgharness: no jar at " + tmp.resolve("no.jar") + "\n";

        assertEquals("vgharness: missing: gdb\n" + install("gdb") + "vgharness: or let vgharness do it: vgharness"
                + " doctor --fix\n", launch("check", "--native", "--", "/bin/true").err());
        assertEquals("vgharness: missing: gdb\n" + install("gdb") + "vgharness: or let vgharness do it: vgharness"
                + " doctor --fix\n", launch("watch", "--pid", "1").err());
        assertEquals(noJar, launch("watch", "--no-ptrace", "--pid", "1").err());
    }

    @Test
    void commandsThatRunNoProgramNeedNeitherValgrindNorGdb() throws Exception {
        withJava();
        for (List<String> args : List.of(List.of("merge", "a.json"), List.of("doctor"), List.of("schema", "plan"),
                List.of("run", "--help"), List.of("--version"))) {
            Scripts.Result result = launch(args.toArray(String[]::new));
            assertEquals(new Scripts.Result(3, "", "vgharness: no jar at " + tmp.resolve("no.jar") + "\n"), result,
                    args.toString());
        }
    }

    @Test
    void aMachineWithoutJavaIsToldToInstallAJavaRuntime() throws Exception {
        Scripts.Result result = launch("--version");

        assertEquals(new Scripts.Result(3, "", "vgharness: missing: java\n" + install("openjdk-17-jre-headless")),
                result);
    }
}
