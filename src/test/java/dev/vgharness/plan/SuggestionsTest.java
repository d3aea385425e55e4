package dev.vgharness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    private static final List<String> CASE_KEYS = CaseReader.CASE_KEYS;
    private static final List<String> BREAKPOINT_KEYS =
            List.of("id", "at", "condition", "ignore", "max_hits", "actions", "expect");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
            "breakpiont, breakpoints",
            "comand, command",
            "Name, name",
            "enviroment, -",
            "stdn, stdin",
            "valgirnd, valgrind",
            "tiemout, timeout",
            "expects, expect",
            "breakpoints_, breakpoints",
            "colour, -",
            "x, -"})
    void suggestsTheClosestCaseKey(String typed, String suggested) {
        assertEquals(suggested == null ? "" : " (did you mean '" + suggested + "'?)",
                Suggestions.didYouMean(typed, CASE_KEYS));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"max, max_hits", "cond, condition", "ids, id", "a, -", "ignroe, ignore"})
    void prefersCompletingAStartedWordOverATwoEditGuess(String typed, String suggested) {
        assertEquals(suggested == null ? "" : " (did you mean '" + suggested + "'?)",
                Suggestions.didYouMean(typed, BREAKPOINT_KEYS));
    }

    @Test
    void countsAnAdjacentTranspositionAsOneEdit() {
        assertEquals(List.of(1, 2, 0, 3), List.of(Suggestions.distance("ab", "ba"), Suggestions.distance("breakpiont",
                "breakpoints"), Suggestions.distance("same", "same"), Suggestions.distance("", "abc")));
    }

    @Test
    void printsAProblemAsOneLocatedLine() {
        assertEquals(List.of("plan.yaml:14:9: unknown key 'breakpiont'", "plan.yaml: no such plan file"),
                List.of(new PlanProblem("plan.yaml", 14, 9, "unknown key 'breakpiont'").toString(),
                        new PlanProblem("plan.yaml", 0, 0, "no such plan file").toString()));
    }
}
