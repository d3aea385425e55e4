package dev.vgharness.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page vgharness(1) in troff ({@code man} macros), written from the picocli model of every command, so it
 * lists exactly the options the jar parses. picocli-codegen's generator writes AsciiDoc, which needs Asciidoctor (Ruby)
 * to become a page {@code man} can show; this writes troff directly from the same model.
 */
final class ManPage {

    private final StringBuilder page = new StringBuilder();

    private ManPage() {
    }

    /** The page for the root command {@code root} and all its subcommands, stamped with version and date. */
    static String of(CommandLine root, String version, LocalDate date) {
        ManPage man = new ManPage();
        man.header(root.getCommandSpec(), version, date);
        root.getSubcommands().values().forEach(man::command);
        man.footer();
        return man.page.toString();
    }

    private void header(CommandSpec spec, String version, LocalDate date) {
        line(".TH VGHARNESS 1 \"" + date + "\" \"vgharness " + version + "\" \"User Commands\"");
        line(".SH NAME");
        line("vgharness \\- " + text(String.join(" ", spec.usageMessage().description())));
        line(".nh");
        line(".ad l");
        line(".SH SYNOPSIS");
        for (CommandLine sub : spec.commandLine().getSubcommands().values()) {
            synopsisParagraph(sub.getCommandSpec());
        }
        line(".SH OPTIONS");
        options(spec);
        line(".SH COMMANDS");
    }

    private void command(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        line(".SS " + text(spec.qualifiedName()));
        synopsisParagraph(spec);
        line(".PP");
        line(text(String.join(" ", spec.usageMessage().description())));
        parameters(spec.positionalParameters());
        options(spec);
        command.getSubcommands().values().forEach(this::command);
    }

    private void parameters(List<PositionalParamSpec> parameters) {
        for (PositionalParamSpec p : parameters) {
            if (!p.hidden()) {
                item(bold(p.paramLabel()), p);
            }
        }
    }

    private void options(CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                String names = String.join(", ", Stream.of(o.names()).map(ManPage::bold).toList());
                item(o.typeInfo().isBoolean() ? names : names + " " + italic(o.paramLabel()), o);
            }
        }
    }

    private void item(String term, ArgSpec arg) {
        line(".TP");
        line(term);
        line(text(String.join(" ", arg.description())));
    }

    private void footer() {
        line(".SH EXIT STATUS");
        exitStatus(ExitCodes.PASSED, "every case passed; doctor: vgharness can work here");
        exitStatus(ExitCodes.FAILED, "an expectation failed (check: a leak of a --fail-on kind; repl: a command failed)");
        exitStatus(ExitCodes.USAGE, "bad usage or an invalid plan, baseline or report file: nothing was run");
        exitStatus(ExitCodes.INFRASTRUCTURE, "infrastructure: a case is an error, or a tool vgharness needs is missing"
                + " or does not work");
        line(".SH SEE ALSO");
        line("valgrind(1), gdb(1), vgdb(1); docs/cli.md, docs/plan.md and docs/report.md of vgharness");
    }

    private void exitStatus(int code, String meaning) {
        line(".TP");
        line(bold(Integer.toString(code)));
        line(text(meaning));
    }

    /** The synopsis, filled and broken between words, continued lines indented. */
    private void synopsisParagraph(CommandSpec spec) {
        line(".HP 4");
        line(text(synopsis(spec)));
    }

    private static String synopsis(CommandSpec spec) {
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return help.synopsis(0).strip().replaceAll("\\s+", " ");
    }

    private static String bold(String word) {
        return "\\fB" + escape(word) + "\\fR";
    }

    private static String italic(String word) {
        return "\\fI" + escape(word) + "\\fR";
    }

    /** A line of running text: escaped, and never read as a request even when it starts with a dot or quote. */
    private static String text(String s) {
        return "\\&" + escape(s);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-").replace("\n", " ");
    }

    private void line(String s) {
        page.append(s).append('\n');
    }
}
