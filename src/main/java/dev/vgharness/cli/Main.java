package dev.vgharness.cli;


/** The entry point: builds the command line and exits with its code. The only {@code System.exit} of vgharness. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line without exiting, for tests. */
    public static int run(String... args) {
        return VgharnessCommand.commandLine(args).execute(args);
    }
}
