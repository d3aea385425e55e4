package dev.vgharness.mi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One line of GDB/MI output. {@code 12^done,bkpt={...}} is a {@link Result}, {@code *stopped,...} an
 * {@link Async} of kind exec, {@code @"==7== LEAK SUMMARY:\n"} a {@link Stream} of kind target, {@code (gdb) }
 * the {@link Prompt}, and a line that is not MI at all (the program's own output) an {@link Output}.
 */
public sealed interface MiRecord {

    /** {@code token^class,results}: the answer to a command. Class is done, running, connected, error or exit. */
    record Result(Optional<Long> token, String resultClass, List<MiResult> results) implements MiRecord, MiFields {
        public Result {
            requireNonNull(token, "token is null");
            requireNonNull(resultClass, "resultClass is null");
            results = List.copyOf(results);
        }

        public boolean isError() {
            return resultClass.equals("error");
        }
    }

    /** The three kinds of asynchronous record, by their mark. */
    enum AsyncKind {
        EXEC('*'), STATUS('+'), NOTIFY('=');

        private final char mark;

        AsyncKind(char mark) {
            this.mark = mark;
        }

        public char mark() {
            return mark;
        }

        static AsyncKind of(char mark) {
            return switch (mark) {
                case '*' -> EXEC;
                case '+' -> STATUS;
                case '=' -> NOTIFY;
                default -> throw new IllegalArgumentException("not an async mark: " + mark);
            };
        }
    }

    /** {@code *stopped,reason="breakpoint-hit",...}, {@code =thread-created,id="2"}, {@code +download,...}. */
    record Async(AsyncKind kind, Optional<Long> token, String asyncClass, List<MiResult> results)
            implements MiRecord, MiFields {
        public Async {
            requireNonNull(kind, "kind is null");
            requireNonNull(token, "token is null");
            requireNonNull(asyncClass, "asyncClass is null");
            results = List.copyOf(results);
        }
    }

    /** The three stream kinds, by their mark: console {@code ~}, target {@code @}, log {@code &}. */
    enum StreamKind {
        CONSOLE('~'), TARGET('@'), LOG('&');

        private final char mark;

        StreamKind(char mark) {
            this.mark = mark;
        }

        public char mark() {
            return mark;
        }

        static StreamKind of(char mark) {
            return switch (mark) {
                case '~' -> CONSOLE;
                case '@' -> TARGET;
                case '&' -> LOG;
                default -> throw new IllegalArgumentException("not a stream mark: " + mark);
            };
        }
    }

    /** {@code ~"text"}: the C string decoded (escapes to bytes, bytes as UTF-8). */
    record Stream(StreamKind kind, String text) implements MiRecord {
        public Stream {
            requireNonNull(kind, "kind is null");
            requireNonNull(text, "text is null");
        }
    }

    /** The {@code (gdb) } prompt. Not a delimiter: gdb prints it at odd times. */
    record Prompt() implements MiRecord {
    }

    /** A line that is not MI at all, such as the inferior's own output that gdb lets through. */
    record Output(String text) implements MiRecord {
        public Output {
            requireNonNull(text, "text is null");
        }
    }
}
