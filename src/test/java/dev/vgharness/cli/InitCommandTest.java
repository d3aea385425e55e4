package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vgharness.DocSchemas;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import dev.vgharness.vgdb.GdbFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init PROG}: the plan it writes validates against the plan schema and runs as it is. */
class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    @EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
    void thePlanInitWritesForAProgramValidatesAndRunsWithTheLiveBlockAndItsEvidence() throws Exception {
        Path program = Files.copy(Fixtures.compile("src/leaky.c"), dir.resolve("leaky"));
        Path plan = dir.resolve("plans/leaky.yaml");

        RunCommandTest.Outcome init = RunCommandTest.main("init", "--gdb", TestTools.gdb(), "-o", plan.toString(),
                program.toString());

        assertEquals(0, init.code(), init.stderr());
        assertEquals(Set.of(), DocSchemas.planProblems(plan));
        String text = Files.readString(plan);
        assertTrue(text.contains("    command: [\"../leaky\"]"), text);
        assertTrue(text.contains("#   handle_request  ("), text);
        assertTrue(text.contains("        at: \"make_tree\"\n"), text);

        Path json = dir.resolve("report.json");
        RunCommandTest.Outcome run = RunCommandTest.main("run", plan.toString(), "--json", json.toString());

        assertEquals(1, run.code(), run.stderr()); // leaky loses memory: definitely_lost_bytes 0 fails
        JsonNode report = DocSchemas.readValidReport(json);
        assertEquals("failed", report.get("status").asText());
        assertEquals(10, report.at("/cases/0/stops").size());
        assertTrue(run.stdout().startsWith("[1/1] FAIL   leaky ("), run.stdout());
        assertTrue(run.stdout().matches("(?s).*\n         FAILED definitely_lost_bytes: expected == 0, was \\d+\n"
                + "           definitely_lost \\d+ B \\(\\d+ direct, \\d+ indirect\\) in \\d+ blocks[^\n]*, at make_tree"
                + " leaky\\.c:\\d+\n.*"), run.stdout());
        assertTrue(run.stdout().contains("\nleaky: 0 passed, 1 failed, 0 errors ("), run.stdout());
    }

    @Test
    void anExistingPlanIsKeptUnlessForced() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "mine");

        RunCommandTest.Outcome o = RunCommandTest.main("init", "-o", plan.toString(), "/bin/true");

        assertEquals(2, o.code());
        assertEquals("vgharness: " + plan + ": exists (--force overwrites it)\n", o.stderr());
        assertEquals("mine", Files.readString(plan));
    }

    @Test
    void withoutAProgramThePlanNamesAPlaceholderAndValidates() throws Exception {
        Path plan = dir.resolve("plan.yaml");

        RunCommandTest.Outcome o = RunCommandTest.main("init", "-o", plan.toString());

        assertEquals(0, o.code(), o.stderr());
        assertEquals("wrote " + plan + "; run it: vgharness run " + plan + "\n", o.stdout());
        assertTrue(Files.readString(plan).contains("    command: [\"./my-program\"]"));
        assertEquals(Set.of(), DocSchemas.planProblems(plan));
    }

    @Test
    void aMissingProgramIsAUsageError() {
        RunCommandTest.Outcome o = RunCommandTest.main("init", "-o", dir.resolve("p.yaml").toString(),
                dir.resolve("nothing").toString());

        assertEquals(2, o.code());
        assertEquals("vgharness: " + dir.resolve("nothing") + ": not found\n", o.stderr());
    }

    @Test
    void aProgramWithoutDebugInformationGetsACommentedBreakpointAndStillValidates() {
        String text = StarterPlan.text("tool", "/usr/bin/tool", List.of());

        assertTrue(text.contains("    # breakpoints:\n"), text);
        assertEquals(Set.of(), DocSchemas.planProblems(text));
    }

    @Test
    void idsAndQuotesAreSafeForCppNames() {
        String text = StarterPlan.text("inv \"x\"", "./inv", List.of(new GdbFunction("Inventory::report()",
                "inventory.cpp", 12), new GdbFunction("main", "inventory.cpp", 40)));

        assertTrue(text.contains("      - id: \"Inventory_report\"\n        at: \"Inventory::report()\"\n"), text);
        assertTrue(text.contains("name: \"inv \\\"x\\\"\"\n"), text);
        assertEquals(Set.of(), DocSchemas.planProblems(text));
    }
}
