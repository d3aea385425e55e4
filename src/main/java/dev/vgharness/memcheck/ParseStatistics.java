package dev.vgharness.memcheck;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Counts of what a Memcheck text holds and how fast it was parsed (reading and decoding included), without keeping
 * any of it: {@code parse memcheck --stats}.
 */
public record ParseStatistics(
        long lossRecords,
        long frames,
        long blocks,
        long blockLists,
        long pointerSearches,
        long errors,
        long leakSummaries,
        long lines,
        long bytes,
        long nanos) {

    /** Parses a stream to its end, counting. */
    public static ParseStatistics measure(InputStream in) {
        CountingStream counted = new CountingStream(in);
        Counter counter = new Counter();
        MemcheckTextParser parser = new MemcheckTextParser(MemcheckTextParser.Context.AUTO, counter);
        long lines = 0;
        long start = System.nanoTime();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                parser.accept(line);
                lines++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parser.finish();
        long nanos = System.nanoTime() - start;
        return new ParseStatistics(counter.lossRecords, counter.frames, counter.blocks, counter.blockLists,
                counter.searches, counter.errors, counter.summaries, lines, counted.count, nanos);
    }

    public double seconds() {
        return nanos / 1e9;
    }

    /** Input megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
        return nanos == 0 ? 0 : bytes / 1e6 / seconds();
    }

    /** Counts items as they are reported and drops them. */
    static final class Counter implements MemcheckListener {
        long lossRecords;
        long frames;
        long blocks;
        long blockLists;
        long searches;
        long errors;
        long summaries;

        @Override
        public void lossRecord(LossRecord record) {
            lossRecords++;
            frames += record.stack().size();
        }

        @Override
        public void blockList(BlockList blockList) {
            blockLists++;
            frames += blockList.header().stack().size();
            for (Block block : blockList.blocks()) {
                blocks += 1 + block.indirect().size();
            }
        }

        @Override
        public void pointerSearch(PointerSearch search) {
            searches++;
        }

        @Override
        public void memcheckError(MemcheckError error) {
            errors++;
            frames += error.stack().size() + error.auxiliaryStack().size();
        }

        @Override
        public void leakSummary(LeakSummary summary) {
            summaries++;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
