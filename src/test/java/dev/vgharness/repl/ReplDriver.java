package dev.vgharness.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives a scripted REPL ({@link Repl#scripted}) line by line, as a script piping into {@code vgharness repl} would,
 * and hands back each command's answer: every command is followed by {@code :help}, whose known last line marks
 * the end of the answer.
 */
final class ReplDriver implements AutoCloseable {

    private static final String END = ColonCommands.HELP.strip().lines().reduce((a, b) -> b).orElseThrow();
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final PipedWriter input = new PipedWriter();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private int answered;
    private int consumed;

    ReplDriver(ReplOptions options) {
        try {
            BufferedReader in = new BufferedReader(new PipedReader(input, 1 << 16));
            Thread t = new Thread(() -> exit.complete(Repl.scripted(options, "test", in,
                    new PrintWriter(new BufferWriter(out), true), new PrintWriter(new BufferWriter(err), true))),
                    "repl-under-test");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one line and returns what the REPL printed for it (startup output comes with the first one). */
    String send(String line) throws Exception {
        write(line + "\n:help\n");
        answered++;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (count(out.toString(), END) < answered) {
            if (System.nanoTime() > deadline || exit.isDone()) {
                throw new AssertionError("no answer to '" + line + "'; output so far:\n" + out + "\nerrors:\n" + err);
            }
            Thread.sleep(20);
        }
        String all = out.toString();
        int end = all.lastIndexOf(ColonCommands.HELP.lines().findFirst().orElseThrow());
        String answer = all.substring(consumed, end);
        consumed = all.indexOf(END, end) + END.length() + 1;
        return answer;
    }

    /** Sends the last line(s) without a marker and waits for the session to end; returns its exit status. */
    int finish(String lines) throws Exception {
        write(lines);
        input.close();
        return exit.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    String errors() {
        return err.toString();
    }

    String output() {
        return out.toString();
    }

    private void write(String text) throws IOException {
        input.write(text);
        input.flush();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            finish(":quit\n");
        }
    }

    /** A writer into a shared buffer. */
    private static final class BufferWriter extends Writer {
        private final StringBuffer buffer;

        BufferWriter(StringBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            buffer.append(chars, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
