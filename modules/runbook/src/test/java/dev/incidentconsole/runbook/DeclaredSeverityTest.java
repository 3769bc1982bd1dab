package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredSeverityTest {
    @TempDir
    Path dir;

    /** The words the app's default mapping knows, of those these runbooks use. */
    private static final Predicate<String> KNOWN = w -> Set.of("critical", "warning", "p1", "high")
            .contains(w.toLowerCase(Locale.ROOT));

    private Runbook parse(String text) throws Exception {
        Path file = dir.resolve("r.md");
        Files.writeString(file, text);
        return new RunbookParser().parse(file);
    }

    /** The section whose heading path ends in titles containing {@code path}'s words (headings keep their backticks or not). */
    private static Section at(Runbook runbook, String... path) {
        return runbook.sections().stream().filter(s -> s.path().size() == path.length && java.util.stream.IntStream
                .range(0, path.length).allMatch(i -> s.path().get(i).replace("`", "").equals(path[i])))
                .findFirst().orElseThrow();
    }

    @Test
    void aBoldSeverityLineUnderTheAlertHeadingIsReadForItsLabelledParts() throws Exception {
        Runbook runbook = parse("""
                # Alerts

                ## Alert: `AragoraDown`
                **Severity:** Critical

                **Response:**
                1. Check server process: `systemctl status aragora`

                ## Alert: `SlowQueries`
                **Severity:** warning, for 10m.
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts", "Alert: AragoraDown"), KNOWN)).contains("Critical");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts", "Alert: AragoraDown", "Response"), KNOWN))
                .contains("Critical");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts", "Alert: SlowQueries"), KNOWN)).contains("warning");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts"), KNOWN)).isEmpty();
    }

    @Test
    void theFrontMatterSeverityAppliesWhenNoSectionDeclaresOne() throws Exception {
        Runbook runbook = parse("""
                ---
                severity: P1
                ---
                # Gateway

                ## Sockets drop
                Severity is decided by the incident commander.
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Sockets drop"), KNOWN)).contains("P1");
    }

    @Test
    void theSeedRunbooksAlertsDeclareCritical() throws Exception {
        Runbook runbook = new RunbookParser().parse(SharedInputs.seed("002_"));
        Section down = runbook.sections().stream().filter(s -> s.title().contains("AragoraDown")).findFirst().orElseThrow();

        assertThat(DeclaredSeverity.of(runbook, down, KNOWN)).contains("Critical");
    }

    /** Reviewer: this sentence under the top heading made every section of the runbook P0. */
    @Test
    void aSentenceAboutSeverityIsNotADeclaration() throws Exception {
        Runbook runbook = parse("""
                # Database

                Severity: critical alerts page the on-call, warnings wait for the morning.

                ## Replication lag
                Check `pg_stat_replication`.
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Database", "Replication lag"), KNOWN)).isEmpty();
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Database"), KNOWN)).isEmpty();
    }

    @Test
    void aBoldSeverityFieldOnTheLineAfterAnotherFieldIsRead() throws Exception {
        Runbook runbook = parse("""
                # Database

                ## Primary down
                **Owner:** db
                **Severity:** Critical
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Database", "Primary down"), KNOWN)).contains("Critical");
    }

    /** Reviewer: Markdown joins the two lines into one paragraph, and the declaration was no longer read. */
    @Test
    void aPlainSeverityLineFollowedOnTheNextSourceLineByAnotherFieldIsRead() throws Exception {
        Runbook runbook = parse("""
                # Database

                ## Primary down
                Severity: critical
                Owner: db

                ## Replica down
                Owner: db
                Severity: warning
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Database", "Primary down"), KNOWN)).contains("critical");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Database", "Replica down"), KNOWN)).contains("warning");
    }

    @Test
    void aDashColonOrSlashEndsTheSeverityClause() throws Exception {
        Runbook runbook = parse("""
                # Gateway

                ## Hyphen
                Severity: P1 - page now

                ## En dash
                Severity: P1 – page now

                ## Em dash
                Severity: critical—wake the lead

                ## Colon
                Severity: high: page now

                ## Slash
                Severity: warning / P3 at night
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Hyphen"), KNOWN)).contains("P1");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "En dash"), KNOWN)).contains("P1");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Em dash"), KNOWN)).contains("critical");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Colon"), KNOWN)).contains("high");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Slash"), KNOWN)).contains("warning");
    }

    @Test
    void aHyphenatedWordIsNotEndedAtItsHyphen() throws Exception {
        Runbook runbook = parse("""
                # Gateway

                ## Paths
                Severity: critical-path alerts page the on-call.
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Paths"), KNOWN)).isEmpty();
    }

    @Test
    void aSeverityColumnOfATableIsNotADeclaration() throws Exception {
        Runbook runbook = parse("""
                # Alerts

                ## Overview
                | Alert | Severity: |
                |-------|-----------|
                | DiskFull | Severity: critical |
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts", "Overview"), KNOWN)).isEmpty();
    }

    @Test
    void aWordTheMappingDoesNotKnowIsNotADeclaration() throws Exception {
        Runbook runbook = parse("""
                # Gateway

                ## Sockets drop
                Severity: TBD.
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Sockets drop"), KNOWN)).isEmpty();
    }

    /** Reviewer: a key/value table's {@code | Severity | critical |} row declared nothing, whatever the case. */
    @Test
    void aSeverityRowOfAKeyValueTableIsADeclaration() throws Exception {
        Runbook runbook = parse("""
                # Gateway

                ## Sockets drop
                | Field | Value |
                |-------|-------|
                | Owner | edge |
                | **Severity** | critical |

                ## Login fails
                | Severity | SEV1 |
                |----------|------|
                | Owner | auth |

                ## Classification
                | Severity | Response Time |
                |----------|---------------|
                | P1 - Critical | Immediate |
                """);
        Predicate<String> withSev = KNOWN.or(w -> w.equalsIgnoreCase("sev1"));

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Sockets drop"), KNOWN)).contains("critical");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Login fails"), withSev)).contains("SEV1");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Classification"), KNOWN)).isEmpty();
    }

    /** The seed's incident classification table lists every level: it declares none of them. */
    @Test
    void theSeedsClassificationTableDeclaresNothing() throws Exception {
        Runbook runbook = new RunbookParser().parse(SharedInputs.seed("002_"));
        Section classification = runbook.sections().stream().filter(s -> s.title().equals("Incident Classification"))
                .findFirst().orElseThrow();

        assertThat(DeclaredSeverity.of(runbook, classification, w -> true)).isEmpty();
    }

    /**
     * Corpus: the alert's severity is the text of its own {@code ### Severity} heading (Loki's SOP), or a field of its
     * {@code ## Impact} part (OpenShift's), both beside the procedure the incident walks, not above it.
     */
    @Test
    void theCorpusAlertsDeclareTheirSeverityInASeverityOrImpactPart() throws Exception {
        Runbook loki = new RunbookParser().parse(corpus("loki__sop.md"));
        Runbook ceph = new RunbookParser().parse(corpus("openshift__CephOSDNearFull.md"));
        Runbook cockroach = new RunbookParser().parse(corpus("cockroach__critical-log-messages.md"));
        Predicate<String> any = KNOWN.or(w -> Set.of("medium", "low").contains(w.toLowerCase(Locale.ROOT)));

        assertThat(DeclaredSeverity.of(loki, sectionTitled(loki, "Steps"), KNOWN)).contains("Critical");
        assertThat(DeclaredSeverity.of(ceph, sectionTitled(ceph, "Diagnosis"), KNOWN)).contains("Warning");
        assertThat(DeclaredSeverity.of(cockroach, sectionTitled(cockroach, "Disk Stall"), any)).contains("High");
    }

    private static Path corpus(String name) {
        return SharedInputs.corpusFiles().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow();
    }

    private static Section sectionTitled(Runbook runbook, String title) {
        return runbook.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }
}
