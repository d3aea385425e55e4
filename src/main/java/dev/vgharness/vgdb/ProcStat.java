package dev.vgharness.vgdb;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The fields of {@code /proc/PID/stat} after the command name: {@code 4242 (a b) c) S 1 4242 ...} gives
 * {@code [S, 1, 4242, ...]}, the state first (field 3 of proc(5) is index 0). The name may hold spaces and
 * parentheses, so the fields start after its last {@code )}. Read into a small buffer: the shutdown and each case's end
 * read it for every process on the machine.
 */
final class ProcStat {

    private ProcStat() {
    }

    /** The fields of a process's stat, or empty when it is gone or the file cannot be read. */
    static Optional<String[]> fields(long pid) {
        return fields("/proc/" + pid + "/stat");
    }

    /** Likewise for a stat file by its path ({@code /proc/PID/stat}). */
    static Optional<String[]> fields(String statFile) {
        byte[] stat = new byte[1024];
        int n = 0;
        try (FileInputStream in = new FileInputStream(statFile)) {
            for (int r; n < stat.length && (r = in.read(stat, n, stat.length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        int close = n - 1;
        while (close >= 0 && stat[close] != ')') {
            close--;
        }
        if (close < 0) {
            return Optional.empty();
        }
        String tail = new String(stat, close + 2, n - close - 2, StandardCharsets.ISO_8859_1).strip();
        return tail.isEmpty() ? Optional.empty() : Optional.of(tail.split(" "));
    }

    /** Field {@code index} as a number, or -1 when there is no such field or it is not one. */
    static long number(String[] fields, int index) {
        try {
            return index < fields.length ? Long.parseLong(fields[index]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
