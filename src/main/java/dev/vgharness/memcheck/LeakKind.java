package dev.vgharness.memcheck;

import java.util.Optional;

/**
 * The kind of a loss record, as Memcheck names it in the text ({@code definitely lost}), in the XML
 * ({@code Leak_DefinitelyLost}), in suppressions ({@code definite}) and in our reports ({@code definitely_lost}).
 */
public enum LeakKind {
    DEFINITELY_LOST("definitely lost", "definitely_lost", "Leak_DefinitelyLost", "definite"),
    INDIRECTLY_LOST("indirectly lost", "indirectly_lost", "Leak_IndirectlyLost", "indirect"),
    POSSIBLY_LOST("possibly lost", "possibly_lost", "Leak_PossiblyLost", "possible"),
    STILL_REACHABLE("still reachable", "still_reachable", "Leak_StillReachable", "reachable");

    private final String text;
    private final String key;
    private final String xmlKind;
    private final String suppressionKind;

    LeakKind(String text, String key, String xmlKind, String suppressionKind) {
        this.text = text;
        this.key = key;
        this.xmlKind = xmlKind;
        this.suppressionKind = suppressionKind;
    }

    /** The words valgrind prints: {@code definitely lost}. */
    public String text() {
        return text;
    }

    /** The report key: {@code definitely_lost}. */
    public String key() {
        return key;
    }

    /** The XML {@code <kind>}: {@code Leak_DefinitelyLost}. */
    public String xmlKind() {
        return xmlKind;
    }

    /** The word of a suppression's {@code match-leak-kinds:} line: {@code definite}. */
    public String suppressionKind() {
        return suppressionKind;
    }

    public static Optional<LeakKind> fromText(String text) {
        for (LeakKind kind : values()) {
            if (kind.text.equals(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static Optional<LeakKind> fromXmlKind(String xmlKind) {
        for (LeakKind kind : values()) {
            if (kind.xmlKind.equals(xmlKind)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
