package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emptying the journal after a drain never takes an entry that was not sent. */
class OfflineJournalTest {
    @TempDir
    Path dir;

    private static TimelineEntry note(String text) {
        return TimelineEntry.create("INC-1", "alice", new EntryBody.Note(text, null));
    }

    @Test
    void entriesJournaledWhileOthersWereSentStayInTheFileUntouched() throws Exception {
        Path file = dir.resolve("pg-journal.jsonl");
        TimelineEntry sent = note("sent");
        TimelineEntry waiting = note("journaled meanwhile");
        try (OfflineJournal journal = OfflineJournal.tryOpen(file)) {
            journal.append(List.of(sent));
            journal.append(List.of(waiting));
            String before = Files.readString(file);

            assertThat(journal.clearIfSent(Set.of(sent.id()))).isFalse();

            assertThat(Files.readString(file)).as("not rewritten: a crash here cannot lose it").isEqualTo(before);
            assertThat(journal.size()).isEqualTo(2);
        }
        try (OfflineJournal reopened = OfflineJournal.tryOpen(file)) {
            assertThat(reopened.readAll()).extracting(TimelineEntry::id).containsExactly(sent.id(), waiting.id());
            assertThat(reopened.clearIfSent(Set.of(sent.id(), waiting.id()))).isTrue();
            assertThat(reopened.size()).isZero();
            assertThat(Files.size(file)).isZero();
        }
    }
}
