package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML in the Ant/Surefire shape that Jenkins, GitLab, GitHub and Azure read (docs/report.md): a
 * {@code <testsuite>} per case, a {@code <testcase name="after_request#1">} per stop plus one {@code name="exit"},
 * each with the class name {@code PLAN.CASE}, so that Jenkins files it under the plan rather than "(root)"; each
 * child process of a case is a test suite of its own after it, named {@code case[pid]}.
 * <pre>
 * &lt;testcase classname="demo.growth" name="after_request#2" time="0.121"&gt;
 *   &lt;failure message="new_definitely_lost_bytes: expected &lt;= 24, was 40" type="expectation"&gt;...
 * </pre>
 * The timestamps come from the result itself ({@code started_at}), so a report merged from shards keeps the times
 * the cases really ran.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static void write(RunResult result, SourceRoots roots, Path file) throws IOException {
        requireNonNull(result, "result is null");
        ReportFiles.write(file, out -> write(result, roots, out));
    }

    public static void write(RunResult result, SourceRoots roots, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new JunitXmlWriter(xml, new FailureEvidence(roots), roots).write(result.perProcess());
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    public static void write(RunResult result, SourceRoots roots, OutputStream out) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(result, roots, writer);
        writer.flush();
    }
}
