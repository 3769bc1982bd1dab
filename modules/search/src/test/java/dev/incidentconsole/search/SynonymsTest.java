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
        "429, throttled",
        "throttled, 429",
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
