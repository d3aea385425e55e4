package dev.vgharness.plan;

import static dev.vgharness.plan.LossKind.DEFINITE;
import static dev.vgharness.plan.LossKind.INDIRECT;
import static dev.vgharness.plan.LossKind.POSSIBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vgharness.plan.LeakCheckAction.Delta;
import dev.vgharness.plan.LeakCheckAction.Heuristic;
import dev.vgharness.plan.LeakCheckAction.Mode;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LeakCheckWordsTest {

    private static final Set<LossKind> ALL = EnumSet.allOf(LossKind.class);
    private static final Set<Heuristic> NONE = EnumSet.noneOf(Heuristic.class);

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("leak_check", new LeakCheckAction(Mode.FULL, Set.of(DEFINITE, POSSIBLE), Delta.INCREASED,
                        OptionalInt.empty(), NONE)),
                Arguments.of("leak_check full reachable any", new LeakCheckAction(Mode.FULL, ALL, Delta.ANY,
                        OptionalInt.empty(), NONE)),
                Arguments.of("leak f r a l 5", new LeakCheckAction(Mode.FULL, ALL, Delta.ANY, OptionalInt.of(5), NONE)),
                Arguments.of("leak_check summary possibleleak changed", new LeakCheckAction(Mode.SUMMARY,
                        Set.of(DEFINITE, INDIRECT, POSSIBLE), Delta.CHANGED, OptionalInt.empty(), NONE)),
                Arguments.of("leak_check kinds indirect,possible heuristics all definiteleak limited 3 unlimited",
                        new LeakCheckAction(Mode.FULL, Set.of(DEFINITE), Delta.INCREASED, OptionalInt.empty(),
                                EnumSet.allOf(Heuristic.class))),
                Arguments.of("leak_check xtleak kinds all heuristics stdstring,newarray new",
                        new LeakCheckAction(Mode.XTLEAK, ALL, Delta.NEW, OptionalInt.empty(),
                                Set.of(Heuristic.STDSTRING, Heuristic.NEWARRAY))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void readsTheWordsAsValgrindDoesWithItsInteractiveDefaults(String command, LeakCheckAction expected) {
        assertEquals(expected, LeakCheckWords.parse(command, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "leak_check bogus|bogus does not match any of 'full summary xtleak kinds reachable possibleleak definiteleak"
                + " heuristics increased changed any unlimited limited'",
        "leak_check new|new does not match any of 'full summary xtleak kinds reachable possibleleak definiteleak"
                + " heuristics increased changed any unlimited limited'",
        "leak_check full kinds nonsense|missing or malformed leak kinds set: nonsense",
        "leak_check kinds|missing or malformed leak kinds set",
        "leak_check heuristics none,all|missing or malformed heuristics set: none,all",
        "leak_check limited 0|limited needs a number of loss records >= 1, got 0",
        "leak_check limited x|limited needs a number of loss records >= 1, got x",
    })
    void refusesWhatValgrindWouldComplainAbout(String command, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> LeakCheckWords.parse(command, false)).getMessage());
    }
}
