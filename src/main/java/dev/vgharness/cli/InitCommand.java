package dev.vgharness.cli;

import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFunction;
import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vgharness init [PROG] [-o plan.yaml]}: a commented starter plan for a program; without one, for a
 * placeholder {@code ./my-program} to replace.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starter plan for PROG: one case that runs it, a leak check at one of its"
                + " functions (the others listed to choose from), the expectations of a clean program.",
        footer = {"", "Examples:", "  vgharness init ./server", "  vgharness init -o leaks.yaml build/parser",
            "", "Exit codes: 0 the plan was written, 2 bad usage (PROG not found, the file exists), 3 gdb failed."})
final class InitCommand implements Callable<Integer> {

    private static final Duration GDB_DEADLINE = Duration.ofSeconds(60);
    private static final String PLACEHOLDER = "my-program";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROG", arity = "0..1", description = "the program to test (built with -g for"
            + " breakpoint suggestions); without it the plan names ./my-program, to replace")
    Path program;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "plan.yaml",
            description = "where to write the plan (default ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--force", description = "overwrite FILE when it exists")
    boolean force;

    @Option(names = "--gdb", paramLabel = "PATH", defaultValue = "gdb", description = "gdb to use (default: from PATH)")
    String gdb;

    @Override
    public Integer call() throws IOException, MiSessionException {
        if (Files.exists(output) && !force) {
            throw new ExitCodes.UsageException(output + ": exists (--force overwrites it)");
        }
        String text = program == null ? StarterPlan.text(PLACEHOLDER, "./" + PLACEHOLDER, List.of()) : forProgram();
        Path folder = output.toAbsolutePath().normalize().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Files.writeString(output, text);
        spec.commandLine().getOut().println("wrote " + output + "; run it: vgharness run " + output);
        return ExitCodes.PASSED;
    }

    private String forProgram() throws MiSessionException {
        if (!Files.isRegularFile(program)) {
            throw new ExitCodes.UsageException(program + ": not found");
        }
        if (!Files.isExecutable(program)) {
            throw new ExitCodes.UsageException(program + ": not executable");
        }
        Path absolute = program.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        return StarterPlan.text(name, command(output.toAbsolutePath().normalize().getParent(), absolute),
                functions(absolute));
    }

    /** {@code ./server} beside the plan, a path relative to it nearby, else the absolute path. */
    private static String command(Path folder, Path program) {
        if (folder == null || !program.startsWith(folder.getRoot())) {
            return program.toString();
        }
        String relative = folder.relativize(program).toString();
        if (relative.startsWith("../../..")) {
            return program.toString();
        }
        return relative.contains("/") ? relative : "./" + relative;
    }

    private List<GdbFunction> functions(Path absolute) throws MiSessionException {
        GdbLaunch launch = GdbLaunch.defaults().withGdb(gdb).withProgram(absolute).withCommandTimeout(GDB_DEADLINE);
        try (MiSession session = MiSession.start(launch)) {
            return GdbCommands.functions(session).stream().filter(f -> !f.file().startsWith("/usr/")).toList();
        }
    }
}
