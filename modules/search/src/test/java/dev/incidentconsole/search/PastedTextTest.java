package dev.incidentconsole.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Pasted log and error lines lose what says nothing about the runbook; typed queries stay as typed. */
class PastedTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-01T03:12:44Z ERROR pq: sorry, too many clients already (SQLSTATE 53300)"
                    + " | ERROR pq: sorry, too many clients already (SQLSTATE 53300)",
            "2026-11-01 03:14:07.112 UTC [1] LOG C-0x55d0c8a2e0f0: lantern/lantern@10.42.3.17:51234 closing because:"
                    + " query_wait_timeout (age=120s)"
                    + " | [1] LOG C- : lantern/lantern@ closing because: query_wait_timeout (age= )",
            "level=warn ts=2020-04-18T03:07:00.512902927Z caller=intrumentation.go:54 msg=\"changing probe status\""
                    + " | \"changing probe status\"",
            "I0312 03:14:22.001 1 drain_controller.go:173] node ip-10-0-131-7: Drain failed"
                    + " | 1 ] node ip-10-0-131-7: Drain failed",
            "PANIC:  could not write to file \"pg_wal/xlogtemp.48213\": No space left on device"
                    + " | PANIC: could not write to file \"pg_wal/xlogtemp \": No space left on device",
            "request 3f9a0c1e-5b2d-4c1a-9e8f-0123456789ab failed after 1m30s with 4194304 bytes"
                    + " | request failed after with bytes",
    })
    void noiseIsRemovedFromPastedLines(String pasted, String reduced) {
        assertThat(PastedText.pasted(pasted)).isTrue();
        assertThat(PastedText.reduce(pasted)).isEqualTo(reduced);
    }

    @ParameterizedTest
    @ValueSource(strings = {"too many connections", "getting 429s", "\"connection refused\" pgbouncer",
            "KubePodCrashLooping", "redis OOM command not allowed", "pods keep restarting after deploy"})
    void typedQueriesAreLeftAlone(String typed) {
        assertThat(PastedText.pasted(typed)).isFalse();
        assertThat(PastedText.reduce(typed)).isEqualTo(typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DNSErrors_PerSrcNamespaceWarning | DNSErrors_PerSrcNamespaceWarning DNS Errors Per Src Namespace Warning",
            "KubePodCrashLooping firing | KubePodCrashLooping Kube Pod Crash Looping firing",
            "pg_isready fails | pg_isready pg isready fails",
            "plain words stay | plain words stay",
    })
    void namesAreAlsoSearchedAsWords(String typed, String searched) {
        assertThat(TypedText.withNameParts(typed)).isEqualTo(searched);
    }
}
