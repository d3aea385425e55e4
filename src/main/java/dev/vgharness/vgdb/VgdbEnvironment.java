package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment for valgrind and, later, for gdb and vgdb. Valgrind names its FIFOs
 * {@code <prefix>-from-vgdb-to-<pid>-by-<LOGNAME|USER>-on-<HOST|HOSTNAME>} and vgdb rebuilds the names from
 * its own environment, so both get the same explicit LOGNAME, USER, HOST and HOSTNAME (bash does not export
 * HOSTNAME, which is how {@code error opening ...-by-???-on-??? shared memory file} happens).
 */
final class VgdbEnvironment {

    private VgdbEnvironment() {
    }

    /** The JVM's environment, plus {@code additions}, with the four identity variables pinned. */
    static Map<String, String> build(Map<String, String> additions) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(additions);
        String user = safe(firstOf(env.get("LOGNAME"), env.get("USER"), System.getProperty("user.name")));
        String host = safe(firstOf(env.get("HOST"), env.get("HOSTNAME"), kernelHostname()));
        env.put("LOGNAME", user);
        env.put("USER", user);
        env.put("HOST", host);
        env.put("HOSTNAME", host);
        return Map.copyOf(env);
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "vgharness";
    }

    /** Only characters that are safe inside a file name (the names end up in FIFO names). */
    private static String safe(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() ? "vgharness" : cleaned;
    }

    private static String kernelHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
