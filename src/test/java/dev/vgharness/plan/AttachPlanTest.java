package dev.vgharness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code attach:} cases and the {@code malloc_trim} action: what loads, and each rule's located line. */
class AttachPlanTest {

    /** A native sampled case; the line under test goes on line 5 at column 5. */
    private static final String NATIVE_SAMPLED = """
            cases:
              - name: g
                mode: native
                sample: {every: 1s, for: 2s}
                %s
            """;

    @TempDir
    Path dir;

    private Plan load(String yaml) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        return PlanLoader.load(plan);
    }

    private String problems(String yaml) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        PlanException e = assertThrows(PlanException.class, () -> PlanLoader.load(plan));
        return e.getMessage().replace(plan.toString(), "plan.yaml");
    }

    @Test
    void anAttachingCaseHasNoCommandAndItsPidOrItsPidfileFromThePlansFolder() throws IOException {
        Plan byPid = load(NATIVE_SAMPLED.formatted("attach: {pid: 4242}"));
        Plan byFile = load(NATIVE_SAMPLED.formatted("attach: {pidfile: run/server.pid}"));

        CaseSpec c = byPid.cases().get(0);
        assertEquals(List.of(List.of(), Optional.of(new AttachSpec(OptionalLong.of(4242), Optional.empty())),
                CaseMode.NATIVE), List.of(c.command(), c.attach(), c.mode()));
        assertEquals(Optional.of(new AttachSpec(OptionalLong.empty(), Optional.of(dir.resolve("run/server.pid")))),
                byFile.cases().get(0).attach());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            attach: {pid: 0}                 | 5:19: 'pid' in attach of case 'g' must be 1 or more, not 0
            attach: {}                       | 5:13: 'attach' in case 'g' needs exactly one of 'pid' and 'pidfile'
            attach: {pid: 1, pidfile: p}     | 5:13: 'attach' in case 'g' needs exactly one of 'pid' and 'pidfile'
            attach: {pod: 1}                 | 5:14: unknown key 'pod' in attach of case 'g' (did you mean 'pid'?)
            attach: 4242                     | 5:13: 'attach' in case 'g' must be a map, not 4242
            `attach: {pid: 1}\n    command: [p]` | 6:14: 'command' in case 'g' has no effect on a process the case attaches to (remove it, or 'attach')
            `attach: {pid: 1}\n    env: {A: b}`  | 6:10: 'env' in case 'g' has no effect on a process the case attaches to (remove it, or 'attach')
            """)
    void reportsABadAttachWhereItIs(String line, String expected) throws IOException {
        assertEquals("plan.yaml:" + expected, problems(NATIVE_SAMPLED.formatted(line.replace("\\n", "\n"))));
    }

    @Test
    void attachingNeedsNativeModeAndASampleScheduleAndIsNoDefault() throws IOException {
        assertEquals("plan.yaml:3:13: 'attach' in case 'g' needs mode: native (a running process cannot be put under"
                + " valgrind)", problems("""
                cases:
                  - name: g
                    attach: {pid: 1}
                    sample: {every: 1s, for: 2s}
                """));
        assertEquals("plan.yaml:4:13: 'attach' in case 'g' needs 'sample:' (how often and how long to watch)",
                problems("""
                cases:
                  - name: g
                    mode: native
                    attach: {pid: 1}
                """));
        assertEquals("plan.yaml:2:3: 'attach' cannot be set in defaults, only in a case", problems("""
                defaults:
                  attach: {pid: 1}
                cases:
                  - {name: g, command: [p]}
                """));
    }

    @Test
    void mallocTrimIsANativeModeAction() throws IOException {
        String plan = """
                cases:
                  - name: g
                    %s
                    command: [p]
                    breakpoints:
                      - {id: b, at: main, actions: [malloc_trim]}
                """;

        assertEquals(List.of(new MallocTrimAction()),
                load(plan.formatted("mode: native")).cases().get(0).breakpoints().get(0).actions());
        assertEquals("plan.yaml:6:7: action 'malloc_trim' in case 'g' needs mode: native (under valgrind, malloc is"
                + " valgrind's own)", problems(plan.formatted("mode: memcheck")));
    }
}
