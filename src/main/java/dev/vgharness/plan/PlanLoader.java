package dev.vgharness.plan;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads a test plan file (YAML, or JSON which is YAML too) and validates all of it. Every problem found is reported
 * together, one located line each, in file order:
 * <pre>
 * plan.yaml:14:9: unknown key 'breakpiont' in case 'growth' (did you mean 'breakpoints'?)
 * plan.yaml:20:16: 'ignore' in breakpoint 'after_request' of case 'growth' must be an integer, not "x"
 * </pre>
 * Nothing is run and nothing but the plan and the files it names (stdin, suppressions) is read.
 */
public final class PlanLoader {

    private PlanLoader() {
    }

    /**
     * @param path the plan file as the user gave it; messages name it exactly so
     * @throws PlanException with every problem when the plan cannot be read or is invalid
     */
    public static Plan load(Path path) throws PlanException {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw fileProblem(path, "no such plan file");
        } catch (MalformedInputException e) {
            throw fileProblem(path, "the plan is not UTF-8 text");
        } catch (IOException e) {
            throw fileProblem(path, "cannot read the plan: " + e.getMessage());
        }
        return parse(path, text);
    }

    /**
     * Validates plan text as if it had been read from {@code path}, whose folder anchors relative paths.
     *
     * @throws PlanException with every problem when the plan is invalid
     */
    public static Plan parse(Path path, String text) throws PlanException {
        Problems problems = new Problems(path.toString());
        Values values = new Values(problems, folder(path));
        boolean json = path.toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Plan plan = YamlTreeReader.read(text, json, problems)
                .flatMap(root -> new PlanReader(values, path).read(root))
                .orElse(null);
        problems.throwIfAny();
        return plan;
    }

    private static Path folder(Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    private static PlanException fileProblem(Path path, String message) {
        return new PlanException(List.of(new PlanProblem(path.toString(), 0, 0, message)));
    }
}
