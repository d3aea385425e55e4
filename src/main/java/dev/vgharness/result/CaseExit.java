package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

/**
 * How the target ended: {@code {"status": "exited", "code": 0, "signal": null}}; status is exited, signaled,
 * timeout or detached; the code only when exited, the signal name ({@code SIGSEGV}) only when signaled.
 */
public record CaseExit(String status, Integer code, String signal) {

    public CaseExit {
        requireNonNull(status, "status is null");
    }

    public static CaseExit exited(int code) {
        return new CaseExit("exited", code, null);
    }

    public static CaseExit signaled(String signal) {
        return new CaseExit("signaled", null, signal);
    }

    public static CaseExit timeout() {
        return new CaseExit("timeout", null, null);
    }

    public static CaseExit detached() {
        return new CaseExit("detached", null, null);
    }
}
