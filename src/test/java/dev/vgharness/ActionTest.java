package dev.vgharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Action (action.yml) agrees with its scripts and with the docs: its steps' scripts exist, every variable
 * the scripts read from the action is passed to them, and every input the docs' workflows give it is declared.
 * (scripts/check-dist runs the scripts themselves against the built archive.)
 */
class ActionTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ACTION_VARIABLE = Pattern.compile("\\$\\{?((?:INPUT|ACTION)_[A-Z_]+)");
    private static final Pattern SCRIPT = Pattern.compile("action/([a-z-]+\\.sh)");

    private static JsonNode action() throws Exception {
        return YAML.readTree(Scripts.ROOT.resolve("action.yml").toFile());
    }

    @Test
    void everyVariableAScriptReadsIsPassedByTheStepThatRunsIt() throws Exception {
        List<String> checked = new ArrayList<>();
        for (JsonNode step : action().path("runs").path("steps")) {
            Matcher script = SCRIPT.matcher(step.path("run").asText());
            if (script.find()) {
                Path file = Scripts.ROOT.resolve("action").resolve(script.group(1));
                assertTrue(Files.isExecutable(file), file + " is not an executable file");
                Set<String> passed = new TreeSet<>();
                step.path("env").fieldNames().forEachRemaining(passed::add);
                Set<String> read = new TreeSet<>();
                ACTION_VARIABLE.matcher(Files.readString(file)).results().forEach(m -> read.add(m.group(1)));
                read.removeAll(passed);
                assertEquals(Set.of(), read, file + " reads variables its step does not pass");
                checked.add(script.group(1));
            }
        }
        assertEquals(List.of("setup.sh", "run.sh"), checked);
    }

    @Test
    void everyInputTheDocsGiveTheActionIsDeclared() throws Exception {
        Set<String> declared = new TreeSet<>();
        action().path("inputs").fieldNames().forEachRemaining(declared::add);
        Set<String> given = new TreeSet<>();
        int uses = 0;
        for (String doc : List.of("README.md", "docs/ci.md", "docs/install.md")) {
            Matcher block = YAML_BLOCK.matcher(Files.readString(Scripts.ROOT.resolve(doc)));
            while (block.find()) {
                uses += collectInputs(YAML.readTree(block.group(1)), given);
            }
        }
        assertTrue(uses >= 4, "the docs' workflows use the action " + uses + " times");
        given.removeAll(declared);
        assertEquals(Set.of(), given, "inputs the docs give but action.yml does not declare");
        assertFalse(declared.isEmpty());
    }

    /** Adds the {@code with:} keys of every step that uses the vgharness action; returns how many there were. */
    private static int collectInputs(JsonNode node, Set<String> given) {
        int uses = 0;
        if (node.isObject() && node.path("uses").asText().endsWith("/vgharness@v1")) {
            node.path("with").fieldNames().forEachRemaining(given::add);
            uses++;
        }
        for (JsonNode child : node) {
            uses += collectInputs(child, given);
        }
        return uses;
    }
}
