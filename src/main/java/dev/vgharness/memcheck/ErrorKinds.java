package dev.vgharness.memcheck;

/**
 * Maps the first line of a Memcheck error in a text log to the {@code <kind>} the XML output uses for it:
 * {@code Invalid read of size 4} is {@code InvalidRead}.
 */
final class ErrorKinds {

    private static final String[][] PREFIXES = {
        {"Invalid read of size", "InvalidRead"},
        {"Invalid write of size", "InvalidWrite"},
        {"Invalid free()", "InvalidFree"},
        {"Mismatched free()", "MismatchedFree"},
        {"Conditional jump or move depends on uninitialised value", "UninitCondition"},
        {"Use of uninitialised value of size", "UninitValue"},
        {"Syscall param ", "SyscallParam"},
        {"Source and destination overlap", "Overlap"},
        {"Argument '", "FishyValue"},
        {"Jump to the invalid address", "InvalidJump"},
        {"Illegal memory pool address", "InvalidMemPool"},
        {"Uninitialised byte(s) found during client check request", "ClientCheck"},
        {"Unaddressable byte(s) found during client check request", "ClientCheck"},
        {"realloc() with size 0", "ReallocSizeZero"},
        {"Invalid alignment value", "InvalidAlignment"},
        {"Process terminating with default action of signal", "Signal"},
    };

    private ErrorKinds() {
    }

    static String of(String what) {
        for (String[] prefix : PREFIXES) {
            if (what.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return "Unknown";
    }
}
