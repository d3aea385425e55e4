package dev.vgharness.plan;

import static dev.vgharness.plan.LossKind.DEFINITE;
import static dev.vgharness.plan.LossKind.INDIRECT;
import static dev.vgharness.plan.LossKind.POSSIBLE;
import static dev.vgharness.plan.LossKind.REACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.plan.LeakCheckAction.Delta;
import dev.vgharness.plan.LeakCheckAction.Heuristic;
import dev.vgharness.plan.LeakCheckAction.Mode;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActionWordsTest {

    static Stream<Arguments> leakChecks() {
        Set<Heuristic> all = EnumSet.allOf(Heuristic.class);
        return Stream.of(
                Arguments.of(LeakCheckAction.defaults(), "leak_check full reachable any heuristics all"),
                Arguments.of(new LeakCheckAction(Mode.FULL, Set.of(POSSIBLE, DEFINITE), Delta.INCREASED,
                        OptionalInt.of(50), all), "leak_check full kinds definite,possible increased limited 50 heuristics all"),
                Arguments.of(new LeakCheckAction(Mode.SUMMARY, Set.of(REACHABLE, INDIRECT), Delta.CHANGED,
                        OptionalInt.empty(), Set.of()), "leak_check summary kinds indirect,reachable changed heuristics none"),
                Arguments.of(new LeakCheckAction(Mode.XTLEAK, Set.of(DEFINITE), Delta.NEW, OptionalInt.of(1),
                        Set.of(Heuristic.NEWARRAY, Heuristic.STDSTRING)),
                        "leak_check xtleak kinds definite new limited 1 heuristics stdstring,newarray"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("leakChecks")
    void writesTheMonitorWordsOfALeakCheck(LeakCheckAction action, String words) {
        assertEquals(words, action.monitorCommand());
    }

    @Test
    void writesBlockListAndWhoPointsAtCommands() {
        assertEquals("block_list 3", BlockListAction.monitorCommand(3, java.util.OptionalInt.empty()));
        assertEquals("block_list 3 limited 100", BlockListAction.monitorCommand(3, java.util.OptionalInt.of(100)));
        assertEquals("who_points_at 0x4a5a040 16", WhoPointsAtAction.monitorCommand(0x4a5a040L, 16));
    }
}
