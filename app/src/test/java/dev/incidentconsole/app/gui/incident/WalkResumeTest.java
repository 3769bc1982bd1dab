package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Runbook;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining ("linked already?") and "Resume walkthrough" ("was a step walked in this section?") read links alike. */
class WalkResumeTest {
    @TempDir
    Path dir;

    /**
     * {@code incident new --runbook /srv/runbooks/web.md#Backend failing} links the heading alone; the window walks
     * "Web > Backend failing". Joining saw the section as linked already, while Resume walkthrough offered nothing
     * (a step's heading path had to start with the link's) and would have opened the runbook's first section.
     */
    @Test
    void aSectionLinkedFromTheCommandLineIsOfferedBackOnceWalkedAndOpensThatSection() throws Exception {
        Runbook web = WalkRunbook.write(dir);
        RunbookLink fromCommandLine = new RunbookLink(web.file().toAbsolutePath().toString(), List.of("Backend failing"));
        RunbookLink fromWindow = new RunbookLink("web.md", List.of("Web", "Backend failing"));
        TimelineEntry created = IncidentDraft.of("Checkout 502s", Severity.P1).toEntry("alice", Clock.systemUTC())
                .withSeq(1);
        TimelineEntry linked = TimelineEntry.create(created.incidentId(), "alice",
                new EntryBody.RunbookLinked(fromCommandLine)).withSeq(2);
        TimelineEntry walked = TimelineEntry.happened(created.incidentId(), "alice", new EntryBody.Note("backend restarted",
                null), new StepRef("web.md", List.of("Web", "Backend failing"), 9), null, Clock.systemUTC()).withSeq(3);
        List<TimelineEntry> timeline = List.of(created, linked, walked);
        Incident incident = Incident.replay(timeline);

        assertThat(fromWindow.sameSection(fromCommandLine, dir)).as("joining from the window: linked already").isTrue();
        assertThat(WalkResume.walked(incident, timeline)).as("offered back, by the path walked")
                .containsExactly(new RunbookLink(fromCommandLine.file(), List.of("Web", "Backend failing")));
        assertThat(IncidentFeature.sectionOf(web, fromCommandLine).path()).containsExactly("Web", "Backend failing");
    }

    @Test
    void aSectionOnlyLinkedOrWalkedInAnotherFileIsNotOfferedBack() {
        RunbookLink link = new RunbookLink("runbooks/db.md", List.of("Database", "Replication lag"));
        TimelineEntry created = IncidentDraft.of("Lagging replica", Severity.P2).toEntry("alice", Clock.systemUTC())
                .withSeq(1);
        TimelineEntry linked = TimelineEntry.create(created.incidentId(), "alice", new EntryBody.RunbookLinked(link))
                .withSeq(2);
        TimelineEntry elsewhere = TimelineEntry.happened(created.incidentId(), "alice", new EntryBody.Note("checked",
                null), new StepRef("mydb.md", List.of("Database", "Replication lag"), 5), null, Clock.systemUTC())
                .withSeq(3);
        List<TimelineEntry> timeline = List.of(created, linked, elsewhere);

        assertThat(WalkResume.walked(Incident.replay(timeline), timeline)).isEmpty();
    }

    /**
     * {@code incident new --runbook db.md#Verification} in a runbook with two "Verification" sections: the walk of the
     * second must open the second, not the first of that name.
     */
    @Test
    void aHeadingLinkedAloneOpensTheSectionOfThatNameThatWasWalked() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("db.md"), """
                # Database

                ## Failover

                ### Verification

                ```bash
                psql -c 'select pg_is_in_recovery()'
                ```

                ## Restore

                ### Verification

                ```bash
                psql -c 'select count(*) from orders'
                ```
                """);
        Runbook db = new dev.incidentconsole.runbook.RunbookParser().parse(dir.resolve("db.md"));
        RunbookLink fromCommandLine = new RunbookLink("db.md", List.of("Verification"));
        TimelineEntry created = IncidentDraft.of("Restore", Severity.P2).toEntry("alice", Clock.systemUTC()).withSeq(1);
        TimelineEntry linked = TimelineEntry.create(created.incidentId(), "alice",
                new EntryBody.RunbookLinked(fromCommandLine)).withSeq(2);
        TimelineEntry walked = TimelineEntry.happened(created.incidentId(), "alice", new EntryBody.Note("counted",
                null), new StepRef("db.md", List.of("Database", "Restore", "Verification"), 15), null,
                Clock.systemUTC()).withSeq(3);
        List<TimelineEntry> timeline = List.of(created, linked, walked);

        List<RunbookLink> offered = WalkResume.walked(Incident.replay(timeline), timeline);

        assertThat(offered).hasSize(1);
        assertThat(IncidentFeature.sectionOf(db, offered.get(0)).path()).containsExactly("Database", "Restore",
                "Verification");
    }
}
