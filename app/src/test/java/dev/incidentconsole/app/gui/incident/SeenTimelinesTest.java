package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which copy of one entry a timeline keeps: the one rule of the timeline shown and of one put together while offline. */
class SeenTimelinesTest {
    private final TimelineEntry created = IncidentDraft.of("Checkout 502s", Severity.P1).toEntry("alice",
            Clock.systemUTC());
    private final TimelineEntry note = TimelineEntry.create(created.incidentId(), "alice",
            new EntryBody.Note("deploy v42 rolled out", null));

    @ParameterizedTest(name = "held seq {0}, arriving seq {1}: keeps the {2}")
    @CsvSource({
        "0, 2, arriving",  // the stored copy replaces the one journaled here
        "2, 0, held",      // a journaled copy never replaces the stored one
        "0, 0, held",      // two journaled copies: the first stays
        "2, 2, held",
    })
    void theStoredCopyWinsElseTheOneHeldFirst(long heldSeq, long arrivingSeq, String kept) {
        TimelineEntry held = note.withSeq(heldSeq);
        TimelineEntry arriving = note.withSeq(arrivingSeq);

        assertThat(SeenTimelines.kept(held, arriving)).isSameAs(kept.equals("held") ? held : arriving);
    }

    @Test
    void whatWasSeenStoredIsKeptOverTheJournaledCopyTheOutageReadGives() {
        SeenTimelines seen = new SeenTimelines();
        seen.left(created.incidentId(), List.of(created.withSeq(1), note.withSeq(2)));

        List<TimelineEntry> held = seen.with(created.incidentId(), List.of(note.withSeq(0)));

        assertThat(held).extracting(TimelineEntry::seq).containsExactly(1L, 2L);
    }
}
