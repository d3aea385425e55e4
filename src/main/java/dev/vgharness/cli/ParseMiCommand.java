package dev.vgharness.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.sun.management.OperatingSystemMXBean;
import dev.vgharness.mi.MiLineReader;
import dev.vgharness.mi.MiParseException;
import dev.vgharness.mi.MiParser;
import dev.vgharness.mi.MiRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vgharness parse mi [FILE|-] [--stats]}: GDB/MI text to JSON lines, or parse statistics. */
@Command(name = "mi", mixinStandardHelpOptions = true,
        description = "GDB/MI output -> one JSON object per line (exit 1 if a line is malformed).")
final class ParseMiCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "-", paramLabel = "FILE", description = "MI text, or - for stdin")
    String file;

    @Option(names = "--stats", description = "print one JSON object of counts and MB/s instead")
    boolean stats;

    @picocli.CommandLine.ParentCommand
    ParseCommand parent;

    /** The input and output bytes: the command line's streams unless a test sets them. */
    InputStream stdin;
    OutputStream stdout;

    @Override
    public Integer call() throws IOException {
        Console console = parent == null ? Console.system() : parent.console();
        stdin = stdin != null ? stdin : console.in();
        stdout = stdout != null ? stdout : console.out();
        try (InputStream in = InputFiles.open(file, stdin)) {
            return stats ? printStats(in) : printRecords(in);
        }
    }

    private int printRecords(InputStream in) throws IOException {
        MiParser parser = new MiParser();
        MiLineReader reader = new MiLineReader(in);
        boolean failed = false;
        try (JsonGenerator json = new JsonFactory().createGenerator(new BufferedOutputStream(stdout, 1 << 16))) {
            json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                try {
                    MiJson.write(json, parser.parse(line, number));
                } catch (MiParseException e) {
                    MiJson.writeError(json, e);
                    failed = true;
                }
            }
            json.writeRaw('\n');
        }
        stdout.flush();
        return failed ? ExitCodes.FAILED : ExitCodes.PASSED;
    }

    /** Parsing only: the lines are read first, so reading the file is not counted. */
    private int printStats(InputStream in) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        MiLineReader reader = new MiLineReader(in);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String type : new String[] {"result", "exec", "status", "notify", "console", "target", "log", "prompt", "output", "error"}) {
            counts.put(type, 0);
        }
        MiParser parser = new MiParser();
        OperatingSystemMXBean jvm = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = jvm.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < lines.size(); i++) {
            counts.merge(typeOf(parser, lines.get(i), i + 1), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (jvm.getProcessCpuTime() - cpuStart) / 1e9;
        writeStats(counts, reader.bytesRead(), lines.size(), seconds, cpuSeconds);
        return counts.get("error") > 0 ? ExitCodes.FAILED : ExitCodes.PASSED;
    }

    private static String typeOf(MiParser parser, String line, int number) {
        try {
            MiRecord record = parser.parse(line, number);
            if (record instanceof MiRecord.Result) {
                return "result";
            } else if (record instanceof MiRecord.Async a) {
                return a.kind().name().toLowerCase(Locale.ROOT);
            } else if (record instanceof MiRecord.Stream s) {
                return s.kind().name().toLowerCase(Locale.ROOT);
            }
            return record instanceof MiRecord.Prompt ? "prompt" : "output";
        } catch (MiParseException e) {
            return "error";
        }
    }

    /**
     * MB/s of wall time, and of the JVM's CPU time over the parse (every thread: the JIT's and the GC's too): on a
     * loaded machine the two part, and the second is what one core would do.
     */
    private void writeStats(Map<String, Integer> counts, long bytes, int lines, double seconds, double cpuSeconds)
            throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(stdout)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeObjectFieldStart("records");
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("bytes", bytes);
            json.writeNumberField("lines", lines);
            json.writeNumberField("parse_seconds", seconds);
            json.writeNumberField("mb_per_s", seconds > 0 ? bytes / 1e6 / seconds : 0);
            json.writeNumberField("parse_cpu_seconds", cpuSeconds);
            json.writeNumberField("mb_per_cpu_s", cpuSeconds > 0 ? bytes / 1e6 / cpuSeconds : 0);
            json.writeEndObject();
            json.writeRaw('\n');
        }
        stdout.flush();
    }
}
