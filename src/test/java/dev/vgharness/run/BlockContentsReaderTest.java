package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockContents;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.BlockListParser;
import dev.vgharness.vgdb.MiSessionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading blocks' first bytes over a recorded block_list answer, with memory that answers each address itself. */
class BlockContentsReaderTest {

    private final List<String> reads = new ArrayList<>();

    /** Each byte is the low byte of its address: what was read where is checkable. */
    private byte[] memory(long address, int length) {
        reads.add(Long.toHexString(address) + ":" + length);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (address + i);
        }
        return bytes;
    }

    private static byte[] expected(long address, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (address + i);
        }
        return bytes;
    }

    @Test
    void everyBlockAndEveryIndirectBlockInItsTreeIsReadOnceForAtMostTheAskedBytes() throws Exception {
        List<BlockList> lists = BlockListParser.parse(Fixtures.read("memcheck/leaks.block_list_range.txt")).blockLists();

        List<BlockList> read = new BlockContentsReader(this::memory, 20).read(lists);

        int blocks = 0;
        for (int l = 0; l < lists.size(); l++) {
            assertEquals(lists.get(l).header(), read.get(l).header());
            for (int b = 0; b < lists.get(l).blocks().size(); b++) {
                Block before = lists.get(l).blocks().get(b);
                Block after = read.get(l).blocks().get(b);
                assertEquals(before.withContents(BlockContents.of(expected(before.address(),
                        (int) Math.min(20, before.size()))), before.indirect().stream()
                        .map(i -> i.withContents(BlockContents.of(expected(i.address(), (int) Math.min(20, i.size())))))
                        .toList()), after);
                blocks += 1 + before.indirect().size();
            }
        }
        assertEquals(blocks, reads.size());
        assertEquals(1, reads.stream().filter(r -> r.equals("4a40040:16")).count(), "16 bytes, all read: " + reads);
        assertEquals(1, reads.stream().filter(r -> r.equals("4a402a0:20")).count(), "100 bytes, 20 read: " + reads);
    }

    @Test
    void anEmptyBlockIsNotReadAndHasEmptyContents() throws Exception {
        BlockList list = BlockListParser.parse(Fixtures.read("memcheck/leaks.block_list_range.txt")).blockLists().get(0);
        Block empty = new Block(0x4A40040L, 0, null, List.of());

        BlockList read = new BlockContentsReader(this::memory, 8)
                .read(List.of(new BlockList(list.lossRecord(), list.header(), List.of(empty)))).get(0);

        assertEquals(List.of(empty.withContents(new BlockContents("", ""), List.of())), read.blocks());
        assertEquals(List.of(), reads);
    }

    @Test
    void aBlockGdbCannotReadIsAFailureNamingItsAddressAndGdbsWords() {
        BlockList list = BlockListParser.parse(Fixtures.read("memcheck/leaks.block_list_range.txt")).blockLists().get(0);
        BlockContentsReader reader = new BlockContentsReader((address, length) -> {
            throw new MiSessionException.CommandFailed("-data-read-memory-bytes", "Cannot access memory at address 0x"
                    + Long.toHexString(address));
        }, 8);

        BlockContentsReader.ContentsUnreadable e = assertThrows(BlockContentsReader.ContentsUnreadable.class,
                () -> reader.read(List.of(list)));

        long address = list.blocks().get(0).address();
        assertEquals("reading 8 bytes of the block at 0x" + Long.toHexString(address)
                + " failed: Cannot access memory at address 0x" + Long.toHexString(address), e.getMessage());
    }

    @Test
    void aReaderOfNoBytesOrMoreThan4096IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BlockContentsReader(this::memory, 0));
        assertThrows(IllegalArgumentException.class, () -> new BlockContentsReader(this::memory, 4097));
    }
}
