package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal files of one database shared by several processes (the window and {@code incident note} in a terminal)
 * and by several stores in one process (the Store dialog opens the new store before closing the old): a file is
 * written by one holder at a time, and a note journaled by any of them is taken over exactly once.
 */
class JournalTakeoverTest {
    private static final String KEY = "jdbc:postgresql://db.internal/incidents|alice";

    @TempDir
    Path dir;

    private static Process child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), JournalChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> lines(Process p) throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    @Test
    void aSecondStoreOnTheSameDatabaseInThisProcessLeavesTheFirstJournalLockedAgainstOtherProcesses() throws Exception {
        try (OfflineJournal first = JournalFiles.claim(dir, KEY);
             OfflineJournal second = JournalFiles.claim(dir, KEY)) {
            assertThat(second.file()).isNotEqualTo(first.file());

            assertThat(lines(child("probe", first.file().toString()))).containsExactly("HELD");
            assertThat(lines(child("probe", second.file().toString()))).containsExactly("HELD");
        }
        assertThat(lines(child("probe", dir.resolve("pg-journal-x.jsonl").toString()))).containsExactly("FREE");
    }

    @Test
    void notesJournaledByAnotherProcessWhileThisOneTakesItsFilesOverAreEachKeptExactlyOnce() throws Exception {
        try (OfflineJournal mine = JournalFiles.claim(dir, KEY)) {
            Process terminal = child("notes", dir.toString(), KEY, "600");
            List<String> printed = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    printed.addAll(lines(terminal));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            reader.start();
            int rounds = 0;
            while (terminal.isAlive()) {
                JournalFiles.adoptOrphans(dir, KEY, mine);
                rounds++;
            }
            reader.join();
            JournalFiles.adoptOrphans(dir, KEY, mine);

            List<String> kept = mine.readAll().stream().map(e -> e.id().toString()).toList();
            assertThat(printed).hasSize(600);
            assertThat(rounds).as("took over while the terminal wrote").isGreaterThan(10);
            assertThat(kept).as("every note the terminal was told is journaled, once")
                    .containsExactlyInAnyOrderElementsOf(printed);
        }
    }
}
