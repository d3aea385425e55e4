package dev.vgharness.memcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a valgrind {@code --xml=yes} file with StAX, one top-level element at a time. Unknown elements are skipped;
 * a file cut short gives everything read before the cut and {@code complete == false}. Numbers may carry the
 * thousands separators of valgrind 3.26+ ({@code <bytes>25,483</bytes>}); one that cannot be read, or a count
 * valgrind always writes that is missing, is a {@link ValgrindXmlException} naming the file and element.
 * <pre>
 * &lt;error&gt;&lt;unique&gt;0x0&lt;/unique&gt;&lt;tid&gt;1&lt;/tid&gt;&lt;kind&gt;InvalidRead&lt;/kind&gt;
 *   &lt;what&gt;Invalid read of size 4&lt;/what&gt;&lt;stack&gt;&lt;frame&gt;&lt;ip&gt;0x109173&lt;/ip&gt;...
 * </pre>
 */
public final class ValgrindXmlParser {

    private final List<MemcheckError> errors = new ArrayList<>();
    private final List<LossRecord> lossRecords = new ArrayList<>();
    private final List<ValgrindXmlReport.ErrorCount> errorCounts = new ArrayList<>();
    private final List<ValgrindXmlReport.SuppressionCount> suppressionCounts = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private Integer protocolVersion;
    private String tool;
    private Long pid;
    private Long ppid;
    private final List<String> argv = new ArrayList<>();
    private String fatalSignal;
    private LeakSummary leakSummary;
    private HeapSummary heapSummary;
    private ErrorSummary errorSummary;

    private ValgrindXmlParser() {
    }

    /** Reads a file; errors name it. */
    public static ValgrindXmlReport parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    /**
     * Reads a stream; {@code source} names it in errors ({@code -} for standard input).
     *
     * @throws ValgrindXmlException when a number cannot be read
     */
    public static ValgrindXmlReport parse(InputStream xml, String source) {
        try {
            return new ValgrindXmlParser().read(xml);
        } catch (XmlNode.Unreadable e) {
            throw new ValgrindXmlException(source, e.line, e.column, e.getMessage());
        }
    }

    private ValgrindXmlReport read(InputStream xml) {
        boolean complete;
        try {
            // The JDK's own parser, without the service lookup of newFactory() (10 ms at first use).
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            complete = readDocument(reader);
        } catch (XMLStreamException e) {
            // a file cut short: keep what was read
            complete = false;
        }
        return new ValgrindXmlReport(protocolVersion, tool, pid, withCounts(errors), lossRecords, errorCounts,
                suppressionCounts, states, leakSummary, heapSummary, errorSummary, complete, ppid, argv, fatalSignal);
    }

    /** True when the document reached its end ({@code </valgrindoutput>}). */
    private boolean readDocument(XMLStreamReader reader) throws XMLStreamException {
        int depth = 0;
        while (reader.hasNext()) {
            int event = XmlNode.next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 0) {
                    depth = 1;
                } else {
                    topLevel(XmlNode.read(reader));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    private void topLevel(XmlNode node) {
        switch (node.name()) {
            case "protocolversion" -> protocolVersion = node.smallNumber("<protocolversion>");
            case "tool" -> tool = node.text();
            case "pid" -> pid = node.number("<pid>");
            case "ppid" -> ppid = node.number("<ppid>");
            case "args" -> arguments(node);
            case "fatal_signal" -> fatalSignal = node.childText("signame");
            case "status" -> state(node.childText("state"));
            case "error" -> error(node);
            case "errorcounts" -> node.children().forEach(pair -> errorCounts.add(
                    new ValgrindXmlReport.ErrorCount(pair.childNumber("unique"), pair.childNumber("count"))));
            case "suppcounts" -> node.children().forEach(pair -> suppressionCounts.add(
                    new ValgrindXmlReport.SuppressionCount(pair.childText("name"), pair.childNumber("count"))));
            case "leak_summary" -> leakSummary = XmlSummaries.leakSummary(node);
            case "heap_summary" -> heapSummary = XmlSummaries.heapSummary(node);
            case "error_summary" -> errorSummary = XmlSummaries.errorSummary(node);
            default -> {
                // unknown or uninteresting elements (preamble, args, ...) are skipped
            }
        }
    }

    /** {@code <args><argv><exe>P</exe><arg>A</arg>...}: the program's command line (not valgrind's). */
    private void arguments(XmlNode args) {
        for (XmlNode part : args.children()) {
            if (part.name().equals("argv")) {
                part.children().forEach(word -> argv.add(word.text()));
            }
        }
    }

    /** A {@code <status>} without its {@code <state>} (a damaged file) adds nothing. */
    private void state(String state) {
        if (state != null) {
            states.add(state);
        }
    }

    private void error(XmlNode node) {
        String kind = node.childText("kind");
        if (kind == null) {
            // not an error valgrind wrote (every <error> has a <kind>): a damaged element is skipped, not fatal
            return;
        }
        LeakKind leakKind = LeakKind.fromXmlKind(kind).orElse(null);
        if (leakKind != null) {
            lossRecords.add(XmlErrors.lossRecord(node, leakKind));
        } else {
            errors.add(XmlErrors.error(node));
        }
    }

    private List<MemcheckError> withCounts(List<MemcheckError> found) {
        Map<Long, Long> counts = new HashMap<>();
        errorCounts.forEach(c -> counts.put(c.unique(), c.count()));
        List<MemcheckError> counted = new ArrayList<>(found.size());
        for (MemcheckError e : found) {
            long count = e.unique() == null ? e.count() : counts.getOrDefault(e.unique(), e.count());
            counted.add(new MemcheckError(e.kind(), e.what(), count, e.stack(), e.auxiliary(), e.auxiliaryStack(),
                    e.notes(), e.suppression(), e.unique(), e.thread()));
        }
        return counted;
    }
}
