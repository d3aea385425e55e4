package dev.vgharness.result;

import java.util.List;

/**
 * The watched process: {@code {"pid": 4242, "command": ["./daemon", "heap"]}}.
 *
 * @param command its argv from /proc/PID/cmdline (or as given after {@code --})
 * @param started true when vgharness started it ({@code watch -- PROG}) and so ends it; false for {@code --pid}
 */
public record WatchTarget(long pid, List<String> command, boolean started) {

    public WatchTarget {
        command = List.copyOf(command);
    }
}
