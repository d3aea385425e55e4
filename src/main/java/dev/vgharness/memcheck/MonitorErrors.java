package dev.vgharness.memcheck;

/**
 * Recognises the complaints of monitor commands (leak_check, block_list, who_points_at and the core {@code v.}
 * commands) by their text: valgrind answers
 * {@code OK} to gdb even for a bad command, so the text is the only sign.
 */
final class MonitorErrors {

    private MonitorErrors() {
    }

    /** The typed complaint for a body, or null when the line is not one. */
    static MonitorError classify(String body) {
        MonitorErrorKind kind = kindOf(body);
        return kind == null ? null : new MonitorError(kind, body);
    }

    private static MonitorErrorKind kindOf(String body) {
        if (body.isEmpty()) {
            return null;
        }
        return switch (body.charAt(0)) {
            case 'c' -> startingWithC(body);
            case 'C' -> startingWithUpperC(body);
            case 'i' -> body.equals("invalid loss record nr") ? MonitorErrorKind.INVALID_LOSS_RECORD
                    : body.startsWith("invalid integer or slice") ? MonitorErrorKind.BAD_SLICE : null;
            case 'e' -> body.startsWith("expecting slice") || body.startsWith("expecting integer or slice")
                    ? MonitorErrorKind.BAD_SLICE
                    : body.startsWith("error: no ") ? MonitorErrorKind.INTERNAL : null;
            case 'm' -> startingWithM(body);
            default -> other(body);
        };
    }

    private static MonitorErrorKind startingWithC(String body) {
        return body.startsWith("command '") && body.endsWith("' not recognised") ? MonitorErrorKind.UNKNOWN_COMMAND
                : other(body);
    }

    private static MonitorErrorKind startingWithUpperC(String body) {
        if (body.startsWith("Can't print obsolete block list")) {
            return MonitorErrorKind.OBSOLETE_LEAK_SEARCH;
        }
        if (body.startsWith("Can't print block list")) {
            return MonitorErrorKind.NO_LEAK_SEARCH;
        }
        return body.startsWith("Cannot search who points at") ? MonitorErrorKind.CANNOT_SEARCH : other(body);
    }

    private static MonitorErrorKind startingWithM(String body) {
        if (body.startsWith("missing or malformed address")) {
            return MonitorErrorKind.BAD_ADDRESS;
        }
        if (body.startsWith("missing or malformed")) {
            return MonitorErrorKind.BAD_SET;
        }
        if (body.startsWith("max_loss_records_output must be") || body.startsWith("max_blocks must be")) {
            return MonitorErrorKind.BAD_LIMIT;
        }
        return body.startsWith("missing integer value") || body.startsWith("malformed integer")
                ? MonitorErrorKind.BAD_INTEGER : other(body);
    }

    private static MonitorErrorKind other(String body) {
        if (body.contains(" does not match any of '")) {
            return MonitorErrorKind.UNKNOWN_KEYWORD;
        }
        if (body.contains(" cannot be bigger than ")) {
            return MonitorErrorKind.BAD_SLICE;
        }
        int space = body.indexOf(' ');
        return space > 0 && body.startsWith(" can match ", space) ? MonitorErrorKind.AMBIGUOUS_COMMAND : null;
    }
}
