package dev.vgharness.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The standard streams of one command line: the process's own in production, buffers in tests. Commands write
 * text through picocli's {@code getOut()} and {@code getErr()} (made from these); the raw streams are for bytes
 * passed through as they are (the target's output with {@code --show-output}, check's stdin).
 */
record Console(InputStream in, PrintStream out, PrintStream err) {

    static Console system() {
        return new Console(System.in, System.out, System.err);
    }

    PrintWriter outWriter() {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }

    PrintWriter errWriter() {
        return new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }
}
