package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The line-by-line state machine behind every text parser: feed it the lines of monitor answers or of a whole
 * valgrind log ({@link #accept}), then {@link #finish}; it reports each loss record, block list, summary, pointer
 * search, error and complaint to a {@link MemcheckListener} as soon as it is complete. Memory use is bounded by the
 * largest single item, never by the length of the text.
 * <pre>
 * ==7394== 16 bytes in 1 blocks are definitely lost in loss record 1 of 7
 * ==7394==    at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 * ==7394==
 * </pre>
 */
public final class MemcheckTextParser {

    /** What a loss-record header not followed by a blank line belongs to. */
    public enum Context {
        /** Any text: a record closed by a blank line is a leak_check record, otherwise a block_list record. */
        AUTO,
        /** A leak_check answer: every record is a loss record. */
        LEAK_CHECK,
        /** A block_list answer: every record is a block list, even with no block lines. */
        BLOCK_LIST
    }

    private enum Mode { IDLE, RECORD, BLOCKS, SUMMARY, SEARCH, ERROR, HEAP, SUPPRESSION }

    private final MemcheckListener listener;
    private final Context context;
    private Mode mode = Mode.IDLE;
    private LossRecord header;
    private List<StackFrame> frames;
    private List<Block> blocks;
    private BlockLineGroup block;
    private SummaryBuilder summary;
    private PointerSearchBuilder search;
    private ErrorBuilder error;
    private ErrorBuilder heldError;
    private StringBuilder suppression;
    private String pendingWhat;
    private long pendingCount = 1;
    private long[] heap;
    private long lineNumber;

    public MemcheckTextParser(Context context, MemcheckListener listener) {
        this.context = requireNonNull(context, "context is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** Parses all of a text. */
    public static void parse(String text, Context context, MemcheckListener listener) {
        parse(new StringReader(text), context, listener);
    }

    /** Parses a reader line by line without holding its text; does not close it. */
    public static void parse(Reader reader, Context context, MemcheckListener listener) {
        MemcheckTextParser parser = new MemcheckTextParser(context, listener);
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                parser.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parser.finish();
    }

    /** Parses lines from an iterator (for example lines decoded from MI stream records). */
    public static void parse(Iterator<String> lines, Context context, MemcheckListener listener) {
        MemcheckTextParser parser = new MemcheckTextParser(context, listener);
        while (lines.hasNext()) {
            parser.accept(lines.next());
        }
        parser.finish();
    }

    /**
     * Takes one line, without its line terminator.
     *
     * @throws MemcheckTextException when a counted line (LEAK SUMMARY, HEAP SUMMARY, loss record header, error
     *     count) has numbers that cannot be read
     */
    public void accept(String line) {
        lineNumber++;
        int start = LinePrefix.bodyStart(line);
        if (LinePrefix.isDebug(line, start)) {
            return;
        }
        String body = start == 0 ? line : line.substring(start);
        if (mode == Mode.SUPPRESSION) {
            suppressionLine(body);
            return;
        }
        if (start == 0 && body.equals("{")) {
            suppression = new StringBuilder("{\n");
            mode = Mode.SUPPRESSION;
            return;
        }
        releaseHeldError();
        if (body.isEmpty()) {
            endParagraph();
        } else if (FrameLines.isFrame(body)) {
            frame(body);
        } else if (!continueMode(body)) {
            classify(body, start > 0);
        }
    }

    /** Ends the text: reports whatever is still open. */
    public void finish() {
        if (mode == Mode.SUPPRESSION) {
            mode = Mode.IDLE;
        }
        flush(false);
        releaseHeldError();
    }

    private void frame(String body) {
        StackFrame frame = FrameLines.parse(body);
        if (frame == null) {
            return;
        }
        switch (mode) {
            case RECORD -> frames.add(frame);
            case ERROR -> error.frameTarget().add(frame);
            case SEARCH -> search.accept(body);
            case IDLE -> startErrorWith(frame);
            default -> {
                // frames after block lines or inside a summary belong to nothing we report
            }
        }
    }

    private void startErrorWith(StackFrame frame) {
        if (pendingWhat == null) {
            return;
        }
        error = new ErrorBuilder(pendingWhat, pendingCount);
        error.frameTarget().add(frame);
        pendingWhat = null;
        pendingCount = 1;
        mode = Mode.ERROR;
    }

    /** Gives the line to the item being collected; false when it ends that item. */
    private boolean continueMode(String body) {
        switch (mode) {
            case RECORD, BLOCKS -> {
                return blockLine(body);
            }
            case SUMMARY -> {
                return summary.accept(body);
            }
            case SEARCH -> {
                return search.accept(body);
            }
            case ERROR -> {
                if (body.charAt(0) != ' ') {
                    return false;
                }
                error.auxiliary(body.substring(1));
                return true;
            }
            case HEAP -> {
                return heapLine(body);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean blockLine(String body) {
        LeakLines.BlockLine line = LeakLines.blockLine(body);
        if (line == null) {
            return false;
        }
        if (mode == Mode.RECORD) {
            blocks = new ArrayList<>();
            mode = Mode.BLOCKS;
        }
        if (line.depth() == 0 || block == null) {
            finishBlock();
            block = new BlockLineGroup(line);
        } else {
            block.indirect.add(new IndirectBlock(line.address(), line.size(), line.lossRecord(), line.depth()));
        }
        return true;
    }

    private void classify(String body, boolean prefixed) {
        LossRecord record = LeakLines.header(body);
        if (record != null) {
            flush(false);
            header = record;
            frames = new ArrayList<>();
            mode = Mode.RECORD;
        } else if (!classifyLeakLine(body) && !classifyOtherLine(body)) {
            String counted = CountedLines.unparsed(body);
            if (counted != null) {
                throw CountedLines.unreadable(lineNumber, counted, body);
            }
            MonitorError complaint = MonitorErrors.classify(body);
            if (complaint != null) {
                flush(false);
                listener.monitorError(complaint);
            } else if (prefixed && body.charAt(0) != ' ') {
                flush(false);
                pendingWhat = body;
            }
        }
    }

    private boolean classifyLeakLine(String body) {
        if (body.equals("LEAK SUMMARY:")) {
            flush(false);
            summary = new SummaryBuilder();
            mode = Mode.SUMMARY;
        } else if (body.startsWith("Searching for pointers ")) {
            flush(false);
            search = PointerSearchBuilder.start(body);
            mode = search == null ? Mode.IDLE : Mode.SEARCH;
        } else if (body.equals("All heap blocks were freed -- no leaks are possible")) {
            flush(false);
            listener.noLeaksPossible();
        } else if (body.startsWith("xtree leak report: ")) {
            flush(false);
            listener.xtreeReport(body.substring("xtree leak report: ".length()));
        } else if (isHint(body)) {
            flush(false);
            listener.leakHint(body);
        } else {
            return false;
        }
        return true;
    }

    private static boolean isHint(String body) {
        return body.startsWith("To see details of leaked memory")
                || body.startsWith("Reachable blocks (those to which a pointer was found) are not shown.")
                || body.startsWith("To see them, ")
                || body.startsWith("Rerun with --leak-check=full");
    }

    private boolean classifyOtherLine(String body) {
        if (body.startsWith("n_errs_found ")) {
            ErrorCounts counts = SummaryLines.errorCounts(body);
            if (counts == null) {
                return false;
            }
            flush(false);
            listener.errorCounts(counts);
        } else if (body.startsWith("ERROR SUMMARY: ")) {
            ErrorSummary errors = SummaryLines.errorSummary(body);
            if (errors == null) {
                return false;
            }
            flush(false);
            listener.errorSummary(errors);
        } else if (body.equals("HEAP SUMMARY:")) {
            flush(false);
            heap = new long[] {-1, -1, -1, -1, -1};
            mode = Mode.HEAP;
        } else if (SummaryLines.errorContextCount(body) > 0) {
            flush(false);
            pendingCount = SummaryLines.errorContextCount(body);
        } else {
            return false;
        }
        return true;
    }

    private boolean heapLine(String body) {
        return SummaryLines.heapLine(body, heap);
    }

    private void suppressionLine(String body) {
        suppression.append(body).append('\n');
        if (body.equals("}")) {
            if (heldError != null) {
                heldError.suppression(suppression.toString());
            }
            suppression = null;
            mode = Mode.IDLE;
        }
    }

    /** A blank line ends whatever was being collected; a record closed this way is a leak_check record. */
    private void endParagraph() {
        flush(true);
        pendingWhat = null;
        pendingCount = 1;
    }

    private void flush(boolean byBlankLine) {
        switch (mode) {
            case RECORD -> finishRecord(byBlankLine);
            case BLOCKS -> {
                finishBlock();
                listener.blockList(new BlockList(header.withStack(frames), blocks));
            }
            case SUMMARY -> listener.leakSummary(summary.build());
            case SEARCH -> listener.pointerSearch(search.build());
            case ERROR -> heldError = error;
            case HEAP -> finishHeap();
            default -> {
                // nothing open
            }
        }
        mode = Mode.IDLE;
        header = null;
        frames = null;
        blocks = null;
        summary = null;
        search = null;
        error = null;
    }

    private void finishRecord(boolean byBlankLine) {
        LossRecord record = header.withStack(frames);
        boolean lossRecord = context == Context.LEAK_CHECK || (context == Context.AUTO && byBlankLine);
        if (lossRecord) {
            listener.lossRecord(record);
        } else {
            listener.blockList(new BlockList(record, List.of()));
        }
    }

    private void finishBlock() {
        if (block != null) {
            blocks.add(new Block(block.address, block.size, block.heuristic, block.indirect));
            block = null;
        }
    }

    /** Valgrind always prints both lines: a heap summary with one of them missing is unknown, not zero. */
    private void finishHeap() {
        if (heap[0] >= 0 && heap[2] >= 0) {
            listener.heapSummary(new HeapSummary(heap[0], heap[1], heap[2], heap[3], heap[4]));
        }
        heap = null;
    }

    private void releaseHeldError() {
        if (heldError != null) {
            listener.memcheckError(heldError.build());
            heldError = null;
        }
    }

    /** A listed block and the indirect blocks printed under it. */
    private static final class BlockLineGroup {
        final long address;
        final long size;
        final String heuristic;
        final List<IndirectBlock> indirect = new ArrayList<>();

        BlockLineGroup(LeakLines.BlockLine line) {
            this.address = line.address();
            this.size = line.size();
            this.heuristic = line.heuristic();
        }
    }
}
