package dev.vgharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a person is watching. Decided from stderr alone, where the live status goes: stdout is often piped
 * ({@code | tee log}) while stderr still shows on the terminal, and {@code System.console()} wants both.
 */
final class Terminal {

    private Terminal() {
    }

    /** Whether file descriptor 2 is a terminal (Linux: {@code /proc/self/fd/2} names a tty) and TERM is not dumb. */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** {@code NO_COLOR} set to anything but the empty string (no-color.org). */
    static boolean noColor(Map<String, String> environment) {
        String value = environment.get("NO_COLOR");
        return value != null && !value.isEmpty();
    }
}
