package dev.incidentconsole.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.incidentconsole.search.OpsAnalyzerTest.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SynonymsTest {

    @Test
    void bundledRulesCoverTheUsualOperationsVocabulary() {
        assertThat(Synonyms.bundled().ruleCount()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "\"{0}\" also searches \"{1}\"")
    @CsvSource({
        "db, postgresql",
        "postgres, database",
        "pg, db",
        "oom, oomkilled",
        "oomkilled, oom",
        "rate limited, throttling",
        "restarts, crashloopbackoff",
        "CrashLoopBackOff, restart",
        "cert, tls",
        "ssl, certificate",
        "slow, latency",
        "timeout, slow",
        "backlog, queue",
        "k8s, kubernetes",
        "ws, websocket",
        "down, unreachable",
        "unavailable, down",
        "disk, pvc",
        "volume, storage",
    })
    void equivalentTermsExpandBothWays(String typed, String expected) throws IOException {
        OpsAnalyzer query = OpsAnalyzer.forQuery(Synonyms.bundled());
        String stem = tokens(OpsAnalyzer.forIndex(), expected).get(0);
        assertThat(tokens(query, typed)).contains(stem);
    }

    @ParameterizedTest(name = "\"{0}\" does not search \"{1}\"")
    @CsvSource({
        "429, throttling",   // a throttled CPU answers no HTTP 429
        "cpu throttling, 429", // nor is it rate limited
        "cpu throttling, rate",
        "throttled, request",
        "503, 5xx",          // a member of a class of status codes does not find its siblings
        "503, 502",
    })
    void oneWayAndNarrowTermsDoNotWiden(String typed, String unexpected) throws IOException {
        OpsAnalyzer query = OpsAnalyzer.forQuery(Synonyms.bundled());
        String stem = tokens(OpsAnalyzer.forIndex(), unexpected).get(0);
        assertThat(tokens(query, typed)).doesNotContain(stem);
    }

    @ParameterizedTest(name = "\"{0}\" also searches \"{1}\"")
    @CsvSource({
        "5xx, 502",
        "5xx, 503",
        "disk full, enospc",
        "ENOSPC, out of disk",
    })
    void classesAndErrnoNamesFindTheirMembers(String typed, String expected) throws IOException {
        OpsAnalyzer query = OpsAnalyzer.forQuery(Synonyms.bundled());
        assertThat(tokens(query, typed)).containsAll(tokens(OpsAnalyzer.forIndex(), expected));
    }

    @Test
    void multiWordSynonymsExpandToTheirWords() throws IOException {
        OpsAnalyzer query = OpsAnalyzer.forQuery(Synonyms.bundled());
        assertThat(tokens(query, "429")).contains("too", "mani", "request", "rate", "limit");
        assertThat(tokens(query, "redis not answering")).contains("redi", "unreach", "down");
    }

    @Test
    void userFileAddsRules(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("synonyms.txt"), "# ours\nlantern, ingest pipeline\n");
        Synonyms synonyms = Synonyms.withUserFile(file);
        assertThat(synonyms.ruleCount()).isEqualTo(Synonyms.bundled().ruleCount() + 1);
        assertThat(tokens(OpsAnalyzer.forQuery(synonyms), "lantern")).contains("ingest", "pipelin");
        assertThat(tokens(OpsAnalyzer.forQuery(synonyms), "db")).contains("postgresql");
    }

    @Test
    void missingUserFileIsNamedInTheError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> Synonyms.withUserFile(missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void brokenRuleIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("synonyms.txt"), "ok, fine\nbroken => \n");
        assertThatThrownBy(() -> Synonyms.withUserFile(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 2");
    }
}
