package dev.incidentconsole.app.links;

import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.alert.AlertAnswer;
import dev.incidentconsole.health.alert.AlertLink;
import dev.incidentconsole.health.alert.AlertLinker;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookFiles;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what a {@link DeepLink} names in the runbook folders: the file and heading of an {@code open} link,
 * or the section that names an alert (through {@link AlertLinker}, as the dashboard links firing alerts).
 * Reads files: call off the UI thread. Thread-safe.
 */
public final class DeepLinkResolver {
    private final List<Path> folders;
    private final RunbookParser parser;

    /** @param folders the runbook folders a link may name files in, searched in this order */
    public DeepLinkResolver(List<Path> folders, RunbookParser parser) {
        this.folders = folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        this.parser = parser;
    }

    /**
     * @throws DeepLinkException when the file is not in any folder, lies outside it, has no such heading, or no
     *                           runbook names the alert
     */
    public LinkTarget resolve(DeepLink link) throws DeepLinkException {
        return link.kind() == DeepLink.Kind.OPEN ? open(link) : alert(link);
    }

    private LinkTarget open(DeepLink link) throws DeepLinkException {
        Path file = RunbookPath.resolve(link.runbook(), folders).orElseThrow(() -> new DeepLinkException(
                "No runbook '" + DeepLink.shorten(link.runbook()) + "' in " + folderList() + "."));
        Runbook runbook;
        try {
            runbook = parser.parse(file);
        } catch (IOException | RuntimeException e) {
            throw new DeepLinkException("The runbook " + file + " cannot be read: " + e.getMessage());
        }
        if (link.heading().isEmpty()) {
            return new LinkTarget(file, List.of(), 0, runbook.commands(), link.values());
        }
        Section section = runbook.sections().stream().filter(s -> RunbookLinks.headingMatches(s, link.heading()))
                .findFirst().orElseThrow(() -> new DeepLinkException("The runbook " + file.getFileName()
                        + " has no heading '" + DeepLink.shorten(link.heading()) + "'."));
        return target(runbook, section, link.values());
    }

    private LinkTarget alert(DeepLink link) throws DeepLinkException {
        List<Runbook> runbooks = new ArrayList<>();
        List<Path> files;
        try {
            files = RunbookFiles.find(folders.stream().filter(Files::isDirectory).toArray(Path[]::new));
        } catch (IOException e) {
            throw new DeepLinkException("The runbook folders cannot be read: " + e.getMessage());
        }
        for (Path file : files) {
            try {
                runbooks.add(parser.parse(file));
            } catch (IOException | RuntimeException e) {
                // One unreadable runbook does not hide the alert's section in the others.
            }
        }
        AlertLinker linker = new AlertLinker(runbooks);
        // ranked as the dashboard ranks a firing alert's sections: a runbook headed by the alert's name before a
        // catalogue that only lists it earlier in the folder
        FiringAlert alert = new FiringAlert(link.alert(), "", withAlertName(link), "", null, "");
        for (AlertAnswer answer : linker.answers(alert)) {
            if (answer.runbook() != null && answer.section() != null) {
                return target(answer.runbook(), answer.section(), withAlertName(link));
            }
        }
        for (AlertLink found : linker.links(link.alert())) {
            Optional<Section> section = found.section();
            if (section.isPresent()) {
                return target(found.runbook(), section.get(), withAlertName(link));
            }
        }
        throw new DeepLinkException("No runbook in " + folderList() + " names the alert '" + DeepLink.shorten(link.alert()) + "'.");
    }

    private static LinkTarget target(Runbook runbook, Section section, Map<String, String> values) {
        List<Command> commands = runbook.subtree(section).stream().flatMap(s -> s.commands().stream()).toList();
        return new LinkTarget(runbook.file().toAbsolutePath(), section.path(), section.line(), commands, values);
    }

    /** The labels, plus the alert name for an {@code <alertname>} placeholder unless a label gives one. */
    private static Map<String, String> withAlertName(DeepLink link) {
        Map<String, String> values = new LinkedHashMap<>(link.values());
        values.putIfAbsent("alertname", link.alert());
        return values;
    }

    private String folderList() {
        return folders.size() == 1 ? folders.get(0).toString() : folders.toString();
    }
}
