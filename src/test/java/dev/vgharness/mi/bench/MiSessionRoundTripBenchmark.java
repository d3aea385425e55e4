package dev.vgharness.mi.bench;

import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.MiOutput;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The round trip of a trivial command in a live gdb session ({@code -data-evaluate-expression 1}): token, write,
 * gdb's answer, the reader thread's parse, the caller woken. Sample mode gives the median (p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class MiSessionRoundTripBenchmark {

    private MiSession gdb;

    @Setup
    public void start() throws MiSessionException {
        gdb = MiSession.start(GdbLaunch.defaults());
    }

    @TearDown
    public void stop() {
        gdb.close();
    }

    @Benchmark
    public MiOutput trivialCommand() throws MiSessionException {
        return gdb.send("-data-evaluate-expression 1");
    }
}
