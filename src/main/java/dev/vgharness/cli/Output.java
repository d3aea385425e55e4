package dev.vgharness.cli;

import java.io.PrintWriter;

/** Where a command's text goes and how it looks: picocli's out and err, colour or not, live status line or not. */
record Output(PrintWriter out, PrintWriter err, Style style, boolean live) {

    /**
     * For a command line: colour and the live status line only when stderr is a terminal ({@link Terminal}), and
     * neither with {@code NO_COLOR} set or {@code --plain}.
     */
    static Output of(Console console, picocli.CommandLine commandLine, boolean plain) {
        boolean terminal = !plain && console.err() == System.err && Terminal.stderrIsTerminal()
                && !Terminal.noColor(System.getenv());
        return new Output(commandLine.getOut(), commandLine.getErr(), terminal ? Style.COLOUR : Style.PLAIN,
                terminal);
    }
}
