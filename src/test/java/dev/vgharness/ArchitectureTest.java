package dev.vgharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package layering of DEVELOPERS.md, checked on the sources: no package reaches up. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/vgharness");

    /** For each package, the project packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "mi", Set.of(),
            "memcheck", Set.of(),
            "vgdb", Set.of("mi"),
            "plan", Set.of("mi", "memcheck"),
            "result", Set.of("mi", "memcheck", "vgdb", "plan"),
            "run", Set.of("mi", "memcheck", "vgdb", "plan", "result"),
            "report", Set.of("mi", "memcheck", "plan", "result"),
            "repl", Set.of("mi", "memcheck", "vgdb", "plan", "result", "run", "report"),
            "cli", Set.of("mi", "memcheck", "vgdb", "plan", "result", "run", "report", "repl"));

    private static final Pattern USE = Pattern.compile("\\bdev\\.vgharness\\.(\\w+)");

    @Test
    void everyPackageHasAPackageInfoAndIsKnown() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            List<String> packages = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(ALLOWED.keySet().stream().sorted().toList(), packages);
            for (String p : packages) {
                assertTrue(Files.exists(MAIN.resolve(p).resolve("package-info.java")), p + " has no package-info.java");
            }
        }
    }

    @Test
    void noPackageUsesAPackageAboveIt() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = MAIN.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                Matcher m = USE.matcher(source);
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(own) && ALLOWED.containsKey(used) && !ALLOWED.get(own).contains(used)) {
                        violations.add(MAIN.relativize(file) + " uses dev.vgharness." + used);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyTheCliCallsSystemExit() throws IOException {
        List<String> callers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("System.exit(")) {
                    callers.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of("cli/Main.java"), callers);
    }
}
