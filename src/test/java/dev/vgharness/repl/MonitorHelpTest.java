package dev.vgharness.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitorHelpTest {

    @Test
    void readsEveryCommandWordAndItsKeywordsFromValgrind319Help() {
        MonitorHelp help = MonitorHelp.parse(Fixtures.read("repl/monitor-help-3.19.txt"));

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("help", set("debug"));
        expected.put("v.wait", set());
        expected.put("v.info", set("all_errors", "last_error", "location", "n_errs_found", "msg", "open_fds"));
        expected.put("v.kill", set());
        expected.put("v.clo", set());
        expected.put("v.set", set("gdb_output", "log_output", "mixed_output", "merge-recursive-frames", "vgdb-error"));
        expected.put("xb", set());
        expected.put("get_vbits", set());
        expected.put("make_memory", set("noaccess", "undefined", "defined", "Definedifaddressable"));
        expected.put("check_memory", set("addressable", "defined"));
        expected.put("leak_check", set("full", "summary", "xtleak", "kinds", "reachable", "possibleleak",
                "definiteleak", "heuristics", "increased", "changed", "any", "unlimited", "limited", "definite",
                "indirect", "possible", "all", "none", "stdstring", "length64", "newarray", "multipleinheritance"));
        expected.put("block_list", set("unlimited", "limited", "heuristics"));
        expected.put("who_points_at", set());
        expected.put("xtmemory", set());
        assertEquals(new MonitorHelp(expected), help);
    }

    @Test
    void readsTheNewDeltaModeOfLaterValgrindHelp() {
        String help = """
                memcheck monitor commands:
                  leak_check [full*|summary|xtleak]
                                [new|increased*|changed|any]
                  who_points_at <addr> [<len>]
                """;

        assertEquals(new MonitorHelp(Map.of("leak_check", set("full", "summary", "xtleak", "new", "increased",
                "changed", "any"), "who_points_at", set())), MonitorHelp.parse(help));
    }

    @Test
    void knowsNoCommandWhenThereIsNoHelp() {
        assertEquals(List.of(), List.copyOf(MonitorHelp.parse("").commands().keySet()));
    }

    private static Set<String> set(String... words) {
        return new LinkedHashSet<>(List.of(words));
    }
}
