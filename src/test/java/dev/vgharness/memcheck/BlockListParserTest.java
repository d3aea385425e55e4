package dev.vgharness.memcheck;

import static dev.vgharness.memcheck.Golden.MALLOC;
import static dev.vgharness.memcheck.Golden.VGPRELOAD;
import static dev.vgharness.memcheck.Golden.answer;
import static dev.vgharness.memcheck.Golden.leaks;
import static dev.vgharness.memcheck.Golden.miAnswer;
import static dev.vgharness.memcheck.Golden.obj;
import static dev.vgharness.memcheck.Golden.record;
import static dev.vgharness.memcheck.Golden.src;
import static dev.vgharness.memcheck.LeakKind.DEFINITELY_LOST;
import static dev.vgharness.memcheck.LeakKind.INDIRECTLY_LOST;
import static dev.vgharness.memcheck.LeakKind.STILL_REACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockListParserTest {

    private static final StackFrame MK = leaks(0x1091E4, "mk", "mk_alloc");
    private static final StackFrame MAIN_TREE = leaks(0x109312, "main", "call_tree");

    @Test
    void parsesAThreeLevelIndirectTreeWithDepths() {
        BlockListResult result = BlockListParser.parse(answer("leaks.block_list_range.txt"));

        BlockList root = result.blockLists().get(8);
        LossRecord header = new LossRecord(9, 10, DEFINITELY_LOST, 80, 16, 64, 1, null, null, null, null, false,
                List.of(MALLOC, MK, leaks(0x109217, "make_tree", "tree_root"), MAIN_TREE));
        assertEquals(new BlockList(9, header, List.of(new Block(0x4A40090, 16, null, List.of(
                new IndirectBlock(0x4A400E0, 16, 3, 1),
                new IndirectBlock(0x4A40130, 16, 4, 2),
                new IndirectBlock(0x4A40180, 16, 5, 2),
                new IndirectBlock(0x4A401D0, 16, 6, 1))))), root);
    }

    @Test
    void listsEveryRecordOfARangeWithItsBlocks() {
        BlockListResult result = BlockListParser.parse(answer("leaks.block_list_range.txt"));

        List<Integer> numbers = result.blockLists().stream().map(BlockList::lossRecord).toList();
        List<Long> firstBlocks = result.blockLists().stream().map(b -> b.blocks().get(0).address()).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), numbers);
        assertEquals(List.of(0x4A40350L, 0x4A403A0L, 0x4A400E0L, 0x4A40130L, 0x4A40180L, 0x4A401D0L, 0x4A40040L,
                0x4A40220L, 0x4A40090L, 0x4A402A0L), firstBlocks);
        assertEquals(new BlockList(3, record(3, 10, INDIRECTLY_LOST, 16, 1, MALLOC, MK,
                leaks(0x109220, "make_tree", "tree_left"), MAIN_TREE), List.of(new Block(0x4A400E0, 16, null, List.of(
                        new IndirectBlock(0x4A40130, 16, 4, 1), new IndirectBlock(0x4A40180, 16, 5, 1))))),
                result.blockLists().get(2));
        assertEquals(List.of(), result.errors());
    }

    @Test
    void aLimitedListStopsAfterTheLimitOfBlockLines() {
        BlockListResult result = BlockListParser.parse(answer("leaks.block_list_limited.txt"));

        assertEquals(3, result.blockLists().size());
        assertEquals(List.of(new Block(0x4A400E0, 16, null, List.of())), result.blockLists().get(2).blocks());
    }

    @Test
    void parsesBlocksFoundViaHeuristics() {
        BlockListResult result = BlockListParser.parse(answer("heur.block_list_heuristics.txt"));

        StackFrame main = src(0x10939F, "main", "heur.cpp", Fixtures.line("src/heur.cpp", "call_make_all"));
        assertEquals(List.of(
                new BlockList(6, record(6, 11, STILL_REACHABLE, 40, 1,
                        obj(0x4841F2F, "operator new(unsigned long)", VGPRELOAD),
                        heur(0x109231, "mi_alloc"), main),
                        List.of(new Block(0x4D6DCF0, 40, "multipleinheritance", List.of()))),
                new BlockList(8, record(8, 11, STILL_REACHABLE, 48, 1,
                        obj(0x484320F, "operator new[](unsigned long)", VGPRELOAD),
                        heur(0x109202, "arr_alloc"), main),
                        List.of(new Block(0x4D6DC80, 48, "newarray", List.of()))),
                new BlockList(9, record(9, 11, STILL_REACHABLE, 72, 1, MALLOC, heur(0x109284, "len64_alloc"), main),
                        List.of(new Block(0x4D6DD60, 72, "length64", List.of())))),
                result.blockLists());
    }

    private static StackFrame heur(long address, String mark) {
        return src(address, "make_all()", "heur.cpp", Fixtures.line("src/heur.cpp", mark));
    }

    @Test
    void complaintsAboutBadArgumentsAreTyped() {
        BlockListResult result = BlockListParser.parse(answer("leaks.errors_block_list.txt"));

        assertEquals(new BlockListResult(List.of(), List.of(
                new MonitorError(MonitorErrorKind.INVALID_LOSS_RECORD, "invalid loss record nr"),
                new MonitorError(MonitorErrorKind.BAD_SLICE, "<from> cannot be bigger than <to> in slice <from>..<to>"),
                new MonitorError(MonitorErrorKind.BAD_SLICE, "invalid integer or slice <from>..<to>"),
                new MonitorError(MonitorErrorKind.BAD_LIMIT, "max_blocks must be >= 1, got 0"))), result);
    }

    @Test
    void noValidSearchAndObsoleteSearchAreTyped() {
        String noSearch = miAnswer("sample319.errs.mi.transcript", "115-interpreter-exec");
        String edges = answer("sample319.edges.gdb.stderr");
        String obsolete = edges.substring(edges.indexOf("==7558== Can't print obsolete"));

        assertEquals(new BlockListResult(List.of(), List.of(
                new MonitorError(MonitorErrorKind.NO_LEAK_SEARCH, "Can't print block list : no valid leak search result"),
                new MonitorError(MonitorErrorKind.INVALID_LOSS_RECORD, "invalid loss record nr"))),
                BlockListParser.parse(noSearch));
        assertEquals(List.of(new MonitorError(MonitorErrorKind.OBSOLETE_LEAK_SEARCH,
                        "Can't print obsolete block list : redo a leak search first"),
                new MonitorError(MonitorErrorKind.INVALID_LOSS_RECORD, "invalid loss record nr")),
                BlockListParser.parse(obsolete).errors().subList(0, 2));
    }

    @Test
    void aSingleRecordWithNoMatchingBlockIsAListWithoutBlocks() {
        String text = "==504== 64 (16 direct, 48 indirect) bytes in 1 blocks are definitely lost in loss record 7 of 7\n"
                + "==504==    at 0x48417B4: malloc (in " + VGPRELOAD + ")\n";

        assertEquals(new BlockListResult(List.of(new BlockList(7, new LossRecord(7, 7, DEFINITELY_LOST, 64, 16, 48, 1,
                null, null, null, null, false, List.of(MALLOC)), List.of())), List.of()), BlockListParser.parse(text));
    }
}
