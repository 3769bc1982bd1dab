package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.testing.DefaultZone;
import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The command line prints an instant as the exports do, on a machine far from UTC: {@code incident list/show} and a
 * Markdown export of the same incident hold the same text, and {@code check}'s header is UTC too, not local time.
 */
class TimesAgreeTest {
    private static final Instant STARTED = Instant.parse("2026-12-05T22:47:00Z");
    @RegisterExtension
    final DefaultZone zone = DefaultZone.of("America/Los_Angeles");

    @Test
    void incidentCommandsPrintTimesAsTheExportDoes() {
        TimelineEntry created = IncidentDraft.of("Checkout 5xx", Severity.P1)
                .toEntry("alice", Clock.fixed(STARTED, ZoneOffset.UTC)).withSeq(1);
        TimelineEntry note = TimelineEntry.happened(created.incidentId(), "alice", new EntryBody.Note("rolled back", null),
                null, STARTED.plusSeconds(75), Clock.fixed(STARTED.plusSeconds(75), ZoneOffset.UTC)).withSeq(2);
        IncidentDocument doc = IncidentDocument.of(List.of(created, note));
        StringWriter shown = new StringWriter();
        new IncidentPrinter(new PrintWriter(shown, true)).entries(doc.inEventOrder(), Set.of());
        String exported = IncidentExport.markdown(doc, ExportOptions.defaults());

        assertThat(IncidentPrinter.line(doc.incident())).contains("2026-12-05T22:47:00Z");
        assertThat(shown.toString()).contains("2026-12-05T22:48:15Z");
        assertThat(exported).contains("2026-12-05T22:47:00Z").contains("2026-12-05T22:48:15Z");
    }

    @Test
    void checkSaysWhenInUtc() {
        StringWriter out = new StringWriter();
        new CheckTable(new PrintWriter(out, true), false, new RunbookLinks(List.of())).print("local", List.of(), STARTED);

        assertThat(out.toString()).startsWith("local: ").contains(" at 22:47:00 UTC");
    }
}
