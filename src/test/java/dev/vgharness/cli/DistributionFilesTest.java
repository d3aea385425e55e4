package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The completion script and the man page that {@code mvn package} puts in the distribution: bash completes commands
 * and options with the script, and man shows every option of every command without a warning.
 */
class DistributionFilesTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void written() throws Exception {
        DistributionFiles.write(dir, LocalDate.of(2026, 11, 29));
    }

    private static Map<String, String> env() {
        return Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString(), "LANG", "C.UTF-8");
    }

    /** What bash offers for the last word of {@code words}, with the completion script sourced. */
    private static List<String> complete(String... words) throws Exception {
        String line = String.join(" ", words);
        String script = "source " + dir.resolve("vgharness.bash") + "\nCOMP_WORDS=(" + line + ")\nCOMP_CWORD="
                + (words.length - 1) + "\nCOMP_LINE='" + line + "'\n_complete_vgharness\nprintf '%s\\n' \"${COMPREPLY[@]}\"";
        Scripts.Result result = Scripts.run(dir, env(), 30, List.of("bash", "-c", script));
        assertEquals(0, result.code(), result.toString());
        return result.out().lines().toList();
    }

    @Test
    void bashCompletesCommandsAndTheirOptions() throws Exception {
        assertEquals(List.of("doctor"), complete("vgharness", "do"));
        assertEquals(List.of("--fix"), complete("vgharness", "doctor", "--fi"));
        assertEquals(List.of("--shard"), complete("vgharness", "run", "--shar"));
        assertEquals(List.of("mi", "memcheck"), complete("vgharness", "parse", "m"));
    }

    @Test
    void theManPageRendersWithoutWarnings() throws Exception {
        Scripts.Result man = Scripts.run(dir, env(), 30, List.of("groff", "-man", "-Tutf8", "-ww", "-z",
                dir.resolve("vgharness.1").toString()));

        assertEquals(new Scripts.Result(0, "", ""), man);
    }

    @Test
    void theManPageListsEveryOptionOfEveryCommand() throws Exception {
        String page = Files.readString(dir.resolve("vgharness.1"));
        List<String> absent = new ArrayList<>();
        for (CommandLine command : everyCommand(VgharnessCommand.commandLine())) {
            String name = command.getCommandSpec().qualifiedName();
            assertTrue(page.contains(".SS \\&" + name + "\n") || name.equals("vgharness"), name);
            for (OptionSpec option : command.getCommandSpec().options()) {
                String bold = "\\fB" + option.longestName().replace("-", "\\-") + "\\fR";
                if (!page.contains(bold)) {
                    absent.add(name + " " + option.longestName());
                }
            }
        }
        assertEquals(List.of(), absent);
        assertTrue(page.startsWith(".TH VGHARNESS 1 \"2026-11-29\" \"vgharness " + VgharnessCommand.Version.number()
                + "\""), page.lines().findFirst().orElse(""));
    }

    private static List<CommandLine> everyCommand(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(sub -> all.addAll(everyCommand(sub)));
        return all;
    }
}
