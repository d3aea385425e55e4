package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vgharness.EndToEnd;
import dev.vgharness.Scripts;
import dev.vgharness.TestTools.Tool;
import dev.vgharness.TmuxSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doctor --fix} on a real terminal (tmux) asks before it installs, and installs only after a yes; apt-get and
 * sudo are scripts that write down how they were called, and PATH holds nothing else.
 */
@EndToEnd(Tool.TMUX)
class DoctorFixTerminalTest {

    @TempDir
    Path tmp;
    private Path bin;
    private Path calls;

    @BeforeEach
    void fakeInstallers() throws Exception {
        bin = Files.createDirectories(tmp.resolve("bin"));
        calls = tmp.resolve("calls");
        Scripts.executable(bin, "apt-get", "echo \"apt-get $*\" >> " + calls);
        Scripts.executable(bin, "sudo", "exec \"$@\"");
    }

    /** The screen once doctor has finished, after {@code answer} was typed at the question. */
    private String doctorFixAnswering(String answer) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = String.join(" ", "env", "PATH=" + bin, java, "-cp", System.getProperty("java.class.path"),
                "dev.vgharness.cli.Main", "doctor", "--fix", "; echo EXIT=$?; sleep 60");
        try (TmuxSession tmux = TmuxSession.start("doctor-fix", command)) {
            String question = tmux.awaitScreen(s -> s.contains("[y/N]"));
            assertFalse(Files.exists(calls), "apt-get ran before the answer");
            String sudo = Scripts.root() ? "" : bin.resolve("sudo") + " ";
            assertEquals("Run " + sudo + bin.resolve("apt-get") + " install -y --no-install-recommends valgrind gdb gcc?"
                    + " [y/N]", question.lines().reduce((a, b) -> b).orElse("").strip());
            tmux.send(answer, "Enter");
            return tmux.awaitScreen(s -> s.contains("EXIT="));
        }
    }

    @Test
    void aYesInstallsTheMissingTools() throws Exception {
        doctorFixAnswering("y");

        assertEquals(List.of("apt-get update -qq", "apt-get install -y --no-install-recommends valgrind gdb gcc"),
                Files.readAllLines(calls));
    }

    @Test
    void anyOtherAnswerInstallsNothingAndExitsThree() throws Exception {
        String screen = doctorFixAnswering("");

        assertFalse(Files.exists(calls));
        assertEquals(List.of("vgharness: nothing installed", "EXIT=3"),
                screen.lines().filter(l -> l.startsWith("vgharness") || l.startsWith("EXIT")).toList());
    }
}
