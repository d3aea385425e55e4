package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    private static final List<String> NAMES = List.of("growth", "alpha", "exit-code", "crash", "burst", "delta", "fd");

    @Test
    void dealsTheCasesSortedByNameInTurnKeepingThePlansOrder() {
        assertEquals(List.of("growth", "alpha", "delta"), new Shard(1, 3).select(NAMES));
        assertEquals(List.of("exit-code", "burst"), new Shard(2, 3).select(NAMES));
        assertEquals(List.of("crash", "fd"), new Shard(3, 3).select(NAMES));
    }

    @Test
    void putsEveryCaseInExactlyOneSliceWhateverTheOrderInThePlan() {
        List<String> reversed = new ArrayList<>(NAMES);
        java.util.Collections.reverse(reversed);
        List<String> all = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            List<String> slice = new Shard(k, 4).select(NAMES);
            assertEquals(slice.stream().sorted().toList(), new Shard(k, 4).select(reversed).stream().sorted().toList());
            all.addAll(slice);
        }
        assertEquals(NAMES.stream().sorted().toList(), all.stream().sorted().toList());
    }

    @Test
    void moreSlicesThanCasesLeavesSomeEmpty() {
        assertEquals(List.of(), new Shard(9, 9).select(NAMES));
    }

    @Test
    void parsesKOfN() {
        assertEquals(java.util.Optional.of(new Shard(2, 4)), Shard.read("2/4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/4", "5/4", "2", "2/0", "a/b", "-1/3", "1/2/3"})
    void rejectsAnythingButKOfNAsUsage(String text) {
        picocli.CommandLine.TypeConversionException e = assertThrows(picocli.CommandLine.TypeConversionException.class,
                () -> new Converters.ShardSlice().convert(text));

        assertEquals("'" + text + "' is not K/N with 1 <= K <= N (e.g. 2/4)", e.getMessage());
    }
}
