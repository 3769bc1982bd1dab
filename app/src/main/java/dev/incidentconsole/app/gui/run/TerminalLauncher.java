package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.exec.Executables;
import dev.incidentconsole.exec.ShellQuote;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens a shell script in the system terminal, for commands that need one (psql, top, kubectl exec -it):
 * on Linux the first of x-terminal-emulator, gnome-terminal, konsole, xterm found on PATH; on macOS
 * Terminal.app through osascript. The terminal stays open after the command ends, until Enter is pressed,
 * so its output can still be read. Thread-safe; starting the terminal does not wait for it.
 */
public final class TerminalLauncher {
    private static final String KEEP_OPEN = "\nstatus=$?; echo; echo \"[exited with $status] Press Enter to close.\"; read -r _";

    /** A terminal program and how it is told to run {@code bash -c SCRIPT}. */
    public record Candidate(String program, Function<String, List<String>> arguments) {
    }

    private final List<Candidate> candidates;
    private final Function<String, Optional<Path>> finder;

    /**
     * @param candidates terminals to try, in order
     * @param finder     the executable for a program name, if installed
     */
    public TerminalLauncher(List<Candidate> candidates, Function<String, Optional<Path>> finder) {
        this.candidates = List.copyOf(candidates);
        this.finder = finder;
    }

    /** The terminals of this operating system, looked up on the {@code PATH} of {@code options}. */
    public static TerminalLauncher system(LaunchOptions options) {
        boolean mac = options.mac();
        String path = Objects.requireNonNullElse(options.env("PATH"), "");
        List<Candidate> list = mac ? List.of(new Candidate("osascript", script -> List.of(
                "-e", "tell application \"Terminal\" to do script \"" + appleScriptString(typedIntoShell(script)) + "\"",
                "-e", "tell application \"Terminal\" to activate")))
                : List.of(new Candidate("x-terminal-emulator", script -> bash("-e", script)),
                        new Candidate("gnome-terminal", script -> bash("--", script)),
                        new Candidate("konsole", script -> bash("-e", script)),
                        new Candidate("xterm", script -> bash("-e", script)));
        return new TerminalLauncher(list, program -> Executables.find(program, path));
    }

    /**
     * Starts the first installed terminal running {@code script}.
     *
     * @return the terminal's name, for a status message
     * @throws IOException when no terminal is installed or it cannot be started; the message says what to do
     */
    public String open(String script) throws IOException {
        for (Candidate c : candidates) {
            Optional<Path> program = finder.apply(c.program());
            if (program.isPresent()) {
                List<String> argv = new ArrayList<>();
                argv.add(program.get().toString());
                argv.addAll(c.arguments().apply(script + KEEP_OPEN));
                new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                return c.program();
            }
        }
        throw new IOException("No terminal program found (looked for " + candidates.stream().map(Candidate::program)
                .collect(Collectors.joining(", ")) + "); copy the command and run it in your own terminal.");
    }

    private static List<String> bash(String flag, String script) {
        return List.of(flag, "bash", "-c", script);
    }

    /**
     * What Terminal.app types into its interactive login shell (zsh): {@code bash -c} and the script as one
     * single-quoted word. Typed as it is, the script's {@code !} inside double quotes (a value such as
     * {@code web 1!} in {@code kubectl logs "<pod>"}) would be history-expanded by zsh; inside single quotes it is
     * not, and the script runs in bash as it does on Linux.
     */
    static String typedIntoShell(String script) {
        return "bash -c " + ShellQuote.quote(script);
    }

    private static String appleScriptString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
