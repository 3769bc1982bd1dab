package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunbookLinkTest {

    private static RunbookLink link(String file, String headings) {
        return new RunbookLink(file, headings.isBlank() ? List.of() : Arrays.asList(headings.split(" > ")));
    }

    /** Files and heading paths as 'incident new --runbook' and the window write them, and the window's workspace. */
    @ParameterizedTest(name = "{0}#{1} vs {2}#{3} in {4}: {5}")
    @CsvSource(delimiter = '|', value = {
        "/tmp/u6/runbooks/checkout.md | CheckoutCacheDown | checkout.md | Checkout service > CheckoutCacheDown | /tmp/u6/runbooks | true",
        "db/postgres.md | Postgres > Too many connections | db/postgres.md | Postgres > Too many connections | /srv/team | true",
        "./db/postgres.md | Too many connections | /srv/team/db/postgres.md | Postgres > Too many connections | /srv/team | true",
        "/srv/team/db/../db/postgres.md | Too many connections | db/postgres.md | Postgres > Too many connections | /srv/team | true",
        "/srv/a/README.md | Diagnosis | README.md | Redis > Diagnosis | /srv/b | false",
        "/srv/a/README.md | Diagnosis | README.md | Redis > Diagnosis | /srv/a | true",
        "/srv/a/db/README.md | Diagnosis | README.md | Redis > Diagnosis | /srv/a | false",
        "mydb.md | Lag | db.md | Lag | /srv | false",
        "team/db.md | Lag | other/db.md | Lag | /srv | false",
        "db.md | Replication > Lag | db.md | Backups > Restore | /srv | false",
        "db.md | Lag | db.md | Lag > Diagnosis | /srv | false",
        "db.md | ' ' | db.md | Lag | /srv | false",
        "db.md | ' ' | /srv/db.md | ' ' | /srv | true",
        "db.md | Lag | ./db.md | Lag |  | true",
        "db.md | Lag | /srv/db.md | Lag |  | false",
    })
    void theSameSectionIsRecognisedHoweverItsLinkWasWritten(String file, String headings, String otherFile,
                                                          String otherHeadings, Path root, boolean same) {
        RunbookLink a = link(file, headings);
        RunbookLink b = link(otherFile, otherHeadings);

        assertThat(a.sameSection(b, root)).isEqualTo(same);
        assertThat(b.sameSection(a, root)).isEqualTo(same);
    }

    /** A step keeps its runbook's file name and its section's whole heading path. */
    @ParameterizedTest(name = "{0}#{1} holds {2}#{3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "runbooks/db.md | Database > Replication lag | db.md | Database > Replication lag | true",
        "runbooks/db.md | Database > Replication lag | db.md | Database > Replication lag > Diagnosis | true",
        "/srv/runbooks/db.md | Replication lag | db.md | Database > Replication lag > Diagnosis | true",
        "runbooks\\db.md | Replication lag | db.md | Database > Replication lag | true",
        "runbooks/db.md | ' ' | db.md | Database > Backups | true",
        "runbooks/db.md | Database > Replication lag | db.md | Database > Backups | false",
        "runbooks/db.md | Database > Replication lag | db.md | Database | false",
        "runbooks/db.md | Database > Replication lag | mydb.md | Database > Replication lag | false",
        "runbooks/db.md | Replication lag | db.md | Database > replication lag | false",
    })
    void aStepIsInTheSectionItWasRecordedInOrOneAboveIt(String file, String headings, String stepFile,
                                                        String stepHeadings, boolean holds) {
        StepRef step = new StepRef(stepFile, Arrays.asList(stepHeadings.split(" > ")), 7);

        assertThat(link(file, headings).holds(step)).isEqualTo(holds);
    }
}
