package dev.vgharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation is in the repository and agrees with itself: no file points outside the repository, every
 * document a file names exists, every link of the pages (anchors included) leads somewhere, and every example
 * plan names the plan schema for editors.
 */
class DocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** Written in two parts so that this file does not contain what it looks for. */
    private static final List<String> OUTSIDE = List.of(".." + "/shared", "/shared" + "/spec");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9_./-]*[A-Za-z0-9_-]\\.md\\b");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

    /** The repository's files: those git tracks, or every file but build output when there is no git. */
    private static List<Path> files() throws Exception {
        List<Path> files = new ArrayList<>();
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String listed = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(30, TimeUnit.SECONDS)) {
            git.destroyForcibly();
        } else if (git.exitValue() == 0) {
            for (String name : listed.split("\0")) {
                if (!name.isEmpty() && Files.isRegularFile(ROOT.resolve(name))) {
                    files.add(ROOT.resolve(name));
                }
            }
            return files;
        }
        try (Stream<Path> walk = Files.walk(ROOT)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !ROOT.relativize(p).startsWith("target") && !ROOT.relativize(p).startsWith(".git"))
                    .forEach(files::add);
        }
        return files;
    }

    /** The file's text, or null for a binary file. */
    private static String text(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    private static String name(Path file) {
        return ROOT.relativize(file).toString();
    }

    @Test
    void noFileOfTheRepositoryPointsOutsideIt() throws Exception {
        List<String> pointing = new ArrayList<>();
        for (Path file : files()) {
            String text = text(file);
            for (String outside : OUTSIDE) {
                if (text != null && text.contains(outside)) {
                    pointing.add(name(file) + " mentions " + outside);
                }
            }
        }
        assertEquals(List.of(), pointing);
    }

    /** Recorded output in fixtures/ is data, not documentation; its READMEs are checked. */
    private static boolean written(Path file) {
        String name = name(file);
        return !name.startsWith("fixtures/") || name.endsWith(".md");
    }

    @Test
    void everyDocumentAFileNamesExists() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (Path file : files()) {
            String text = written(file) ? text(file) : null;
            if (text == null) {
                continue;
            }
            Matcher m = DOCUMENT.matcher(text);
            while (m.find()) {
                String document = m.group();
                if (!Files.exists(file.getParent().resolve(document)) && !Files.exists(ROOT.resolve(document))) {
                    missing.add(name(file) + ": " + document);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyLinkOfTheDocumentationLeadsToAFileAndHeading() throws Exception {
        List<String> broken = new ArrayList<>();
        List<Path> pages = files().stream().filter(f -> f.toString().endsWith(".md")).toList();
        assertTrue(pages.size() >= 8, pages::toString);
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    broken.add(name(page) + ": " + target + " (a link outside the repository)");
                    continue;
                }
                String[] parts = target.split("#", 2);
                Path linked = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
                if (!Files.exists(linked)) {
                    broken.add(name(page) + ": " + target);
                } else if (parts.length == 2 && !anchors(linked).contains(parts[1])) {
                    broken.add(name(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING.matcher(Files.readString(page));
        while (m.find()) {
            anchors.add(m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    @Test
    void everyExamplePlanNamesThePlanSchemaForEditors() throws Exception {
        List<String> without = new ArrayList<>();
        try (Stream<Path> examples = Files.list(ROOT.resolve("docs/examples"))) {
            for (Path example : examples.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String first = Files.readAllLines(example).get(0);
                boolean isPlan = Files.readString(example).contains("\ncases:");
                String expected = "# yaml-language-server: $schema=../schemas/plan.schema.json";
                if (isPlan && !first.equals(expected)) {
                    without.add(name(example) + " starts with " + first);
                }
            }
        }
        assertEquals(List.of(), without);
        assertTrue(Files.exists(ROOT.resolve("docs/examples/../schemas/plan.schema.json")));
    }
}
