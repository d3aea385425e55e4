package dev.vgharness.result;

/** Why the target stopped: {@code "reason": "breakpoint"} or {@code "error"} (a Memcheck error, {@code on_error:}). */
public enum StopReason {
    BREAKPOINT, ERROR
}
