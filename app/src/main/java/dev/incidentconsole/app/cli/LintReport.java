package dev.incidentconsole.app.cli;

import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.ClientDanger;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.ServiceEntry;
import dev.incidentconsole.runbook.Step;
import java.util.ArrayList;
import java.util.List;

/** What {@code lint --json} prints for one file; the field names are the documented JSON contract. */
record LintReport(String file, String title, String lastUpdated, List<SectionRef> sections,
                  List<SectionRef> procedures, int steps, List<CommandRef> commands,
                  List<TextDangerRef> textDangers, List<ServiceRef> services, List<AlertRef> alerts,
                  List<IndexRef> index, List<String> warnings) {

    record SectionRef(String path, String kind, int line) {
        static SectionRef of(Section s) {
            return new SectionRef(s.pathString(), s.kind().label(), s.line());
        }
    }

    record CommandRef(String text, int line, String language, String runner, List<String> placeholders,
                      boolean dangerous, String reason, String description) {
    }

    /**
     * A statement destructive if sent to its client (SQL, or a line typed at a {@code redis-cli} prompt) that a code
     * block shows as text, not run: the block's {@link Step#clientDanger()}, the rule behind the window's badge.
     * {@code line} and {@code text} are the statement's own; {@code blockLine} is the block's opening fence.
     */
    record TextDangerRef(int line, String language, String text, String rule, String reason, int blockLine) {
    }

    record ServiceRef(String name, int port, String protocol, String check, int line) {
        static ServiceRef of(ServiceEntry s) {
            return new ServiceRef(s.name(), s.port(), s.protocol(), s.check(), s.line());
        }
    }

    record AlertRef(String name, int line, String section) {
        static AlertRef of(Alert a) {
            return new AlertRef(a.name(), a.line(), String.join(" > ", a.sectionPath()));
        }
    }

    record IndexRef(String kind, String key, List<String> targets, int line) {
    }

    static LintReport of(Runbook rb) {
        List<CommandRef> commands = new ArrayList<>();
        List<TextDangerRef> textDangers = new ArrayList<>();
        int steps = 0;
        for (Section section : rb.sections()) {
            for (Step step : section.steps()) {
                steps++;
                ClientDanger sent = step.clientDanger();
                if (sent != null) {
                    textDangers.add(new TextDangerRef(sent.line(), step.language(), sent.text(),
                            sent.danger().rule(), sent.danger().reason(), step.line()));
                }
                for (Command c : step.commands()) {
                    commands.add(new CommandRef(c.text(), c.line(), step.language(), c.runner().label(),
                            c.placeholders().stream().map(Placeholder::token).toList(),
                            c.dangerous(), c.dangerous() ? c.danger().reason() : null, c.description()));
                }
            }
        }
        return new LintReport(rb.file().toString(), rb.title(),
                rb.lastUpdated() == null ? null : rb.lastUpdated().toString(),
                rb.sections().stream().map(SectionRef::of).toList(),
                rb.procedures().stream().map(SectionRef::of).toList(),
                steps, commands, textDangers,
                rb.services().stream().map(ServiceRef::of).toList(),
                rb.alerts().stream().map(AlertRef::of).toList(),
                rb.index().stream().map(e -> new IndexRef(e.kind().name().toLowerCase(java.util.Locale.ROOT),
                        e.key(), e.targets(), e.line())).toList(),
                rb.warnings().stream().map(Object::toString).toList());
    }
}
