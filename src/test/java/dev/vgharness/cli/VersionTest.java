package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Scripts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vgharness --version}: the version and the git revision the jar was built from. */
class VersionTest {

    /** What git says of this checkout now, as the build wrote it: short hash, "-dirty" with changed tracked files. */
    private static String revision() throws Exception {
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home"));
        Scripts.Result hash = Scripts.run(Scripts.ROOT, env, 30, List.of("git", "rev-parse", "--short=12", "HEAD"));
        if (hash.code() != 0) {
            return "unknown";
        }
        Scripts.Result changes = Scripts.run(Scripts.ROOT, env, 30,
                List.of("git", "status", "--porcelain", "--untracked-files=no"));
        return hash.out().strip() + (changes.out().isBlank() ? "" : "-dirty");
    }

    @Test
    void theVersionNamesTheGitRevisionTheJarWasBuiltFrom() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = VgharnessCommand.commandLine(Console.system(), "--version");
        cl.setOut(new PrintWriter(out));

        assertEquals(0, cl.execute("--version"));
        assertEquals("vgharness 0.1.0 (git revision " + revision() + ")\n", out.toString());
    }
}
