package dev.vgharness.run;

import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockContents;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.IndirectBlock;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first bytes of every block of {@code block_list} answers, the indirect ones in each tree too, from the
 * stopped target: one {@code -data-read-memory-bytes} per block (valgrind's gdbserver answers memory reads of the
 * client directly, so a block costs one round trip however many bytes are asked).
 */
public final class BlockContentsReader {

    /** Reads {@code length} bytes of the stopped target at {@code address}. */
    public interface Memory {
        byte[] read(long address, int length) throws MiSessionException;
    }

    private final Memory memory;
    private final int bytes;

    /** @param bytes how many bytes of each block to read at most (a smaller block is read whole) */
    public BlockContentsReader(Memory memory, int bytes) {
        if (bytes < 1 || bytes > BlockContents.MAX_BYTES) {
            throw new IllegalArgumentException("bytes must be 1 to " + BlockContents.MAX_BYTES + ": " + bytes);
        }
        this.memory = memory;
        this.bytes = bytes;
    }

    /** A reader over gdb's session with the target stopped. */
    public static BlockContentsReader of(MiSession gdb, Duration timeout, int bytes) {
        return new BlockContentsReader((address, length) -> GdbCommands.readMemory(gdb, address, length, timeout),
                bytes);
    }

    /**
     * The lists with every block's contents. gdb refusing a read ({@code ^error,msg="Cannot access memory at
     * address 0x..."}) is said as a {@link ContentsUnreadable}, naming the block.
     */
    public List<BlockList> read(List<BlockList> lists) throws MiSessionException, ContentsUnreadable {
        List<BlockList> read = new ArrayList<>(lists.size());
        for (BlockList list : lists) {
            List<Block> blocks = new ArrayList<>(list.blocks().size());
            for (Block block : list.blocks()) {
                List<IndirectBlock> indirect = new ArrayList<>(block.indirect().size());
                for (IndirectBlock i : block.indirect()) {
                    indirect.add(i.withContents(contents(i.address(), i.size())));
                }
                blocks.add(block.withContents(contents(block.address(), block.size()), indirect));
            }
            read.add(new BlockList(list.lossRecord(), list.header(), blocks));
        }
        return read;
    }

    private BlockContents contents(long address, long size) throws MiSessionException, ContentsUnreadable {
        int length = (int) Math.min(bytes, size);
        if (length == 0) {
            return BlockContents.of(new byte[0]);
        }
        try {
            return BlockContents.of(memory.read(address, length));
        } catch (MiSessionException.CommandFailed e) {
            throw new ContentsUnreadable("reading " + length + " bytes of the block at 0x" + Long.toHexString(address)
                    + " failed: " + e.gdbMessage());
        }
    }

    /** gdb could not read a block's bytes; the session stays usable. */
    public static final class ContentsUnreadable extends Exception {
        private static final long serialVersionUID = 1L;

        ContentsUnreadable(String message) {
            super(message);
        }
    }
}
