package dev.vgharness.memcheck;

import dev.vgharness.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builders for expected values in golden tests, and access to recorded answers. */
final class Golden {

    static final String VGPRELOAD = "/usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so";
    static final StackFrame MALLOC = obj(0x48417B4L, "malloc", VGPRELOAD);

    private Golden() {
    }

    static StackFrame obj(long address, String function, String object) {
        return new StackFrame(address, function, null, null, object);
    }

    /** A frame in leaks.c whose line is that of a MARK. */
    static StackFrame leaks(long address, String function, String mark) {
        return new StackFrame(address, function, "leaks.c", Fixtures.line("src/leaks.c", mark), null);
    }

    static StackFrame src(long address, String function, String file, int line) {
        return new StackFrame(address, function, file, line, null);
    }

    /** A record without deltas or indirect part. */
    static LossRecord record(int number, int of, LeakKind kind, long bytes, long blocks, StackFrame... stack) {
        return new LossRecord(number, of, kind, bytes, bytes, 0, blocks, null, null, null, null, false, List.of(stack));
    }

    static LeakTotals totals(long bytes, long blocks) {
        return new LeakTotals(bytes, blocks, null, null);
    }

    static LeakTotals totals(long bytes, long bytesDelta, long blocks, long blocksDelta) {
        return new LeakTotals(bytes, blocks, bytesDelta, blocksDelta);
    }

    static String answer(String name) {
        return Fixtures.read("memcheck/" + name);
    }

    /**
     * The monitor text of one MI command in a recorded transcript: the {@code @"..."} payloads after the
     * {@code -> } line that contains {@code command}, up to the next command, decoded and joined.
     */
    static String miAnswer(String transcript, String command) {
        StringBuilder text = new StringBuilder();
        boolean inside = false;
        for (String line : answer(transcript).split("\n")) {
            int arrow = line.indexOf("-> ");
            if (arrow >= 0 && line.indexOf("<- ") < 0) {
                if (inside) {
                    break;
                }
                inside = line.contains(command);
            } else if (inside && line.contains("<- @\"")) {
                String payload = line.substring(line.indexOf("<- @\"") + 5, line.length() - 1);
                text.append(unescape(payload));
            }
        }
        return text.toString();
    }

    /** C-string unescaping as gdb writes stream records (octal escapes are bytes of UTF-8). */
    static String unescape(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = s.charAt(++i);
            if (e >= '0' && e <= '7') {
                bytes.write(Integer.parseInt(s.substring(i, i + 3), 8));
                i += 2;
            } else {
                bytes.write(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
