package dev.vgharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vgharness schema plan|report}: prints the JSON Schema (draft 2020-12) of the test plan or of the JSON
 * report: the files of {@code docs/schemas/}, which the build copies into the jar.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of the test plan or of the JSON report (docs/schemas/ in the sources).")
final class SchemaCommand implements Callable<Integer> {

    private static final List<String> NAMES = List.of("plan", "report");

    @Parameters(index = "0", paramLabel = "plan|report", completionCandidates = Names.class,
            description = "plan: the YAML test plan; report: the JSON report")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!NAMES.contains(name)) {
            throw new ExitCodes.UsageException("schema: '" + name + "' is not one of plan, report");
        }
        String resource = "/dev/vgharness/schemas/" + name + ".schema.json";
        try (InputStream in = SchemaCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the jar has no " + resource + " (a broken build?)");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            out.flush();
        }
        return ExitCodes.PASSED;
    }

    /** The names, for completion and --help. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
