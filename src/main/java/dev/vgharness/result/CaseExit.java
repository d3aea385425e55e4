package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * How the target ended: {@code {"status": "exited", "code": 0, "signal": null}}; status is exited, signaled,
 * timeout or detached; the code only when exited, the signal name ({@code SIGSEGV}) only when signaled.
 */
public record CaseExit(Status status, Integer code, String signal) {

    /** How a case's target ended; written in lower case ({@code "exited"}). */
    public enum Status {
        EXITED, SIGNALED, TIMEOUT, DETACHED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CaseExit {
        requireNonNull(status, "status is null");
    }

    public static CaseExit exited(int code) {
        return new CaseExit(Status.EXITED, code, null);
    }

    public static CaseExit signaled(String signal) {
        return new CaseExit(Status.SIGNALED, null, signal);
    }

    public static CaseExit timeout() {
        return new CaseExit(Status.TIMEOUT, null, null);
    }

    public static CaseExit detached() {
        return new CaseExit(Status.DETACHED, null, null);
    }
}
