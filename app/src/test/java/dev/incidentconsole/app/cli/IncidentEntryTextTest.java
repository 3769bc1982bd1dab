package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How much of a run's recorded output {@code incident show} and the timeline list under the run. */
class IncidentEntryTextTest {

    private static TimelineEntry ran(String output) {
        return TimelineEntry.create("INC-1", "bob", new EntryBody.StepFinished(
                "PGPASSWORD='****' psql -h 127.0.0.1 -c 'select 1'", "local", 0, 72, output, null, null,
                RunOutcome.EXITED));
    }

    @Test
    void anOutputThatFitsIsListedWholeNotWithAMarkerInPlaceOfItsFirstLine() {
        // incident show (5 lines) listed this psql answer as "… 1 line omitted …" and its last three lines
        TimelineEntry psql = ran(" ?column? \n----------\n        1\n(1 row)\n");

        assertThat(IncidentEntryText.outputTail(psql, 5)).containsExactly(" ?column? ", "----------", "        1",
                "(1 row)");
        assertThat(IncidentEntryText.outputTail(ran("a\nb\nc\nd\ne\nf\ng\nh\n"), 8)).hasSize(8).startsWith("a");
    }

    @Test
    void aLongerOutputKeepsItsErrorsAndLastLinesWithinTheLimit() {
        String output = "ERROR: relation \"orders\" does not exist\n"
                + IntStream.rangeClosed(1, 20).mapToObj(k -> "row " + k).collect(Collectors.joining("\n"));

        assertThat(IncidentEntryText.outputTail(ran(output), 5)).containsExactly(
                "ERROR: relation \"orders\" does not exist", "… 17 lines omitted …", "row 18", "row 19", "row 20");
    }
}
