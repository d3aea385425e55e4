package dev.vgharness.mi;

/** A field that a caller asked for is missing or has another shape than expected. */
public final class MiFieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MiFieldException(String message) {
        super(message);
    }
}
