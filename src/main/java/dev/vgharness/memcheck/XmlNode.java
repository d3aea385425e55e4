package dev.vgharness.memcheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One small element of a valgrind XML file read into memory ({@code <error>}, {@code <errorcounts>}, ...): the
 * file is streamed element by element, and only one top-level element is held at a time.
 */
record XmlNode(String name, String text, List<XmlNode> children) {

    /**
     * Reads the element the reader is positioned on (START_ELEMENT) up to its end. Iterative, with an explicit stack
     * of open elements, so hostile nesting cannot overflow the thread's stack.
     */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        Deque<OpenElement> open = new ArrayDeque<>();
        open.push(new OpenElement(reader.getLocalName()));
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                open.push(new OpenElement(reader.getLocalName()));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                open.peek().text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                XmlNode closed = open.pop().close();
                if (open.isEmpty()) {
                    return closed;
                }
                open.peek().children.add(closed);
            }
        }
    }

    /**
     * The reader's next event. The JDK's StAX reader can fail on malformed input with an unchecked exception of its
     * own (a {@code MissingResourceException} for {@code InvalidCharInDTD}): that is malformed XML like any other.
     */
    static int next(XMLStreamReader reader) throws XMLStreamException {
        try {
            return reader.next();
        } catch (XMLStreamException e) {
            throw e;
        } catch (RuntimeException readerFailed) {
            throw new XMLStreamException("malformed XML: " + readerFailed, readerFailed);
        }
    }

    /** A number, decimal or 0x-hex; null when absent or not a number valgrind would write. */
    static Long number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** {@link #number} narrowed to an int; null when it does not fit. */
    static Integer smallNumber(String text) {
        Long value = number(text);
        return value == null || value != value.intValue() ? null : value.intValue();
    }

    XmlNode child(String childName) {
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    String childText(String childName) {
        XmlNode child = child(childName);
        return child == null ? null : child.text;
    }

    /** The child's number, or {@code fallback} when it is absent or malformed (a damaged file is read, not refused). */
    long childLong(String childName, long fallback) {
        Long value = number(childText(childName));
        return value == null ? fallback : value;
    }

    private static final class OpenElement {
        private final String name;
        private final StringBuilder text = new StringBuilder();
        private final List<XmlNode> children = new ArrayList<>();

        OpenElement(String name) {
            this.name = name;
        }

        XmlNode close() {
            return new XmlNode(name, text.toString().strip(), List.copyOf(children));
        }
    }
}
