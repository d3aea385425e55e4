package dev.vgharness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A plain gdb attached to a process and letting it run ({@code gdb -batch -p PID -ex continue}): another tracer. */
final class OtherTracer implements AutoCloseable {

    private final Process gdb;

    private OtherTracer(Process gdb) {
        this.gdb = gdb;
    }

    /** Attaches and waits until the process shows it as its tracer. */
    static OtherTracer attach(long pid) throws IOException, InterruptedException {
        Process gdb = new ProcessBuilder("gdb", "-nx", "-batch", "-p", Long.toString(pid), "-ex", "continue")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        OtherTracer tracer = new OtherTracer(gdb);
        Path status = Path.of("/proc", Long.toString(pid), "status");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(status).contains("TracerPid:\t" + gdb.pid() + "\n")) {
            if (System.nanoTime() > end) {
                tracer.close();
                throw new IllegalStateException("gdb did not attach to " + pid);
            }
            Thread.sleep(20);
        }
        return tracer;
    }

    long pid() {
        return gdb.pid();
    }

    /** Kills gdb; the kernel detaches it (it set no breakpoints), and the process runs on. */
    @Override
    public void close() throws InterruptedException {
        gdb.destroyForcibly();
        gdb.waitFor(10, TimeUnit.SECONDS);
    }
}
