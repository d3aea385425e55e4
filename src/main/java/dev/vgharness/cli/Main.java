package dev.vgharness.cli;


/** The entry point: builds the command line and exits with its code. The only {@code System.exit} of vgharness. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's streams without exiting. */
    public static int run(String... args) {
        return run(Console.system(), args);
    }

    /** Runs the command line on the given streams without exiting, for tests. */
    static int run(Console console, String... args) {
        return VgharnessCommand.commandLine(console, args).execute(args);
    }
}
