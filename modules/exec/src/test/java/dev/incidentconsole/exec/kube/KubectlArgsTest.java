package dev.incidentconsole.exec.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubectlArgsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "get pods => get pods --context prod -n shop",
        "get pods -n other => get pods -n other --context prod",
        "get pods --namespace=other => get pods --namespace=other --context prod",
        "get pods -A => get pods -A --context prod",
        "get pods --all-namespaces => get pods --all-namespaces --context prod",
        "--context dev get pods => --context dev get pods -n shop",
        "exec api-0 -- ps -n 1 => exec api-0 --context prod -n shop -- ps -n 1",
        "get pods --no-headers => get pods --no-headers --context prod -n shop",
    })
    void scopeAddsContextAndNamespaceWhereTheCallNamesNone(String args, String expected) {
        assertThat(KubectlArgs.scope(List.of(args.split(" ")), "prod", "shop"))
                .containsExactly(expected.split(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "shop, api-0, app => kubectl exec -n shop api-0 -c app -- sh -c",
        "shop, api-0, - => kubectl exec -n shop api-0 -- sh -c",
        "-, api-0, - => kubectl exec api-0 -- sh -c",
    })
    void execInPodWrapsTheCommand(String target, String expected) {
        String[] t = target.split(", ");
        List<String> args = KubectlArgs.execInPod(blank(t[0]), t[1], blank(t[2]), "ps aux | head");
        assertThat(args.subList(0, args.size() - 1)).containsExactly(expected.split(" "));
        assertThat(args.get(args.size() - 1)).isEqualTo("ps aux | head");
    }

    private static String blank(String s) {
        return s.equals("-") ? null : s;
    }
}
