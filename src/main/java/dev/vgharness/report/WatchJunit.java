package dev.vgharness.report;

import dev.vgharness.result.Assertion;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.WatchResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A watch as JUnit XML: one {@code <testsuite>} for the process, one {@code <testcase>} per {@code --expect}, named
 * after its metric, failing when it failed; a watch that went wrong adds a {@code <testcase name="watch">} with an
 * {@code <error>}, and a watch without expectations has that one test case alone. The verdict and the rates go to
 * the suite's {@code <system-out>}.
 * <pre>
 * &lt;testcase classname="watch 4242" name="heap_in_use_bytes_per_s" time="0.000"&gt;
 *   &lt;failure message="heap_in_use_bytes_per_s: expected &lt; 1000, was 30654" type="expectation"/&gt;
 * </pre>
 */
public final class WatchJunit {

    private WatchJunit() {
    }

    public static void write(WatchResult result, Path file) throws IOException {
        ReportFiles.write(file, out -> {
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                write(result, xml);
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
            }
        });
    }

    private static void write(WatchResult r, XMLStreamWriter xml) throws XMLStreamException {
        boolean watchCase = r.status() == RunStatus.ERROR || r.expectations().isEmpty();
        long tests = r.expectations().size() + (watchCase ? 1 : 0);
        long failures = r.expectations().stream().filter(a -> !a.passed()).count();
        long errors = r.status() == RunStatus.ERROR ? 1 : 0;
        String name = "watch " + r.target().pid();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("testsuites");
        counts(xml, "watch", tests, failures, errors, r.durationMs());
        xml.writeStartElement("testsuite");
        counts(xml, name, tests, failures, errors, r.durationMs());
        attribute(xml, "timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                r.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime()));
        if (watchCase) {
            testcase(xml, name, "watch", r.durationMs());
            if (r.error() != null) {
                xml.writeStartElement("error");
                attribute(xml, "message", r.error());
                attribute(xml, "type", "harness");
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        for (Assertion a : r.expectations()) {
            testcase(xml, name, a.metric(), 0);
            if (!a.passed()) {
                xml.writeEmptyElement("failure");
                attribute(xml, "message", a.describe());
                attribute(xml, "type", "expectation");
            }
            xml.writeEndElement();
        }
        xml.writeStartElement("system-out");
        xml.writeCData(XmlText.clean(summary(r)).replace("]]>", "]] >"));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private static String summary(WatchResult r) {
        var text = new java.io.ByteArrayOutputStream();
        WatchReport.printSummary(r, new java.io.PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    private static void counts(XMLStreamWriter xml, String name, long tests, long failures, long errors, long ms)
            throws XMLStreamException {
        attribute(xml, "name", name);
        attribute(xml, "tests", tests);
        attribute(xml, "failures", failures);
        attribute(xml, "errors", errors);
        attribute(xml, "time", String.format(Locale.US, "%.3f", ms / 1000.0));
    }

    private static void testcase(XMLStreamWriter xml, String classname, String name, long ms)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        attribute(xml, "classname", classname);
        attribute(xml, "name", name);
        attribute(xml, "time", String.format(Locale.US, "%.3f", ms / 1000.0));
    }

    private static void attribute(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeAttribute(name, XmlText.clean(String.valueOf(value)));
    }
}
