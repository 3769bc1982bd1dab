package dev.incidentconsole.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typed words that are searched for, which is what a section view may highlight. */
class SearchQueryTermsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "clear the redis cache|clear,redis,cache",
            "Why does Redis keep restarting?|redis,restarting",
            "no space left on the device|no,space,left,device",
            "\"out of memory\" in the pod|out,memory,pod",
            "restart redis-cli, then restart pg_isready|restart,redis-cli,pg_isready",
    })
    void stopWordsAndFillerWordsAreNotSearchTerms(String typed, String expected) {
        assertThat(SearchQuery.of(typed).terms()).containsExactly(expected.split(","));
    }

    @Test
    void noStopWordOfTheAnalyzerIsATerm() {
        StringBuilder all = new StringBuilder();
        OpsAnalyzer.STOP_WORDS.forEach(w -> all.append(new String((char[]) w)).append(' '));
        assertThat(all.toString()).contains("the ", "of ", "and ");

        assertThat(SearchQuery.of(all.toString()).terms()).isEmpty();
        assertThat(SearchQuery.of("").terms()).isEqualTo(List.of());
    }
}
