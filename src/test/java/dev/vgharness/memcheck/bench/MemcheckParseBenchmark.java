package dev.vgharness.memcheck.bench;

import dev.vgharness.memcheck.ParseStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Parse throughput of a leak_check plus block_list answer of about 1 M lines (1,000 loss records, stacks of 500
 * frames), bytes in, items counted out, nothing kept: the streaming path of {@code parse memcheck --stats}.
 * Divide the input size printed at setup by the average time for MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class MemcheckParseBenchmark {

    @Param({"1000"})
    public int records;

    @Param({"500"})
    public int depth;

    private byte[] answer;

    @Setup
    public void generate() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 27);
        LeakTextGenerator.write(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), records, depth);
        answer = bytes.toByteArray();
        ParseStatistics check = ParseStatistics.measure(new ByteArrayInputStream(answer));
        System.out.printf("%ninput: %,d bytes, %,d lines, %,d loss records, %,d block lists, %,d frames%n",
                answer.length, check.lines(), check.lossRecords(), check.blockLists(), check.frames());
    }

    @Benchmark
    public ParseStatistics parseStreaming() {
        return ParseStatistics.measure(new ByteArrayInputStream(answer));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(MemcheckParseBenchmark.class.getSimpleName()).build()).run();
    }
}
