package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's reads against a store closing meanwhile. */
class StoreJournalTest {
    @TempDir
    Path dir;

    @Test
    void aReadOfTheJournalAfterTheStoreClosedSaysClosedNotThatTheFileCannotBeRead() throws Exception {
        // The store checks "closed" before taking the journal's guard; a close in between used to leave the read a
        // closed file and an IO error ("cannot read the offline journal") for what is only a closed store.
        TimelineEntry kept = TimelineEntry.create("INC-1", "alice", new EntryBody.Note("paged, store down", null));
        Dispatcher dispatcher = new Dispatcher((id, after) -> List.of(), "test");
        StoreJournal journal = new StoreJournal(OfflineJournal.tryOpen(dir.resolve("pg-journal.jsonl")), dir, "key",
                "test", dispatcher);
        journal.append(List.of(kept));
        assertThat(journal.firstWrites(e -> true, "the kept entries")).extracting(TimelineEntry::id).containsExactly(kept.id());

        journal.close();

        assertThatThrownBy(() -> journal.firstWrites(e -> true, "the kept entries"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CLOSED));
        dispatcher.close();
    }
}
