package dev.vgharness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validation rule of docs/plan.md, each asserting the exact located line the user sees. */
class PlanValidationTest {

    /** A case with one breakpoint; the rule's line goes on line 7 at column 9, inside the breakpoint. */
    private static final String AT_BREAKPOINT = """
            cases:
              - name: g
                command: [p]
                breakpoints:
                  - id: b
                    at: main
                    %s
            """;

    /** A case with a command; the rule's line goes on line 4 at column 5, inside the case. */
    private static final String AT_CASE = """
            cases:
              - name: g
                command: [p]
                %s
            """;

    /** A case without a command; the rule's line goes on line 3 at column 5. */
    private static final String AT_CASE_WITHOUT_COMMAND = """
            cases:
              - name: g
                %s
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ignore: "x"                                    | 7:17: 'ignore' in breakpoint 'b' of case 'g' must be an integer, not "x"
            ignore: -1                                     | 7:17: 'ignore' in breakpoint 'b' of case 'g' must be 0 or more, not -1
            max_hits: 0                                    | 7:19: 'max_hits' in breakpoint 'b' of case 'g' must be 1 or more, not 0
            max_hits: 1.5                                  | 7:19: 'max_hits' in breakpoint 'b' of case 'g' must be an integer, not 1.5
            condition: ""                                  | 7:20: 'condition' in breakpoint 'b' of case 'g' must not be empty
            max: 3                                         | 7:9: unknown key 'max' in breakpoint 'b' of case 'g' (did you mean 'max_hits'?)
            colour: red                                    | 7:9: unknown key 'colour' in breakpoint 'b' of case 'g'
            expect: []                                     | 7:17: 'expect' in breakpoint 'b' of case 'g' must be a map, not a list
            expect: {hits: "<== 4"}                        | 7:24: bad comparison "<== 4" for 'hits' in expect of breakpoint 'b' of case 'g' (write a number, or "OP N" with OP one of ==, !=, <, <=, >, >=)
            expect: {errors: true}                         | 7:26: bad comparison true for 'errors' in expect of breakpoint 'b' of case 'g' (write a number, or "OP N" with OP one of ==, !=, <, <=, >, >=)
            expect: {exit_code: 0}                         | 7:18: metric 'exit_code' is not allowed in expect of breakpoint 'b' of case 'g' (only in a case's expect)
            expect: {signal: SIGSEGV}                      | 7:18: metric 'signal' is not allowed in expect of breakpoint 'b' of case 'g' (only in a case's expect)
            expect: {rss_kb_per_s: 1}                      | 7:18: metric 'rss_kb_per_s' is not allowed in expect of breakpoint 'b' of case 'g' (only in a case's expect)
            expect: {definately_lost_bytes: 0}             | 7:18: unknown metric 'definately_lost_bytes' in expect of breakpoint 'b' of case 'g' (did you mean 'definitely_lost_bytes'?)
            actions: leak_check                            | 7:18: 'actions' in breakpoint 'b' of case 'g' must be a list, not "leak_check"
            actions: [leak_chek]                           | 7:19: unknown action 'leak_chek' in breakpoint 'b' of case 'g' (did you mean 'leak_check'?)
            actions: [block_list]                          | 7:19: action 'block_list' in breakpoint 'b' of case 'g' needs 'kinds' or 'records', e.g. block_list: {kinds: [definite]}
            actions: [who_points_at]                       | 7:19: action 'who_points_at' in breakpoint 'b' of case 'g' needs 'kinds' or 'address', e.g. who_points_at: {kinds: [possible]}
            actions: [monitor]                             | 7:19: action 'monitor' in breakpoint 'b' of case 'g' needs the command text, e.g. monitor: "v.info n_errs_found"
            actions: [{monitor: v.info, gdb: bt}]          | 7:37: unknown key 'gdb' in action 'monitor' of breakpoint 'b' of case 'g': an action takes its name and 'allow_failure'
            actions: [{allow_failure: true}]               | 7:19: an action in breakpoint 'b' of case 'g' must be an action name or a map whose first key is the action's name, not a map
            actions: [{monitor: v.info, allow_failure: maybe}] | 7:52: 'allow_failure' of an action in breakpoint 'b' of case 'g' must be true or false, not "maybe"
            actions: [{monitor: v.info, alow_failure: true}] | 7:37: unknown key 'alow_failure' in action 'monitor' of breakpoint 'b' of case 'g': an action takes its name and 'allow_failure' (did you mean 'allow_failure'?)
            actions: [{gdb: next}]                         | 7:25: gdb action 'next' in breakpoint 'b' of case 'g' would resume or end the target, which the runner drives itself ('next'): put a breakpoint where the target should stop next instead
            actions: [{gdb: "cont 2"}]                     | 7:25: gdb action 'cont 2' in breakpoint 'b' of case 'g' would resume or end the target, which the runner drives itself ('continue'): put a breakpoint where the target should stop next instead
            actions: [{gdb: fin}]                          | 7:25: gdb action 'fin' in breakpoint 'b' of case 'g' would resume or end the target, which the runner drives itself ('fin'): put a breakpoint where the target should stop next instead
            actions: [{monitor: v.kill}]                   | 7:29: monitor action 'v.kill' in breakpoint 'b' of case 'g' would end the target without its exit-time leak check: let it end by itself
            actions: [{block_list: {kinds: [definite], limit: 0}}] | 7:59: 'limit' in block_list of breakpoint 'b' of case 'g' must be 1 or more, not 0
            actions: [{block_list: {kinds: [definite], limit: lots}}] | 7:59: 'limit' in block_list of breakpoint 'b' of case 'g' must be unlimited or a number of blocks per record, not "lots"
            actions: [{block_list: {kinds: [definite], contents: 4097}}] | 7:62: 'contents' in block_list of breakpoint 'b' of case 'g' must be at most 4096 bytes, not 4097
            actions: [{block_list: {kinds: [definite], contents: -1}}] | 7:62: 'contents' in block_list of breakpoint 'b' of case 'g' must be 0 or more, not -1
            actions: [{block_list: {kinds: [definite], contents: all}}] | 7:62: 'contents' in block_list of breakpoint 'b' of case 'g' must be an integer, not "all"
            actions: [{who_points_at: {kinds: [possible], limit: some}}] | 7:62: 'limit' in who_points_at of breakpoint 'b' of case 'g' must be unlimited or a number of blocks per stop, not "some"
            actions: [{who_points_at: {address: "0x10", limit: 5}}] | 7:60: 'limit' in who_points_at of breakpoint 'b' of case 'g' goes with 'kinds'; with 'address' one address is searched
            actions: [{monitor: ""}]                       | 7:29: 'monitor' in breakpoint 'b' of case 'g' must not be empty
            actions: [{gdb: [bt]}]                         | 7:25: 'gdb' in breakpoint 'b' of case 'g' must be a string, not a list
            actions: [{leak_check: {mode: fll}}]           | 7:39: 'mode' in leak_check of breakpoint 'b' of case 'g' must be one of full, summary, xtleak, not "fll" (did you mean 'full'?)
            actions: [{leak_check: {mod: full}}]           | 7:33: unknown key 'mod' in leak_check of breakpoint 'b' of case 'g' (did you mean 'mode'?)
            actions: [{leak_check: {kinds: [definit]}}]    | 7:41: an item of 'kinds' in leak_check of breakpoint 'b' of case 'g' must be one of definite, indirect, possible, reachable, not "definit" (did you mean 'definite'?)
            actions: [{leak_check: {kinds: []}}]           | 7:40: 'kinds' in leak_check of breakpoint 'b' of case 'g' must not be an empty list (use all)
            actions: [{leak_check: {kinds: none}}]         | 7:40: 'kinds' in leak_check of breakpoint 'b' of case 'g' must be one of all, not "none"
            actions: [{leak_check: {delta: more}}]         | 7:40: 'delta' in leak_check of breakpoint 'b' of case 'g' must be one of any, increased, changed, new, not "more"
            actions: [{leak_check: {limit: 0}}]            | 7:40: 'limit' in leak_check of breakpoint 'b' of case 'g' must be 1 or more, not 0
            actions: [{leak_check: {limit: lots}}]         | 7:40: 'limit' in leak_check of breakpoint 'b' of case 'g' must be unlimited or a number of loss records, not "lots"
            actions: [{leak_check: {heuristics: [stdstrings]}}] | 7:46: an item of 'heuristics' in leak_check of breakpoint 'b' of case 'g' must be one of stdstring, length64, newarray, multipleinheritance, not "stdstrings" (did you mean 'stdstring'?)
            actions: [{leak_check: {heuristics: 3}}]       | 7:45: 'heuristics' in leak_check of breakpoint 'b' of case 'g' must be all, none or a list of stdstring, length64, newarray, multipleinheritance, not 3
            actions: [{block_list: {}}]                    | 7:32: block_list of breakpoint 'b' of case 'g' needs one of 'kinds' or 'records'
            actions: [{block_list: {kinds: [definite], records: [1]}}] | 7:32: block_list of breakpoint 'b' of case 'g' takes one of 'kinds' or 'records', not both
            actions: [{block_list: {records: [0]}}]        | 7:43: an item of 'records' in block_list of breakpoint 'b' of case 'g' must be 1 or more, not 0
            actions: [{who_points_at: {address: 4096}}]    | 7:45: 'address' in who_points_at of breakpoint 'b' of case 'g' must be a hex address such as "0x4a5a040", not 4096
            actions: [{who_points_at: {address: "0x0"}}]   | 7:45: 'address' in who_points_at of breakpoint 'b' of case 'g' must not be 0x0
            actions: [{who_points_at: {address: "0xZZ"}}]  | 7:45: 'address' in who_points_at of breakpoint 'b' of case 'g' must be a hex address such as "0x4a5a040", not "0xZZ"
            actions: [{who_points_at: {kinds: [possible], length: 8}}] | 7:63: 'length' in who_points_at of breakpoint 'b' of case 'g' goes with 'address'; with 'kinds' each block is searched over its size
            actions: [{who_points_at: {address: "0x10", length: 0}}]   | 7:61: 'length' in who_points_at of breakpoint 'b' of case 'g' must be 1 or more, not 0
            """)
    void reportsABadBreakpointSettingWhereItIs(String line, String expected) throws IOException {
        assertEquals("plan.yaml:" + expected, problems(AT_BREAKPOINT.formatted(line)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            timeout: 90x                           | 4:14: 'timeout' in case 'g' is not a duration: "90x" (write a positive number with a unit: 500ms, 90s, 5m, 1m30s, 2h)
            timeout: 90                            | 4:14: 'timeout' in case 'g' is not a duration: 90 (write a positive number with a unit: 500ms, 90s, 5m, 1m30s, 2h)
            timeout: 0s                            | 4:14: 'timeout' in case 'g' is not a duration: "0s" (write a positive number with a unit: 500ms, 90s, 5m, 1m30s, 2h)
            breakpiont: []                         | 4:5: unknown key 'breakpiont' in case 'g' (did you mean 'breakpoints'?)
            breakpoints: {id: b}                   | 4:18: 'breakpoints' in case 'g' must be a list, not a map
            expect: {hits: 1}                      | 4:14: metric 'hits' is not allowed in expect of case 'g' (only in a breakpoint's expect)
            expect: {rss_kb: 1}                    | 4:14: metric 'rss_kb' is not allowed in expect of case 'g' (only in a breakpoint's expect)
            mode: nativ                            | 4:11: 'mode' in case 'g' must be one of memcheck, native, not "nativ" (did you mean 'native'?)
            malloc: {mmap_treshold: 1}             | 4:14: unknown key 'mmap_treshold' in malloc of case 'g' (did you mean 'mmap_threshold'?)
            malloc: {arena_max: 0}                 | 4:25: 'arena_max' in malloc of case 'g' must be 1 or more, not 0
            malloc: 65536                          | 4:13: 'malloc' in case 'g' must be a map, not 65536
            sample: {every: 2s}                    | 4:13: missing required key 'for' in sample of case 'g'
            sample: {every: 2s, for: 1m, at: 3}    | 4:34: unknown key 'at' in sample of case 'g'
            expect: {signal: SEGV}                 | 4:22: 'signal' in expect of case 'g' must be a signal name such as SIGSEGV, or null, not "SEGV"
            expect: {exit_code: "== zero"}         | 4:25: bad comparison "== zero" for 'exit_code' in expect of case 'g' (write a number, or "OP N" with OP one of ==, !=, <, <=, >, >=)
            valgrind: {option: []}                 | 4:16: unknown key 'option' in valgrind of case 'g' (did you mean 'options'?)
            valgrind: {options: [num-callers=30]}  | 4:26: an item of 'options' in valgrind of case 'g' must be a Valgrind option starting with '-', not "num-callers=30"
            valgrind: [--num-callers=30]           | 4:15: 'valgrind' in case 'g' must be a map, not a list
            env: [A=1]                             | 4:10: 'env' in case 'g' must be a map, not a list
            env: {A: {B: 1}}                       | 4:14: the value of 'A' in 'env' in case 'g' must be a string, not a map
            cwd: ""                                | 4:10: 'cwd' in case 'g' must not be empty
            on_error: {max_stop: 3}                | 4:16: unknown key 'max_stop' in on_error of case 'g' (did you mean 'max_stops'?)
            on_error: {max_stops: 0}               | 4:27: 'max_stops' in on_error of case 'g' must be 1 or more, not 0
            on_error: {locals: yes please}         | 4:24: 'locals' in on_error of case 'g' must be true or false, not "yes please"
            on_error: {actions: [leak_chek]}       | 4:26: unknown action 'leak_chek' in on_error of case 'g' (did you mean 'leak_check'?)
            on_error: {expect: {exit_code: 0}}     | 4:25: metric 'exit_code' is not allowed in expect of on_error of case 'g' (only in a case's expect)
            on_error: 3                            | 4:15: 'on_error' in case 'g' must be a map, not 3
            find_lost: {limt: 3}                   | 4:17: unknown key 'limt' in find_lost of case 'g' (did you mean 'limit'?)
            find_lost: {limit: 0}                  | 4:24: 'limit' in find_lost of case 'g' must be 1 or more, not 0
            find_lost: {kinds: [indirect]}         | 4:24: 'kinds' in find_lost of case 'g': indirect cannot be followed to a loss (an indirect block is lost with the block holding it, a reachable one is not lost): use definite and/or possible
            find_lost: 3                           | 4:16: 'find_lost' in case 'g' must be a map, not 3
            """)
    void reportsABadCaseSettingWhereItIs(String line, String expected) throws IOException {
        assertEquals("plan.yaml:" + expected, problems(AT_CASE.formatted(line)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            command: []                   | 3:14: 'command' in case 'g' must not be empty: give the program and its arguments
            command: [""]                 | 3:15: the program in 'command' in case 'g' must not be empty
            command: ./server --port 80   | 3:14: 'command' in case 'g' must be a list of arguments such as [./server, --port, "80"] (no shell), not "./server --port 80"
            command: [p, {a: 1}]          | 3:18: an item of 'command' in case 'g' must be a string, not a map
            cwd: .                        | 2:5: missing required key 'command' in case 'g'
            """)
    void reportsABadOrMissingCommand(String line, String expected) throws IOException {
        assertEquals("plan.yaml:" + expected, problems(AT_CASE_WITHOUT_COMMAND.formatted(line)));
    }

    @Test
    void refusesFindLostInANativeCase() throws IOException {
        assertEquals("plan.yaml:5:16: 'find_lost' in case 'g' needs Memcheck: a case in mode native finds no leaks to"
                + " follow", problems(AT_CASE.formatted("mode: native\n    find_lost: {}")));
    }

    @Test
    void readsFindLostWithItsDefaults() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, AT_CASE.formatted("find_lost: {kinds: [possible, definite]}"));

        assertEquals(Optional.of(new FindLost(5, Set.of(LossKind.DEFINITE, LossKind.POSSIBLE))),
                PlanLoader.load(plan).cases().get(0).findLost());
    }

    @Test
    void refusesErrorStopsInANativeCase() throws IOException {
        assertEquals("plan.yaml:5:15: 'on_error' in case 'g' needs Memcheck: a case in mode native has no Memcheck"
                + " errors to stop at", problems(AT_CASE.formatted("mode: native\n    on_error: {}")));
    }

    @Test
    void reportsFilesTheCaseNeedsThatDoNotExistRelativeToThePlansFolder() throws IOException {
        String message = problems("""
                cases:
                  - name: g
                    command: [p]
                    stdin: missing.txt
                    valgrind: {suppressions: [none.supp]}
                """);

        assertEquals("""
                plan.yaml:4:12: 'stdin' in case 'g': no such file "missing.txt" (relative paths start at the plan's folder DIR)
                plan.yaml:5:31: 'suppressions' in valgrind of case 'g': no such file "none.supp" (relative paths start at the plan's folder DIR)""",
                message);
    }

    @Test
    void reportsAnUnknownTopLevelKeyAndTheMissingCases() throws IOException {
        assertEquals("""
                plan.yaml:1:1: missing required key 'cases'
                plan.yaml:2:1: unknown key 'caes' at the top of the plan (did you mean 'cases'?)""",
                problems("version: 1\ncaes: []\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `cases: {}`                                  | 1:8: 'cases' must be a list, not a map
            `cases: []`                                  | 1:8: 'cases' must not be empty: a plan needs at least one case
            `cases: [nothing]`                           | 1:9: case #1 must be a map, not "nothing"
            `version: 2\\ncases: [{name: a, command: [p]}]`   | 1:10: unsupported version 2 (this vgharness reads version 1)
            `version: "1"\\ncases: [{name: a, command: [p]}]` | 1:10: 'version' must be an integer, not "1"
            `name: ""\\ncases: [{name: a, command: [p]}]`     | 1:7: 'name' must not be empty
            `build: [make]\\ncases: [{name: a, command: [p]}]` | 1:8: 'build' must be a string, not a list
            `defaults:\\n  name: x\\ncases: [{name: a, command: [p]}]` | 2:3: 'name' cannot be set in defaults, only in a case
            `defaults:\\n  breakpoints: []\\ncases: [{name: a, command: [p]}]` | 2:3: 'breakpoints' cannot be set in defaults, only in a case
            `defaults:\\n  timout: 5s\\ncases: [{name: a, command: [p]}]` | 2:3: unknown key 'timout' in defaults (did you mean 'timeout'?)
            `defaults:\\n  expect: {hits: 1}\\ncases: [{name: a, command: [p]}]` | 2:12: metric 'hits' is not allowed in expect of defaults (only in a breakpoint's expect)
            `- version: 1`                               | 1:1: a plan must be a map with 'version' and 'cases', not a list
            `just words`                                 | 1:1: a plan must be a map with 'version' and 'cases', not "just words"
            ``                                           | 1:1: the plan is empty
            `cases: [{name: a, command: [p]}]\\n---\\nname: b` | 3:1: a plan file holds one document; remove the second one
            """)
    void reportsProblemsOfThePlanAsAWhole(String yaml, String expected) throws IOException {
        assertEquals("plan.yaml:" + expected, problems(yaml.replace("\\n", "\n")));
    }

    @Test
    void keepsAProblemOnOneLineWhenTheKeyHasALineBreak() throws IOException {
        assertEquals("plan.yaml:1:1: unknown key 'na\\nme' at the top of the plan (did you mean 'name'?)",
                problems("\"na\\nme\": x\ncases: [{name: a, command: [p]}]\n"));
    }

    @Test
    void reportsMissingNamesIdsAndLocations() throws IOException {
        assertEquals("""
                plan.yaml:2:5: missing required key 'name' in case #1
                plan.yaml:5:9: missing required key 'id' in breakpoint #1 of case #1
                plan.yaml:5:9: missing required key 'at' in breakpoint #1 of case #1""",
                problems("""
                        cases:
                          - command: [p]
                            cwd: .
                            breakpoints:
                              - condition: "x > 1"
                        """));
    }

    @Test
    void reportsDuplicateCaseNamesBreakpointIdsAndKeys() throws IOException {
        assertEquals("""
                plan.yaml:4:5: duplicate key 'command' (first at line 3)
                plan.yaml:7:14: duplicate breakpoint id 'b' in case 'g' (first at line 6)
                plan.yaml:8:11: duplicate case name 'g' (first at line 2)""",
                problems("""
                        cases:
                          - name: g
                            command: [p]
                            command: [q]
                            breakpoints:
                              - {id: b, at: main}
                              - {id: b, at: exit}
                          - name: g
                            command: [p]
                        """));
    }

    @Test
    void reportsAYamlSyntaxErrorAsOneLocatedLine() {
        Path plan = Path.of("fixtures/plans/invalid/syntax-error.yaml");

        PlanException e = assertThrows(PlanException.class, () -> PlanLoader.load(plan));

        assertEquals("fixtures/plans/invalid/syntax-error.yaml:2:17: YAML syntax error: mapping values are not allowed here",
                e.getMessage());
    }

    @Test
    void reportsAnUnclosedFlowListWithWhereItStarted() throws IOException {
        assertEquals("plan.yaml:3:9: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence"
                + " started at 2:14)", problems("cases:\n  - command: [p\n    name: g\n"));
    }

    @Test
    void reportsAJsonSyntaxErrorAsOneLocatedLine() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"cases\": [}\n");

        PlanException e = assertThrows(PlanException.class, () -> PlanLoader.load(plan));

        assertEquals(plan + ":1:12: syntax error: Unexpected close marker '}': expected ']' (for Array starting at 1:11)",
                e.getMessage());
    }

    @Test
    void rejectsCustomTagsWithoutConstructingAnything() {
        Path plan = Path.of("fixtures/plans/invalid/hostile-tags.yaml");

        PlanException e = assertThrows(PlanException.class, () -> PlanLoader.load(plan));

        assertEquals("""
                fixtures/plans/invalid/hostile-tags.yaml:1:7: tag !!java.net.URL is not allowed: a plan holds plain maps, lists and scalars
                fixtures/plans/invalid/hostile-tags.yaml:3:11: tag !custom is not allowed: a plan holds plain maps, lists and scalars
                fixtures/plans/invalid/hostile-tags.yaml:4:14: tag !!python/object:os.system is not allowed: a plan holds plain maps, lists and scalars
                fixtures/plans/invalid/hostile-tags.yaml:5:10: tag !!javax.script.ScriptEngineManager is not allowed: a plan holds plain maps, lists and scalars""",
                e.getMessage());
    }

    @Test
    void acceptsYamlsCoreTags() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "name: !!str 5\ncases: !!seq [{name: a, command: [p], expect: {errors: !!int 0}}]\n");

        assertEquals("5", PlanLoader.load(plan).name());
    }

    @Test
    void rejectsAliases() throws IOException {
        assertEquals("plan.yaml:6:10: aliases (*e) are not supported; use 'defaults:' to share settings", problems("""
                defaults:
                  env: &e {A: "1"}
                cases:
                  - name: g
                    command: [p]
                    env: *e
                """));
    }

    @Test
    void reportsEveryProblemOfAFileInFileOrderNamingTheFileAsGiven() {
        Path plan = Path.of("fixtures/plans/invalid/many-problems.yaml");

        PlanException e = assertThrows(PlanException.class, () -> PlanLoader.load(plan));

        assertEquals("""
                fixtures/plans/invalid/many-problems.yaml:1:10: unsupported version 3 (this vgharness reads version 1)
                fixtures/plans/invalid/many-problems.yaml:4:12: 'timeout' in defaults is not a duration: "soon" (write a positive number with a unit: 500ms, 90s, 5m, 1m30s, 2h)
                fixtures/plans/invalid/many-problems.yaml:6:5: missing required key 'command' in case 'growth'
                fixtures/plans/invalid/many-problems.yaml:7:5: unknown key 'comand' in case 'growth' (did you mean 'command'?)
                fixtures/plans/invalid/many-problems.yaml:8:5: unknown key 'breakpiont' in case 'growth' (did you mean 'breakpoints'?)
                fixtures/plans/invalid/many-problems.yaml:9:11: duplicate case name 'growth' (first at line 6)
                fixtures/plans/invalid/many-problems.yaml:14:19: 'max_hits' in breakpoint 'b' of case 'growth' must be 1 or more, not 0""",
                e.getMessage());
        assertEquals(new PlanProblem(plan.toString(), 1, 10, "unsupported version 3 (this vgharness reads version 1)"),
                e.problems().get(0));
    }

    @Test
    void reportsAPlanFileThatDoesNotExist() {
        Path plan = Path.of("fixtures/plans/no-such-plan.yaml");

        PlanException e = assertThrows(PlanException.class, () -> PlanLoader.load(plan));

        assertEquals("fixtures/plans/no-such-plan.yaml: no such plan file", e.getMessage());
    }

    private String problems(String yaml) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        PlanException e = assertThrows(PlanException.class, () -> PlanLoader.load(plan));
        return e.getMessage().replace(plan.toString(), "plan.yaml").replace(dir.toString(), "DIR");
    }
}
