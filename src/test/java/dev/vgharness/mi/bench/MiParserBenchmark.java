package dev.vgharness.mi.bench;

import dev.vgharness.mi.MiLineReader;
import dev.vgharness.mi.MiParseException;
import dev.vgharness.mi.MiParser;
import dev.vgharness.mi.MiRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput of {@link MiParser} on a corpus of real gdb transcripts, string decoding included (every C
 * string becomes a Java string while the record is built). One operation is one pass over the whole corpus;
 * {@code scripts/bench-mi} turns the time into MB/s. The corpus is {@code -Dvgharness.bench.corpus=FILE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// The launcher's GC (scripts/vgharness): parsing allocates a lot, and G1's barriers and threads cost on 2 cores.
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class MiParserBenchmark {

    private List<String> lines;
    private MiParser parser;

    @Setup
    public void load() throws IOException {
        Path corpus = Path.of(System.getProperty("vgharness.bench.corpus", "target/bench-mi/corpus.mi"));
        lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(corpus)) {
            MiLineReader reader = new MiLineReader(in);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        parser = new MiParser();
    }

    @Benchmark
    public void parseCorpus(Blackhole sink) throws MiParseException {
        int number = 0;
        for (String line : lines) {
            MiRecord record = parser.parse(line, ++number);
            sink.consume(record);
        }
    }
}
