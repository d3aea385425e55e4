package dev.vgharness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.vgharness.report.JsonReport;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schemas of {@code docs/schemas/} (draft 2020-12), for tests: every JSON report a test writes or reads goes
 * through {@link #assertValidReport}, every plan of the repository through {@link #planProblems}.
 */
public final class DocSchemas {

    public static final Path FOLDER = Path.of("docs/schemas").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema plan;
    private static JsonSchema report;

    private DocSchemas() {
    }

    /** The schema file as a JSON tree. */
    public static JsonNode tree(String name) {
        try {
            return JSON.readTree(FOLDER.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized JsonSchema plan() {
        if (plan == null) {
            plan = load("plan.schema.json");
        }
        return plan;
    }

    public static synchronized JsonSchema report() {
        if (report == null) {
            report = load("report.schema.json");
        }
        return report;
    }

    private static JsonSchema load(String name) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree(name));
    }

    /** The schema's complaints about a plan file (YAML or JSON), sorted; empty when it is valid. */
    public static Set<String> planProblems(Path file) {
        try {
            return problems(plan(), new YAMLMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a plan given as YAML text. */
    public static Set<String> planProblems(String yaml) {
        try {
            return problems(plan(), new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> problems(JsonSchema schema, JsonNode node) {
        Set<String> problems = new TreeSet<>();
        for (ValidationMessage m : schema.validate(node)) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    /** Fails listing every problem when a JSON report does not match docs/schemas/report.schema.json. */
    public static void assertValidReport(JsonNode report) {
        assertEquals(Set.of(), problems(report(), report), "report.schema.json problems");
    }

    /** Checks the JSON report of a run against the schema; returns the run. */
    public static RunResult valid(RunResult result) {
        try {
            assertValidReport(JSON.readTree(JsonReport.toJson(result)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON report written by a test and checks it against the schema; returns it. */
    public static JsonNode readValidReport(Path file) {
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            assertValidReport(tree);
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the JSON reports a command line wrote: the file of {@code --json FILE}, or {@code report.json} in
     * {@code --report-dir DIR}, when there is one.
     */
    public static void assertValidReports(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("watch")) {
            return; // watch writes a report of its own shape (docs/memory-trend.md), not a run report
        }
        for (int i = 0; i + 1 < args.size(); i++) {
            Path file = args.get(i).equals("--json") ? Path.of(args.get(i + 1))
                    : args.get(i).equals("--report-dir") ? Path.of(args.get(i + 1), "report.json") : null;
            if (file != null && Files.exists(file)) {
                readValidReport(file);
            }
        }
    }
}
