package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.links.DeepLink;
import dev.incidentconsole.app.links.DeepLinkException;
import dev.incidentconsole.app.links.DeepLinkResolver;
import dev.incidentconsole.app.links.LinkTarget;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.SavedSettings;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.SecretMasker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console open URL}: checks an {@code incident-console://} link, then opens the window on its
 * section (the values it carries pre-filling the placeholders), or with {@code --print} prints the section's
 * commands with the values filled in, shell-quoted. Never runs a command.
 */
@picocli.CommandLine.Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Open the runbook section of an incident-console:// link (what the desktop entry does).",
                "  incident-console://open?runbook=FILE#heading",
                "  incident-console://alert?name=ALERT&label.namespace=NS&label.pod=POD",
                "Link values only fill placeholders (shell-quoted); nothing runs by itself."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:opened (or printed)", "1:the link names no runbook, heading or alert found",
                "2:usage error or a malformed or refused link"})
public final class OpenCommand implements Callable<Integer> {
    private final BiConsumer<String, List<Path>> window;
    private final LaunchOptions options;

    @Parameters(index = "0", paramLabel = "URL", description = "The incident-console:// link.")
    String url;

    @Option(names = "--runbooks", paramLabel = "FOLDER",
            description = "Runbook folder the link's file is looked up in (repeatable); replaces the workspace "
                    + "and the folders added in the settings. A new window opens on the one holding the link's runbook; "
                    + "an open window is told where to look.")
    List<Path> runbooks = new ArrayList<>();

    @Option(names = "--print", description = "Print the section and its commands with the link's values filled in instead of opening the window.")
    boolean print;

    @Option(names = "--show-secrets", description = "With --print: print the commands as they are; by default"
            + " passwords, tokens and keys in them are masked, as in the window.")
    boolean showSecrets;

    @Spec
    CommandSpec spec;

    /**
     * @param window  opens the window on a checked link (it blocks until the window closes), with the
     *                {@code --runbooks} folders it was checked in, the one holding its runbook first (a new window
     *                opens on that one); empty: the workspace's
     * @param options where the workspace and the settings are
     */
    public OpenCommand(BiConsumer<String, List<Path>> window, LaunchOptions options) {
        this.window = window;
        this.options = options;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DeepLink link;
        LinkTarget target;
        try {
            link = DeepLink.parse(url);
        } catch (DeepLinkException e) {
            err.println("incident-console open: " + e.getMessage());
            err.flush();
            return 2;
        }
        try {
            target = new DeepLinkResolver(folders(), new RunbookParser()).resolve(link);
        } catch (DeepLinkException e) {
            err.println("incident-console open: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (!print) {
            window.accept(url, checkedIn(target));
            return 0;
        }
        print(spec.commandLine().getOut(), target);
        return 0;
    }

    /** The {@code --runbooks} folders, absolute, the one holding the link's runbook first; empty without them. */
    private List<Path> checkedIn(LinkTarget target) {
        List<Path> folders = new ArrayList<>();
        for (Path folder : runbooks) {
            Path absolute = folder.toAbsolutePath().normalize();
            if (target.file().toAbsolutePath().normalize().startsWith(absolute)) {
                folders.add(0, absolute);
            } else {
                folders.add(absolute);
            }
        }
        return folders;
    }

    private List<Path> folders() {
        if (!runbooks.isEmpty()) {
            return runbooks;
        }
        // The workspace the other commands read (named on stderr), then the folders added in the settings: where the
        // window, opened on that workspace, looks a link up too.
        SavedSettings saved = SavedSettings.once(options.settings()::load);
        List<Path> folders = new ArrayList<>(List.of(
                ReadablePath.workspace(spec.commandLine(), spec.commandLine().getErr(), options, saved).folder()));
        try {
            folders.addAll(saved.load().runbookFolders());
        } catch (IOException e) {
            spec.commandLine().getErr().println(e.getMessage() + " Looking in the workspace only.");
        }
        return folders;
    }

    private void print(PrintWriter out, LinkTarget target) {
        out.println(target.describe() + (target.line() > 0 ? "  (" + target.file() + ":" + target.line() + ")" : "  (" + target.file() + ")"));
        SecretMasker masker = SecretMasker.standard();
        target.values().forEach((name, value) -> out.println("  " + name + " = "
                + (showSecrets ? value : masker.mask(name + "=" + value).substring(name.length() + 1))));
        if (target.commands().isEmpty()) {
            out.println("No commands in this section.");
        } else {
            out.println("Commands (not run; values shell-quoted):");
            try (CommandRunner runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(options.localUser()))) {
                for (Command c : target.commands()) {
                    out.println("  " + filled(runner, c, target.valuesFor(c), showSecrets ? null : masker));
                }
            }
        }
        out.flush();
    }

    /**
     * The command as it would run with the link's values; as written when a placeholder is still open. Its secrets
     * masked by {@code masker} (the terminal's scrollback and a shared screen are no place for them), unless null.
     */
    private static String filled(CommandRunner runner, Command command, Map<String, String> values, SecretMasker masker) {
        try {
            String text = runner.prepare(RunRequest.of(command, LocalTarget.here()).withVariables(values)).text();
            return masker == null ? text : masker.maskCommand(text);
        } catch (ExecException e) {
            return masker == null ? command.text() + "    # " + e.getMessage()
                    : masker.maskCommand(command.text()) + "    # " + masker.mask(e.getMessage());
        }
    }
}
