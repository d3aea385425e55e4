package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockContents;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.BlockListParser;
import dev.vgharness.memcheck.WhoPointsAtParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorTablesTest {

    @Test
    void blockListTableShowsEachBlockWithItsRecordKindAndOwnFrameAndIndentsIndirectBlocks() {
        String text = Fixtures.read("memcheck/leaks.block_list_range.txt");

        assertEquals("""
                    #  kind                  address     size  where
                    1  still_reachable     0x4A40350       16  mk (leaks.c:29)
                    2  still_reachable     0x4A403A0       16  mk (leaks.c:29)
                    3  indirectly_lost     0x4A400E0       16  mk (leaks.c:29)
                    4    indirect          0x4A40130       16
                    5    indirect          0x4A40180       16
                    4  indirectly_lost     0x4A40130       16  mk (leaks.c:29)
                    5  indirectly_lost     0x4A40180       16  mk (leaks.c:29)
                    6  indirectly_lost     0x4A401D0       16  mk (leaks.c:29)
                    7  definitely_lost     0x4A40040       16  make_definite (leaks.c:24)
                    8  possibly_lost       0x4A40220       64  make_possible (leaks.c:43)
                    9  definitely_lost     0x4A40090       16  mk (leaks.c:29)
                    3    indirect          0x4A400E0       16
                    4      indirect        0x4A40130       16
                    5      indirect        0x4A40180       16
                    6    indirect          0x4A401D0       16
                   10  still_reachable     0x4A402A0      100  make_reachable (leaks.c:47)
                """, BlockListTable.render(BlockListParser.parse(text).blockLists()).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void blocksWhoseContentsWereReadShowATextPreviewInALastColumn() {
        BlockList list = BlockListParser.parse(Fixtures.read("memcheck/leaks.block_list_range.txt")).blockLists().get(8);
        Block block = list.blocks().get(0);
        Block read = block.withContents(BlockContents.of("GET /index.html HTTP/1.1\r\n".getBytes(
                StandardCharsets.US_ASCII)), List.of(block.indirect().get(0).withContents(BlockContents.of(
                        new byte[] {7, 0, 0, 0, 'h', 'o', 's', 't'}))));

        assertEquals("""
                    #  kind                  address     size  where                          contents
                    9  definitely_lost     0x4A40090       16  mk (leaks.c:29)                GET /index.html HTTP/1.…
                    3    indirect          0x4A400E0       16                                 ....host
                """, BlockListTable.render(List.of(new BlockList(list.lossRecord(), list.header(), List.of(read))))
                .replace(System.lineSeparator(), "\n"));
        assertEquals(List.of("block 0x4A40090 (16 B, loss record 9): GET /index.html HTTP/1.…",
                "... and 1 more blocks (the report has them all)"),
                BlockListTable.previews(List.of(new BlockList(list.lossRecord(), list.header(), List.of(read))), 1));
    }

    @Test
    void pointerOwnerTableShowsWhereEachPointerLivesAndTheAllocationOfTheBlockHoldingIt() {
        String text = Fixtures.read("memcheck/heur.who_points_at_mi.txt");

        assertEquals("""
                pointers into 0x10BCF8 (40 bytes): 2
                  location       kind      points at        owner
                  0x4D6DCF0      heap      0x10BCF8         block alloc'd at make_all() (heur.cpp:28)
                  0x4D6DD00      heap      0x10BCF8+32      block alloc'd at make_all() (heur.cpp:28)
                """, PointerOwnerTable.render(WhoPointsAtParser.parse(text).search()).replace(System.lineSeparator(), "\n"));
    }
}
