package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

/**
 * How the target ended: {@code {"status": "exited", "code": 0, "signal": null}}; status is exited, signaled,
 * timeout or detached; the code only when exited, the signal name ({@code SIGSEGV}) only when signaled.
 */
public record ExitInfo(String status, Integer code, String signal) {

    public ExitInfo {
        requireNonNull(status, "status is null");
    }

    public static ExitInfo exited(int code) {
        return new ExitInfo("exited", code, null);
    }

    public static ExitInfo signaled(String signal) {
        return new ExitInfo("signaled", null, signal);
    }

    public static ExitInfo timeout() {
        return new ExitInfo("timeout", null, null);
    }

    public static ExitInfo detached() {
        return new ExitInfo("detached", null, null);
    }
}
