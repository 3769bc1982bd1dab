package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunbookLinkTest {

    private static RunbookLink link(String file, String headings) {
        return new RunbookLink(file, headings.isBlank() ? List.of() : Arrays.asList(headings.split(" > ")));
    }

    /** Files and heading paths as 'incident new --runbook' and the window write them. */
    @ParameterizedTest(name = "{0}#{1} vs {2}#{3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "/tmp/u6/runbooks/checkout.md | CheckoutCacheDown | checkout.md | Checkout service > CheckoutCacheDown | true",
        "db/postgres.md | Postgres > Too many connections | db/postgres.md | Postgres > Too many connections | true",
        "./db/postgres.md | Too many connections | /srv/team/db/postgres.md | Postgres > Too many connections | true",
        "mydb.md | Lag | db.md | Lag | false",
        "team/db.md | Lag | other/db.md | Lag | false",
        "db.md | Replication > Lag | db.md | Backups > Restore | false",
        "db.md | Lag | db.md | Lag > Diagnosis | false",
        "db.md | ' ' | db.md | Lag | false",
        "db.md | ' ' | /srv/db.md | ' ' | true",
    })
    void theSameSectionIsRecognisedHoweverItsLinkWasWritten(String file, String headings, String otherFile,
                                                          String otherHeadings, boolean same) {
        RunbookLink a = link(file, headings);
        RunbookLink b = link(otherFile, otherHeadings);

        assertThat(a.sameSection(b)).isEqualTo(same);
        assertThat(b.sameSection(a)).isEqualTo(same);
    }
}
