package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * The other process of {@link JournalTakeoverTest}: {@code probe FILE} prints whether a journal file is held;
 * {@code notes DIR KEY N} runs N times what an {@code incident note} does offline (claims a journal, appends one
 * note, closes) and prints each note's UUID after its append returned.
 */
public final class JournalChild {
    private JournalChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("probe")) {
            OfflineJournal j = OfflineJournal.tryOpen(Path.of(args[1]));
            System.out.println(j == null ? "HELD" : "FREE");
            if (j != null) {
                j.close();
            }
            return;
        }
        Path dir = Path.of(args[1]);
        int n = Integer.parseInt(args[3]);
        for (int k = 0; k < n; k++) {
            TimelineEntry e = TimelineEntry.create("INC-1", "terminal", new EntryBody.Note("note " + k, null));
            try (OfflineJournal j = JournalFiles.claim(dir, args[2])) {
                j.append(List.of(e));
            }
            System.out.println(e.id());
        }
        System.out.flush();
    }
}
