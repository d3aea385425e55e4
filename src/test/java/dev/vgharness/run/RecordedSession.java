package dev.vgharness.run;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakCheckParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A gdb session recorded by {@code scripts/record-deltas} into {@code fixtures/memcheck/deltas}: at each stop the
 * monitor commands sent and Valgrind's answers. As a {@link LeakCheckSeries.Monitor} it answers the commands of the
 * current stop from the recording (and fails on any other), keeping what was sent.
 */
final class RecordedSession implements LeakCheckSeries.Monitor {

    record Answer(String command, String text) {
    }

    private static final String STOP = "### stop ";

    private final List<List<Answer>> stops;
    private final List<List<String>> sent = new ArrayList<>();

    private RecordedSession(List<List<Answer>> stops) {
        this.stops = stops;
    }

    /** {@code name} as in {@code sites.followed}, under {@code fixtures/memcheck/deltas}. */
    static RecordedSession load(String name) {
        List<List<Answer>> stops = new ArrayList<>();
        String command = null;
        StringBuilder text = new StringBuilder();
        for (String line : Fixtures.read("memcheck/deltas/" + name + ".txt").split("\n", -1)) {
            if (line.startsWith(STOP)) {
                add(stops, command, text);
                int colon = line.indexOf(": ");
                int stop = Integer.parseInt(line.substring(STOP.length(), colon));
                while (stops.size() < stop) {
                    stops.add(new ArrayList<>());
                }
                command = line.substring(colon + 2);
                text.setLength(0);
            } else if (command != null) {
                text.append(line).append('\n');
            }
        }
        add(stops, command, text);
        return new RecordedSession(stops);
    }

    private static void add(List<List<Answer>> stops, String command, StringBuilder text) {
        if (command != null) {
            stops.get(stops.size() - 1).add(new Answer(command, text.toString()));
        }
    }

    int stops() {
        return stops.size();
    }

    /** Goes on to the next stop. */
    void next() {
        sent.add(new ArrayList<>());
    }

    @Override
    public String send(String command) {
        sent.get(sent.size() - 1).add(command);
        return text(sent.size(), command);
    }

    /** The commands sent at each stop so far. */
    List<List<String>> sent() {
        return sent;
    }

    /** The recorded answer to a command at a stop (1-based). */
    LeakCheckAnswer answer(int stop, String command) {
        return LeakCheckParser.parse(text(stop, command));
    }

    private String text(int stop, String command) {
        return stops.get(stop - 1).stream().filter(a -> a.command().equals(command)).map(Answer::text).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + command + "' recorded at stop " + stop));
    }
}
