package dev.vgharness.run;

import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.BlockListParser;
import dev.vgharness.memcheck.BlockListResult;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MonitorError;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.memcheck.WhoPointsAtParser;
import dev.vgharness.memcheck.WhoPointsAtResult;
import dev.vgharness.plan.BlockListAction;
import dev.vgharness.plan.LossKind;
import dev.vgharness.plan.WhoPointsAtAction;
import dev.vgharness.result.LeftOut;
import dev.vgharness.vgdb.MiSessionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code block_list} and {@code who_points_at} actions of one stop, on the loss records of the stop's last leak
 * search, within their limits: {@code block_list 2 limited 100} lists at most 100 blocks of a record (Valgrind takes
 * minutes to list a million), and {@code who_points_at} searches at most 20 blocks a stop, the largest first (each
 * search scans the whole memory: 24,316 took four minutes). To find the largest blocks, up to
 * {@value #CANDIDATES} blocks of each record are listed (about 0.1 ms a block); in a larger record the largest of
 * those are taken. What a limit left out is kept, to be said in the report.
 */
final class BlockActions {

    /** Sends one monitor command and returns its text. */
    interface Monitor {
        String send(String command) throws MiSessionException, StopFailure;
    }

    /** Reads the first bytes of blocks from the stopped target. */
    interface ContentsReading {
        BlockContentsReader reader(int bytes);
    }

    /** Blocks listed per record to find the largest ones for {@code who_points_at}. */
    static final int CANDIDATES = 1000;

    /** A record's number and the limit its blocks were listed with. */
    private record Asked(int record, OptionalInt limit) {
    }

    private final Monitor monitor;
    private final ContentsReading contents;
    private final Map<Asked, BlockList> listed = new LinkedHashMap<>();
    private final Map<Integer, BlockList> blockLists = new LinkedHashMap<>();
    private final List<PointerSearch> pointerSearches = new ArrayList<>();
    private final List<LeftOut> leftOut = new ArrayList<>();

    BlockActions(Monitor monitor, ContentsReading contents) {
        this.monitor = monitor;
        this.contents = contents;
    }

    /** A new leak search renumbered the loss records: the lists asked so far no longer match them. */
    void searchedAgain() {
        listed.clear();
        blockLists.clear();
    }

    /** The lists of the {@code block_list} actions (not the ones {@code who_points_at} looked through). */
    List<BlockList> blockLists() {
        return List.copyOf(blockLists.values());
    }

    List<PointerSearch> pointerSearches() {
        return pointerSearches;
    }

    List<LeftOut> leftOut() {
        return leftOut;
    }

    /** Lists the blocks of the action's records (numbered, or every record of its kinds in {@code searched}). */
    void blockLists(BlockListAction action, List<LossRecord> searched) throws MiSessionException, StopFailure {
        List<Integer> numbers = action.records().isEmpty()
                ? ofKinds(searched, action.kinds()).stream().map(LossRecord::number).toList() : action.records();
        for (int number : numbers) {
            BlockList list = blockList(number, action.limit());
            blockLists.put(number, action.contents() == 0 ? list : withContents(list, action.contents()));
            long cut = list.header().blocks() - list.blocks().size();
            if (action.limit().isPresent() && cut > 0) {
                leftOut.add(new LeftOut("block_list", number, action.limit().getAsInt(), list.blocks().size(), cut));
            }
        }
    }

    /**
     * Searches who points at one address, or at the largest blocks of the records of the action's kinds: records
     * are listed by direct bytes, the largest first, until no further record can hold a block larger than the
     * ones found (a record's blocks are at most its direct bytes).
     */
    void whoPointsAt(WhoPointsAtAction action, List<LossRecord> searched) throws MiSessionException, StopFailure {
        if (action.address().isPresent()) {
            search(action.address().getAsLong(), action.length());
            return;
        }
        int limit = action.limit().orElse(Integer.MAX_VALUE);
        List<LossRecord> records = new ArrayList<>(ofKinds(searched, action.kinds()));
        records.sort(Comparator.comparingLong(LossRecord::directBytes).reversed());
        List<Block> candidates = new ArrayList<>();
        for (LossRecord record : records) {
            if (candidates.size() >= limit && record.directBytes() <= candidates.get(limit - 1).size()) {
                break;
            }
            candidates.addAll(blockList(record.number(), OptionalInt.of(Math.max(CANDIDATES, limit))).blocks());
            candidates.sort(Comparator.comparingLong(Block::size).reversed());
        }
        List<Block> chosen = candidates.subList(0, Math.min(limit, candidates.size()));
        for (Block block : chosen) {
            // The whole block, so that interior pointers count too.
            search(block.address(), Math.max(1, block.size()));
        }
        long total = records.stream().mapToLong(LossRecord::blocks).sum();
        if (total > chosen.size()) {
            leftOut.add(new LeftOut("who_points_at", null, limit, chosen.size(), total - chosen.size()));
        }
    }

    private BlockList withContents(BlockList list, int bytes) throws MiSessionException, StopFailure {
        try {
            return contents.reader(bytes).read(List.of(list)).get(0);
        } catch (BlockContentsReader.ContentsUnreadable e) {
            throw new StopFailure("block_list " + list.lossRecord() + " contents: " + e.getMessage());
        }
    }

    private BlockList blockList(int number, OptionalInt limit) throws MiSessionException, StopFailure {
        BlockList known = listed.get(new Asked(number, limit));
        if (known != null) {
            return known;
        }
        String command = BlockListAction.monitorCommand(number, limit);
        String text = monitor.send(command);
        BlockListResult result = BlockListParser.parse(text);
        if (result.blockLists().isEmpty() || !result.errors().isEmpty()) {
            throw new StopFailure("'" + command + "' failed: " + complaint(result.errors(), text));
        }
        BlockList list = result.blockLists().get(0);
        listed.put(new Asked(number, limit), list);
        return list;
    }

    private void search(long address, long length) throws MiSessionException, StopFailure {
        String command = WhoPointsAtAction.monitorCommand(address, length);
        String text = monitor.send(command);
        WhoPointsAtResult result = WhoPointsAtParser.parse(text);
        if (result.search() == null || !result.errors().isEmpty()) {
            throw new StopFailure("'" + command + "' failed: " + complaint(result.errors(), text));
        }
        pointerSearches.add(result.search());
    }

    private static List<LossRecord> ofKinds(List<LossRecord> searched, Set<LossKind> kinds) {
        return searched.stream().filter(r -> LeakView.ofKinds(kinds, r)).toList();
    }

    /** The complaints in valgrind's words, or the first line of an answer that is not one. */
    static String complaint(List<MonitorError> errors, String text) {
        if (!errors.isEmpty()) {
            return String.join("; ", errors.stream().map(MonitorError::text).toList());
        }
        return text.isBlank() ? "no answer" : text.strip().lines().findFirst().orElse("");
    }
}
