package dev.vgharness.run;

/** The case's own deadline passed. */
final class CaseTimeout extends Exception {
    private static final long serialVersionUID = 1L;
}
