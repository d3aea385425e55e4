package dev.vgharness.cli;

import dev.vgharness.vgdb.Executables;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code vgharness doctor --fix}: installs the tools vgharness needs that are not on PATH (valgrind, gdb, and gcc for
 * the plans' {@code build:} commands) with apt-get, through sudo when not root. Only when asked: the launchers never
 * install anything.
 *
 * @param environment the environment whose PATH is searched, for the tools and for apt-get and sudo
 * @param root        whether this process runs as root (no sudo then)
 * @param deadline    how long each apt-get may take
 */
record ToolInstall(Map<String, String> environment, boolean root, Duration deadline) {

    /** The tools checked, each the name of its Debian/Ubuntu package too. */
    static final List<String> TOOLS = List.of("valgrind", "gdb", "gcc");

    ToolInstall {
        environment = Map.copyOf(environment);
    }

    /** This process's environment and user; 20 minutes per apt-get (a slow mirror). */
    static ToolInstall here() {
        return new ToolInstall(System.getenv(), isRoot(), Duration.ofMinutes(20));
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The packages of the tools not found on PATH, in the order of {@link #TOOLS}. */
    List<String> missing() {
        return TOOLS.stream().filter(tool -> find(tool).isEmpty()).toList();
    }

    /** The install command as it will be run: {@code [sudo] apt-get install -y --no-install-recommends PACKAGES}. */
    List<String> installCommand(List<String> packages) {
        List<String> argv = new ArrayList<>(aptGet("install", "-y", "--no-install-recommends"));
        argv.addAll(packages);
        return argv;
    }

    /**
     * Installs {@code packages} when {@code confirm} accepts the install command (shown as one line): apt-get update,
     * then install. Returns false when declined; throws when apt-get or sudo is missing, fails or takes too long.
     */
    boolean install(List<String> packages, Predicate<String> confirm, PrintWriter out) {
        if (find("apt-get").isEmpty()) {
            throw new IllegalStateException("no apt-get here: install " + String.join(" ", packages)
                    + " with this system's package manager");
        }
        if (!root && find("sudo").isEmpty()) {
            throw new IllegalStateException("not root and no sudo: as root run " + String.join(" ",
                    installCommand(packages)));
        }
        String shown = String.join(" ", installCommand(packages));
        if (!confirm.test(shown)) {
            return false;
        }
        out.println("vgharness: " + shown);
        out.flush();
        run(aptGet("update", "-qq"));
        run(installCommand(packages));
        return true;
    }

    private List<String> aptGet(String... args) {
        List<String> argv = new ArrayList<>();
        if (!root) {
            argv.add(find("sudo").map(Path::toString).orElse("sudo"));
        }
        argv.add(find("apt-get").map(Path::toString).orElse("apt-get"));
        argv.addAll(List.of(args));
        return argv;
    }

    /** Runs {@code argv} on this terminal (sudo may ask for a password) within the deadline; throws unless exit 0. */
    private void run(List<String> argv) {
        ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process p = builder.start();
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", argv) + " took longer than " + deadline);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed with exit " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", argv), e);
        }
    }

    private Optional<Path> find(String name) {
        return Executables.find(name, environment.getOrDefault("PATH", ""), Path.of("").toAbsolutePath());
    }
}
