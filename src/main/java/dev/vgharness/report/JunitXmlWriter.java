package dev.vgharness.report;

import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.CommandOutput;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopReason;
import dev.vgharness.result.StopResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the JUnit XML of a run with StAX, one small method per element, in the order the Jenkins XSD demands
 * (error before failure before system-out). Text is cleaned of characters XML 1.0 cannot carry.
 */
final class JunitXmlWriter {

    private final XMLStreamWriter xml;
    private final FailureEvidence evidence;
    private final SourceRoots roots;

    JunitXmlWriter(XMLStreamWriter xml, FailureEvidence evidence, SourceRoots roots) {
        this.xml = xml;
        this.evidence = evidence;
        this.roots = roots;
    }

    void write(RunResult run) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        newLine();
        xml.writeStartElement("testsuites");
        attribute("name", run.plan().name());
        attribute("tests", run.cases().stream().mapToLong(c -> c.stops().size() + 1).sum() + (run.build() == null ? 0 : 1));
        attribute("failures", run.cases().stream().mapToLong(JunitXmlWriter::failures).sum());
        attribute("errors", run.cases().stream().mapToLong(JunitXmlWriter::errors).sum() + (run.build() == null ? 0 : 1));
        attribute("time", seconds(run.durationMs()));
        newLine();
        if (run.build() != null) {
            writeBuildSuite(run);
        }
        for (CaseResult c : run.cases()) {
            writeSuite(run, c);
        }
        xml.writeEndElement();
        newLine();
        xml.writeEndDocument();
    }

    private void writeBuildSuite(RunResult run) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        attribute("name", "build");
        attribute("tests", 1);
        attribute("failures", 0);
        attribute("errors", 1);
        attribute("timestamp", timestamp(run));
        xml.writeStartElement("testcase");
        attribute("classname", "build");
        attribute("name", "build");
        writeError("build failed (exit " + run.build().exitCode() + "): " + run.build().command(), "build",
                run.build().output());
        xml.writeEndElement();
        xml.writeEndElement();
        newLine();
    }

    private void writeSuite(RunResult run, CaseResult c) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        attribute("name", c.name());
        attribute("tests", c.stops().size() + 1);
        attribute("failures", failures(c));
        attribute("errors", errors(c));
        attribute("time", seconds(c.durationMs()));
        attribute("timestamp", timestamp(run));
        newLine();
        writeProperties(run, c);
        Set<String> names = new HashSet<>();
        String classname = run.plan().name() + "." + c.name();
        for (StopResult stop : c.stops()) {
            writeStopCase(classname, stop, unique(names, stop.label()));
        }
        writeExitCase(classname, c, unique(names, "exit"));
        xml.writeEndElement();
        newLine();
    }

    private void writeProperties(RunResult run, CaseResult c) throws XMLStreamException {
        xml.writeStartElement("properties");
        property("command", String.join(" ", c.command()));
        property("pid", Long.toString(c.pid()));
        property("exit", TextSummary.exit(c));
        for (var e : run.environment().entrySet()) {
            property(e.getKey(), e.getValue() == null ? "unknown" : e.getValue());
        }
        breakpointLocations(c);
        xml.writeEndElement();
        newLine();
    }

    /**
     * Where each breakpoint stopped in the source, {@code breakpoint.after_request.file} and {@code .line}: the
     * Jenkins XSD has no {@code file} or {@code line} on a testcase, nor properties in one, so they are the suite's.
     * The file is relative to its source root when one holds it, as code scanning and CI pages show paths.
     */
    private void breakpointLocations(CaseResult c) throws XMLStreamException {
        Set<String> seen = new HashSet<>();
        for (StopResult stop : c.stops()) {
            if (stop.reason() == StopReason.BREAKPOINT && stop.frame() != null && stop.frame().file() != null
                    && seen.add(stop.breakpoint())) {
                property("breakpoint." + stop.breakpoint() + ".file", relative(stop.frame().file()));
                if (stop.frame().line() != null) {
                    property("breakpoint." + stop.breakpoint() + ".line", stop.frame().line().toString());
                }
            }
        }
    }

    private String relative(String file) {
        return roots.resolve(file).flatMap(path -> roots.roots().stream().filter(path::startsWith).findFirst()
                .map(root -> root.relativize(path).toString())).orElse(file);
    }

    private void property(String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        attribute("name", name);
        attribute("value", value);
    }

    private void writeStopCase(String classname, StopResult stop, String name) throws XMLStreamException {
        startTestcase(classname, name, stop.durationMs());
        List<LossRecordResult> records = stop.leakCheck() == null ? List.of() : stop.leakCheck().lossRecords();
        for (Assertion a : stop.assertions()) {
            if (!a.passed()) {
                writeFailure(a, evidence.explain(a, records, List.of()));
            }
        }
        String error = stop.reason() == StopReason.ERROR ? ErrorStopText.details(stop) : "";
        writeSystemOut(error + stopNotes(stop) + transcript(stop.transcript()));
        xml.writeEndElement();
        newLine();
    }

    private void writeExitCase(String classname, CaseResult c, String name) throws XMLStreamException {
        long stopsMs = c.stops().stream().mapToLong(StopResult::durationMs).sum();
        startTestcase(classname, name, Math.max(0, c.durationMs() - stopsMs));
        if (c.status() == RunStatus.ERROR) {
            writeError(c.error() == null ? "error" : c.error(), errorType(c), null);
        }
        List<LossRecordResult> records = c.finalResults() == null ? List.of() : c.finalResults().lossRecords();
        List<MemcheckError> errors = c.finalResults() == null ? List.of() : c.finalResults().errors();
        for (Assertion a : c.assertions()) {
            if (!a.passed()) {
                writeFailure(a, evidence.explain(a, records, errors));
            }
        }
        if (c.stdout() != null && !c.stdout().isEmpty()) {
            writeSystemOut(c.stdout());
        }
        xml.writeEndElement();
        newLine();
    }

    private void startTestcase(String classname, String name, long durationMs) throws XMLStreamException {
        xml.writeStartElement("testcase");
        attribute("classname", classname);
        attribute("name", name);
        attribute("time", seconds(durationMs));
    }

    private void writeFailure(Assertion a, String body) throws XMLStreamException {
        xml.writeStartElement("failure");
        attribute("message", a.describe());
        attribute("type", "expectation");
        String text = a.message() == null ? "" : a.message() + "\n";
        writeCData(text + (body.isEmpty() ? "" : "\n" + body));
        xml.writeEndElement();
    }

    private void writeError(String message, String type, String body) throws XMLStreamException {
        xml.writeStartElement("error");
        attribute("message", message);
        attribute("type", type);
        if (body != null) {
            writeCData(body);
        }
        xml.writeEndElement();
    }

    private void writeSystemOut(String text) throws XMLStreamException {
        xml.writeStartElement("system-out");
        writeCData(text);
        xml.writeEndElement();
    }

    /** CDATA cannot hold {@code ]]>}: end the section before its {@code >} and start another. */
    private void writeCData(String text) throws XMLStreamException {
        String clean = XmlText.clean(text);
        int from = 0;
        for (int at = clean.indexOf("]]>"); at >= 0; at = clean.indexOf("]]>", from)) {
            xml.writeCData(clean.substring(from, at + 2));
            from = at + 2;
        }
        xml.writeCData(clean.substring(from));
    }

    private void attribute(String name, Object value) throws XMLStreamException {
        xml.writeAttribute(name, XmlText.clean(String.valueOf(value)));
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n");
    }

    /** GitLab merges test cases with the same classname and name: number the repeats. */
    private static String unique(Set<String> taken, String name) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    /** Failed actions (the case's error names the first), what limits left out, what the harness did itself. */
    private static String stopNotes(StopResult stop) {
        StringBuilder text = new StringBuilder();
        stop.failures().forEach(f -> text.append(f.allowed() ? "allowed: " : "error: ").append(f.describe())
                .append('\n'));
        stop.leftOut().forEach(l -> text.append("left out: ").append(l.describe()).append('\n'));
        stop.notes().forEach(n -> text.append("note: ").append(n).append('\n'));
        return text.toString();
    }

    private static String transcript(List<CommandOutput> commands) {
        StringBuilder text = new StringBuilder();
        for (CommandOutput c : commands) {
            text.append("(gdb) monitor ").append(c.command()).append('\n').append(c.output());
            if (!c.output().endsWith("\n")) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String errorType(CaseResult c) {
        if (c.exit() == null) {
            return "harness";
        }
        return switch (c.exit().status()) {
            case TIMEOUT -> "timeout";
            case SIGNALED -> "crash";
            default -> "harness";
        };
    }

    /** Failed testcases; the exit testcase of a case in error is counted as an error only, as the summary does. */
    private static long failures(CaseResult c) {
        return c.stops().stream().filter(s -> !s.passed()).count()
                + (c.status() == RunStatus.ERROR || c.assertions().stream().allMatch(Assertion::passed) ? 0 : 1);
    }

    private static long errors(CaseResult c) {
        return c.status() == RunStatus.ERROR ? 1 : 0;
    }

    private static String seconds(long ms) {
        return String.format(Locale.US, "%.3f", ms / 1000.0);
    }

    private static String timestamp(RunResult run) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                run.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
