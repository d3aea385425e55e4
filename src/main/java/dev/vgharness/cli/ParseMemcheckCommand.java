package dev.vgharness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.MemcheckText;
import dev.vgharness.memcheck.MemcheckTextException;
import dev.vgharness.memcheck.ParseStatistics;
import dev.vgharness.memcheck.ValgrindXmlException;
import dev.vgharness.memcheck.ValgrindXmlParser;
import dev.vgharness.report.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vgharness parse memcheck [FILE|-]}: Memcheck text (monitor answers or a whole valgrind log, with or
 * without the {@code ==PID==} prefix; or a {@code --xml=yes} file) to the JSON objects of docs/report.md.
 * {@code --stats} prints counts and parse speed instead.
 */
@Command(name = "memcheck", mixinStandardHelpOptions = true,
        description = "Parse Memcheck text (leak_check, block_list, who_points_at, v.info n_errs_found, a valgrind log)"
                + " or a --xml=yes file into JSON.")
public final class ParseMemcheckCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Input file, or - for stdin (default).")
    private String file = "-";

    @Option(names = "--stats", description = "Print counts (loss records, frames, blocks) and MB/s instead of JSON.")
    private boolean stats;

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    private ParseCommand parent;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (InputStream in = open()) {
            if (stats) {
                out.println(statsJson(ParseStatistics.measure(in)));
            } else {
                ObjectMapper mapper = ReportJson.mapper();
                Object result = isXml() ? ValgrindXmlParser.parse(in, file) : reportObjects(mapper, parseText(in));
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            }
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("vgharness: " + file + ": no such file");
            return ExitCodes.USAGE;
        } catch (ValgrindXmlException e) {
            throw ExitCodes.UsageException.located(e.getMessage());
        } catch (MemcheckTextException e) {
            throw ExitCodes.UsageException.located(file + ":" + e.line() + ": " + e.problem());
        }
        out.flush();
        return ExitCodes.PASSED;
    }

    private static MemcheckText parseText(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return MemcheckText.parse(reader);
    }

    /** The objects of the JSON report: the last leak search as {@code leak_check}, then everything else found. */
    private static ObjectNode reportObjects(ObjectMapper mapper, MemcheckText text) {
        ObjectNode root = mapper.createObjectNode();
        int searches = text.leakChecks().size();
        root.set("leak_check", searches == 0 ? null : leakCheck(mapper, text.leakChecks().get(searches - 1)));
        root.set("leak_checks", mapper.createArrayNode().addAll(text.leakChecks().stream()
                .map(search -> leakCheck(mapper, search)).toList()));
        root.set("block_lists", mapper.valueToTree(text.blockLists()));
        root.set("who_points_at", mapper.valueToTree(text.pointerSearches()));
        root.set("errors", mapper.valueToTree(text.errors()));
        root.set("error_counts", mapper.valueToTree(text.errorCounts()));
        root.set("monitor_errors", mapper.valueToTree(text.monitorErrors()));
        root.set("heap_summary", mapper.valueToTree(text.heapSummary()));
        root.set("error_summary", mapper.valueToTree(text.errorSummary()));
        return root;
    }

    private static ObjectNode leakCheck(ObjectMapper mapper, LeakCheckAnswer search) {
        ObjectNode node = mapper.createObjectNode();
        node.putNull("command");
        node.setAll((ObjectNode) mapper.valueToTree(search));
        return node;
    }

    private static String statsJson(ParseStatistics stats) throws IOException {
        ObjectMapper mapper = ReportJson.mapper();
        ObjectNode node = mapper.valueToTree(stats);
        node.put("seconds", stats.seconds());
        node.put("mb_per_s", stats.megabytesPerSecond());
        return mapper.writeValueAsString(node);
    }

    private InputStream open() throws IOException {
        InputStream stdin = parent == null ? System.in : parent.console().in();
        return file.equals("-") ? new NonClosingInputStream(stdin) : Files.newInputStream(Path.of(file));
    }

    private boolean isXml() {
        return file.endsWith(".xml");
    }

    /** Keeps stdin open when the command is run inside a longer-lived JVM (tests, the REPL). */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // stdin belongs to the process, not to this command
        }
    }
}
