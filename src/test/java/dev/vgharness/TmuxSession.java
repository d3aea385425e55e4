package dev.vgharness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program on a real terminal: a tmux server of its own (a socket named after this JVM and the session), one session
 * that runs a shell command, keys sent to it and its screen read back. {@link #close()} kills the server.
 */
public final class TmuxSession implements AutoCloseable {

    private final String socket;

    private TmuxSession(String socket) {
        this.socket = socket;
    }

    /** Starts {@code command} (a shell command line) on a 200x50 terminal. */
    public static TmuxSession start(String name, String command) throws IOException, InterruptedException {
        TmuxSession session = new TmuxSession("vgh-" + name + "-" + ProcessHandle.current().pid());
        session.tmux("new-session", "-d", "-x", "200", "-y", "50", command);
        return session;
    }

    /** Sends keys, as tmux send-keys names them ({@code Enter}, {@code Tab}, {@code C-c}, or text). */
    public void send(String... keys) throws IOException, InterruptedException {
        tmux("send-keys", keys);
    }

    /** The screen (with 200 lines of scroll-back) once it shows what {@code shown} waits for, within 60 s. */
    public String awaitScreen(Predicate<String> shown) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-S", "-200").strip();
            if (shown.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed what was expected:\n" + screen);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tmux("kill-server");
    }

    private String tmux(String command, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket, command));
        if (command.equals("new-session")) {
            argv.addAll(List.of("-s", "vgh"));
        } else if (command.equals("send-keys") || command.equals("capture-pane")) {
            argv.addAll(List.of("-t", "vgh"));
        }
        argv.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
