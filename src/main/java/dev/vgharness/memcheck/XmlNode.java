package dev.vgharness.memcheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One small element of a valgrind XML file read into memory ({@code <error>}, {@code <errorcounts>}, ...): the
 * file is streamed element by element, and only one top-level element is held at a time. Each element keeps where
 * its content starts, so that a number that cannot be read is reported at its place.
 */
record XmlNode(String name, String text, List<XmlNode> children, int line, int column) {

    /**
     * Decimal, with or without the thousands separators valgrind 3.26+ prints ({@code 25,483}), or {@code 0x} hex.
     */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+|\\d+|0x[0-9a-fA-F]+");

    /**
     * Reads the element the reader is positioned on (START_ELEMENT) up to its end. Iterative, with an explicit stack
     * of open elements, so hostile nesting cannot overflow the thread's stack.
     */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        Deque<OpenElement> open = new ArrayDeque<>();
        open.push(new OpenElement(reader));
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                open.push(new OpenElement(reader));
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

    /** A number as valgrind writes it, or null when the text is not one. */
    static Long parseNumber(String text) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            return null;
        }
        try {
            return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Long.parseLong(text.replace(",", ""));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    /** This element's own text as a number; {@link Unreadable} when it is not one. */
    long number(String where) {
        Long value = parseNumber(text);
        if (value == null) {
            throw new Unreadable(line, column, where + " holds '" + text + "', which is not a number");
        }
        return value;
    }

    /** {@link #number} narrowed to an int. */
    int smallNumber(String where) {
        long value = number(where);
        if (value != (int) value) {
            throw new Unreadable(line, column, where + " holds '" + text + "', which is out of range");
        }
        return (int) value;
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

    /** The number of a child valgrind always writes; {@link Unreadable} when it is absent or not a number. */
    long childNumber(String childName) {
        XmlNode child = child(childName);
        if (child == null) {
            throw new Unreadable(line, column, "<" + name + "> has no <" + childName + ">");
        }
        return child.number(path(childName));
    }

    /** The number of an optional child: null when absent, {@link Unreadable} when present but not a number. */
    Long optionalChildNumber(String childName) {
        XmlNode child = child(childName);
        return child == null ? null : child.number(path(childName));
    }

    /** {@link #optionalChildNumber} narrowed to an int. */
    Integer optionalChildSmallNumber(String childName) {
        XmlNode child = child(childName);
        return child == null ? null : child.smallNumber(path(childName));
    }

    private String path(String childName) {
        return "<" + name + "><" + childName + ">";
    }

    /** A number that cannot be read, with its place; the parser adds the file's name. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int line;
        final int column;

        Unreadable(int line, int column, String problem) {
            super(problem, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private static final class OpenElement {
        private final String name;
        private final int line;
        private final int column;
        private final StringBuilder text = new StringBuilder();
        private final List<XmlNode> children = new ArrayList<>();

        OpenElement(XMLStreamReader reader) {
            this.name = reader.getLocalName();
            Location at = reader.getLocation();
            this.line = at == null ? 0 : at.getLineNumber();
            this.column = at == null ? 0 : at.getColumnNumber();
        }

        XmlNode close() {
            return new XmlNode(name, text.toString().strip(), List.copyOf(children), line, column);
        }
    }
}
