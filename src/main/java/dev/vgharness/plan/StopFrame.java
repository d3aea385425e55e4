package dev.vgharness.plan;

/**
 * Where a stop happened: {@code {"function": "handle", "file": "server.c", "line": 217, "address": "0x109205"}}.
 * File and line are null without debug information.
 */
public record StopFrame(String function, String file, Integer line, long address) {
}
