package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks that the harness can work here and says what to do when it cannot: valgrind and its vgdb, gdb 9.1 or
 * newer (MI3), that valgrind can run a program, Yama {@code /proc/sys/kernel/yama/ptrace_scope}, and a private
 * 0700 directory with a FIFO in the temp directory.
 */
public final class Doctor {

    private static final Toolchain.Version MIN_GDB = new Toolchain.Version(9, 1);
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(30);
    private static final long CAP_SYS_PTRACE = 19;

    private Doctor() {
    }

    /**
     * Where to look.
     *
     * @param valgrind    the valgrind binary, a name looked up on PATH or a path
     * @param gdb         the gdb binary, likewise
     * @param environment the environment (its PATH) for the lookup and for the tools
     * @param tmpDir      where private directories are made
     * @param yamaScope   the Yama ptrace_scope file (absent = no Yama)
     */
    public record Setup(String valgrind, String gdb, Map<String, String> environment, Path tmpDir, Path yamaScope) {
        public Setup {
            Objects.requireNonNull(valgrind, "valgrind is null");
            Objects.requireNonNull(gdb, "gdb is null");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(tmpDir, "tmpDir is null");
            Objects.requireNonNull(yamaScope, "yamaScope is null");
        }

        /** The JVM's environment and temp dir, the real Yama file. */
        public static Setup of(String valgrind, String gdb) {
            return new Setup(valgrind, gdb, System.getenv(), Path.of(System.getProperty("java.io.tmpdir")),
                    Path.of("/proc/sys/kernel/yama/ptrace_scope"));
        }
    }

    /** Every check, in a fixed order. */
    public static List<DoctorCheck> check(Setup setup) {
        List<DoctorCheck> checks = new ArrayList<>();
        String path = setup.environment().getOrDefault("PATH", "");
        Optional<Path> valgrind = Executables.find(setup.valgrind(), path, Path.of("").toAbsolutePath());
        checks.add(valgrindCheck(setup, valgrind));
        checks.add(vgdbCheck(setup, valgrind, path));
        checks.add(gdbCheck(setup, path));
        valgrind.ifPresent(v -> checks.add(valgrindRunsCheck(setup, v, path)));
        checks.add(ptraceCheck(setup.yamaScope()));
        checks.add(tmpDirCheck(setup, path));
        checks.add(leftoversCheck(setup.tmpDir()));
        return List.copyOf(checks);
    }

    /** True when no check found a problem. */
    public static boolean canWork(List<DoctorCheck> checks) {
        return checks.stream().allMatch(DoctorCheck::ok);
    }

    private static DoctorCheck valgrindCheck(Setup setup, Optional<Path> valgrind) {
        if (valgrind.isEmpty()) {
            return DoctorCheck.problem("valgrind", "'" + setup.valgrind() + "' not found or not executable",
                    "install valgrind (apt-get install valgrind) or pass --valgrind PATH");
        }
        return Toolchain.versionLine(valgrind.get(), setup.environment())
                .map(v -> DoctorCheck.ok("valgrind", v + " (" + valgrind.get() + ")"))
                .orElse(DoctorCheck.problem("valgrind", valgrind.get() + " --version failed",
                        "reinstall valgrind or pass a working one with --valgrind PATH"));
    }

    private static DoctorCheck vgdbCheck(Setup setup, Optional<Path> valgrind, String path) {
        Path vgdb = valgrind.map(v -> Toolchain.vgdbFor(v, path))
                .orElseGet(() -> Executables.find("vgdb", path, Path.of("")).orElse(Path.of("vgdb")));
        if (!Executables.isExecutableFile(vgdb)) {
            return DoctorCheck.problem("vgdb", "vgdb not found next to valgrind nor on PATH",
                    "install the valgrind package that ships vgdb, or put vgdb on PATH");
        }
        // vgdb has no --version; --help proves it runs, and it ships with the valgrind next to it.
        ShortCommand.Result help = ShortCommand.run(List.of(vgdb.toString(), "--help"), setup.environment(),
                Duration.ofSeconds(10));
        if (!help.succeeded()) {
            return DoctorCheck.problem("vgdb", vgdb + " --help failed: " + help.firstLine(), "reinstall valgrind");
        }
        return DoctorCheck.ok("vgdb", vgdb.toString());
    }

    private static DoctorCheck gdbCheck(Setup setup, String path) {
        Optional<Path> gdb = Executables.find(setup.gdb(), path, Path.of("").toAbsolutePath());
        if (gdb.isEmpty()) {
            return DoctorCheck.problem("gdb", "'" + setup.gdb() + "' not found or not executable",
                    "install gdb (apt-get install gdb) or pass --gdb PATH");
        }
        Optional<String> line = Toolchain.versionLine(gdb.get(), setup.environment());
        if (line.isEmpty()) {
            return DoctorCheck.problem("gdb", gdb.get() + " --version failed", "reinstall gdb or pass --gdb PATH");
        }
        Optional<Toolchain.Version> version = Toolchain.parseVersion(line.get());
        if (version.isPresent() && version.get().compareTo(MIN_GDB) < 0) {
            return DoctorCheck.problem("gdb", line.get() + " is older than " + MIN_GDB
                    + " (no MI3)", "install gdb " + MIN_GDB + " or newer, or pass --gdb PATH");
        }
        return DoctorCheck.ok("gdb", line.get() + " (" + gdb.get() + ")");
    }

    private static DoctorCheck valgrindRunsCheck(Setup setup, Path valgrind, String path) {
        Optional<Path> trueBinary = Executables.find("true", path, Path.of("").toAbsolutePath())
                .or(() -> Optional.of(Path.of("/bin/true")).filter(Executables::isExecutableFile));
        if (trueBinary.isEmpty()) {
            return DoctorCheck.ok("valgrind-runs", "not tried (no 'true' program to run)");
        }
        ShortCommand.Result r = ShortCommand.run(List.of(valgrind.toString(), "-q", "--error-exitcode=99",
                trueBinary.get().toString()), setup.environment(), RUN_DEADLINE);
        if (r.succeeded()) {
            return DoctorCheck.ok("valgrind-runs", "memcheck ran " + trueBinary.get());
        }
        String why = r.timedOut() ? "timed out" : "exit " + r.exitCode() + ": " + r.stderr().strip().lines()
                .reduce((a, b) -> b).orElse("");
        return DoctorCheck.problem("valgrind-runs", "valgrind could not run " + trueBinary.get() + " (" + why + ")",
                "check valgrind's message above; Debian needs libc6-dbg on some releases");
    }

    static DoctorCheck ptraceCheck(Path yamaScope) {
        if (!Files.exists(yamaScope)) {
            return DoctorCheck.ok("ptrace", "no Yama ptrace restrictions");
        }
        String scope;
        try {
            scope = Files.readString(yamaScope).strip();
        } catch (IOException e) {
            return DoctorCheck.problem("ptrace", "cannot read " + yamaScope, "check /proc is mounted");
        }
        return switch (scope) {
            case "0" -> DoctorCheck.ok("ptrace", "Yama ptrace_scope 0");
            case "1" -> DoctorCheck.ok("ptrace", "Yama ptrace_scope 1 (valgrind allows vgdb with PR_SET_PTRACER)");
            case "2" -> hasPtraceCapability()
                    ? DoctorCheck.ok("ptrace", "Yama ptrace_scope 2, and this user has CAP_SYS_PTRACE")
                    : DoctorCheck.problem("ptrace", "Yama ptrace_scope 2 needs CAP_SYS_PTRACE",
                            "run as root, or: sudo sysctl kernel.yama.ptrace_scope=1");
            default -> DoctorCheck.problem("ptrace", "Yama ptrace_scope " + scope + ": ptrace is disabled",
                    "vgdb cannot wake a target blocked in system calls; scope 3 lasts until reboot");
        };
    }

    static boolean hasPtraceCapability() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                    return (caps >> CAP_SYS_PTRACE & 1) == 1;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    /** Private folders of harnesses killed outright (SIGKILL): not in the way, but a valgrind may wait there. */
    private static DoctorCheck leftoversCheck(Path tmpDir) {
        List<StaleDirs.Stale> stale = StaleDirs.find(tmpDir);
        if (stale.isEmpty()) {
            return DoctorCheck.ok("leftovers", "no private folder of a killed harness in " + tmpDir);
        }
        int processes = stale.stream().mapToInt(StaleDirs.Stale::processes).sum();
        return DoctorCheck.ok("leftovers", stale.size() + " private folder(s) of killed harnesses in " + tmpDir
                + " (harness pid " + String.join(", ", stale.stream().map(s -> Long.toString(s.ownerPid())).toList())
                + "; " + processes + " of their processes still running): the next run or check removes them");
    }

    private static DoctorCheck tmpDirCheck(Setup setup, String path) {
        try (PrivateDir dir = PrivateDir.createIn(setup.tmpDir())) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path()));
            if (!"rwx------".equals(mode)) {
                return DoctorCheck.problem("tmpdir", dir.path() + " got mode " + mode + " instead of rwx------",
                        "point TMPDIR at a local POSIX file system");
            }
            Optional<Path> mkfifo = Executables.find("mkfifo", path, Path.of("").toAbsolutePath());
            if (mkfifo.isPresent() && !ShortCommand.run(List.of(mkfifo.get().toString(),
                    dir.path().resolve("probe").toString()), setup.environment(), Duration.ofSeconds(10)).succeeded()) {
                return DoctorCheck.problem("tmpdir", setup.tmpDir() + " does not allow FIFOs",
                        "point TMPDIR at a local file system that supports FIFOs");
            }
            return DoctorCheck.ok("tmpdir", "private 0700 directories and FIFOs work in " + setup.tmpDir());
        } catch (HarnessException | IOException e) {
            return DoctorCheck.problem("tmpdir", "no private directory in " + setup.tmpDir() + ": " + e.getMessage(),
                    "set TMPDIR to a writable local directory");
        }
    }
}
