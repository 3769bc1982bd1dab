package dev.incidentconsole.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpsAnalyzerTest {

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @ParameterizedTest(name = "\"{0}\" and \"{1}\" share a stem")
    @CsvSource({
        "restarting, restart",
        "restarted, restarts",
        "connections, connection",
        "expired, expiration",
        "Pods, pod",
        "certificates, certificate",
        "evicted, evicting",
    })
    void inflectionsShareAStem(String a, String b) throws IOException {
        Analyzer index = OpsAnalyzer.forIndex();
        assertThat(tokens(index, a)).isEqualTo(tokens(index, b)).hasSize(1);
    }

    @Test
    void indexDropsStopWordsButKeepsNegations() throws IOException {
        assertThat(tokens(OpsAnalyzer.forIndex(), "The pod is not ready and there is no space"))
                .containsExactly("pod", "not", "readi", "no", "space");
    }

    @Test
    void possessivesAndCaseAreNormalised() throws IOException {
        assertThat(tokens(OpsAnalyzer.forIndex(), "Redis's PRIMARY")).containsExactly("redi", "primari");
    }

    @Test
    void numbersAndCodesStayWhole() throws IOException {
        assertThat(tokens(OpsAnalyzer.forIndex(), "HTTP 429, 5xx and OOMKilled (exit 137)"))
                .containsExactly("http", "429", "5xx", "oomkil", "exit", "137");
    }

    @ParameterizedTest(name = "{0} is indexed whole and as \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "HighErrorRate | higherrorr | high error rate",
        "OOMKilled | oomkil | oom kill",
        "KubePodCrashLooping | kubepodcrashloop | kube pod crash loop",
        "etcdGRPCRequestsSlow | etcdgrpcrequestsslow | etcd grpc request slow",
        "pg_isready | pg_isreadi | pg isreadi",
        "aos_rate_limit_redis | aos_rate_limit_redi | ao rate limit redi",
    })
    void namesAreIndexedWholeAndSplit(String name, String whole, String words) throws IOException {
        List<String> tokens = tokens(OpsAnalyzer.forSplitIndex(), name);
        assertThat(tokens).contains(whole).containsSubsequence(words.split(" "));
        assertThat(tokens(OpsAnalyzer.forIndex(), name)).containsExactly(whole);
    }

    @ParameterizedTest(name = "\"{0}\" indexes no {1}")
    @CsvSource({"4.2.9 Rate limits, 429", "5.0.3 Upstream errors, 503", "Route to 10.0.0.1, 10001"})
    void numberedHeadingsDoNotIndexTheirDigitsJoined(String heading, String joined) throws IOException {
        assertThat(tokens(OpsAnalyzer.forSplitIndex(), heading)).doesNotContain(joined);
    }

    @Test
    void namesAreIndexedWholeOnce() throws IOException {
        assertThat(tokens(OpsAnalyzer.forSplitIndex(), "KubePodCrashLooping"))
                .containsOnlyOnce("kubepodcrashloop");
        assertThat(tokens(OpsAnalyzer.forSplitIndex(), "OOM_Killed")).containsOnlyOnce("oomkil");
    }

    @Test
    void plainHeadingsAreNotDuplicatedBySplitting() throws IOException {
        assertThat(tokens(OpsAnalyzer.forSplitIndex(), "Database Connection Errors"))
                .containsExactly("databas", "connect", "error");
    }

    @Test
    void rawAnalysisKeepsWordsAsWritten() throws IOException {
        assertThat(tokens(OpsAnalyzer.forRawIndex(), "Restarting the Connections"))
                .containsExactly("restarting", "connections");
    }

    @Test
    void queryAnalysisExpandsSynonymsAndKeepsStopWordsForPhrases() throws IOException {
        Analyzer query = OpsAnalyzer.forQuery(Synonyms.bundled());
        assertThat(tokens(query, "db")).contains("db", "databas", "postgr", "postgresql", "pg");
        assertThat(tokens(query, "oom")).contains("oom", "out", "of", "memori", "oomkil");
        assertThat(tokens(query, "the")).containsExactly("the");
    }
}
