package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Printed output in shell blocks that starts like a command would: a command's table, and log lines. */
class OutputLinesTest {

    private static List<String> texts(String block, String language) {
        return ShellSplitter.split(block, 1, language).stream().map(Command::text).toList();
    }

    static Stream<Arguments> blocks() {
        return Stream.of(
                arguments("a command, a blank line and the table it printed", "", """
                        k get pods | grep search-api-v2

                        search-api-v2-65b7d9f8bc-6zttp          2/2     Running     0             26m
                        search-api-v2-redis-78c497d984-xgc97    1/1     Running     0             29m
                        """, List.of("k get pods | grep search-api-v2")),
                arguments("the table's rows right under the command", "bash", """
                        lsblk
                        sda      8:0    0  100G  0 disk
                        sdb      8:16   0  200G  0 disk

                        df -h
                        """, List.of("lsblk", "df -h")),
                arguments("a row starting with a program of the block is a command", "bash", """
                        kubectl get pods

                        kubectl  get  svc
                        """, List.of("kubectl get pods", "kubectl  get  svc")),
                arguments("a row starting with a well-known program is a command", "bash", """
                        echo start
                        curl  -s  http://localhost:8080/health
                        """, List.of("echo start", "curl  -s  http://localhost:8080/health")),
                arguments("aligned cells are no table before any command", "bash", """
                        deploy.sh    --env prod    --force
                        """, List.of("deploy.sh    --env prod    --force")),
                arguments("an assignment before aligned words is a command", "bash", """
                        kubectl get pods
                        PGPASSWORD=$PW  psql  -h db -c 'SELECT 1'
                        """, List.of("kubectl get pods", "PGPASSWORD=$PW  psql  -h db -c 'SELECT 1'")),
                arguments("two cells are no table row", "bash", """
                        kubectl get pods
                        helper status  # the second pod
                        """, List.of("kubectl get pods", "helper status")),
                arguments("a script with aligned flags after a command is a command", "bash", """
                        cd /srv/app
                        ./deploy.sh  --env prod  --force
                        """, List.of("cd /srv/app", "./deploy.sh  --env prod  --force")),
                arguments("a trailing comment is no cell, and a guessed row does not swallow the next command", "bash", """
                        kubectl get pods -n shop
                        stern  checkout  # follow its logs
                        kubectl rollout restart deploy/checkout
                        """, List.of("kubectl get pods -n shop", "stern  checkout",
                        "kubectl rollout restart deploy/checkout")),
                arguments("an ISO log line alone", "shell", """
                        2024-01-02T03:04:05Z ERROR something failed
                        """, List.of()),
                arguments("a bracketed level alone", "shell", """
                        [INFO] Scanning for projects...
                        """, List.of()),
                arguments("a bracketed tag glued to its text", "", """
                        [DiscoveryEngine::Sync::Put] Ignored as newer version already synced
                        """, List.of()),
                arguments("a klog line", "shell", """
                        E0102 03:04:05.123456   1 reflector.go:138] failed to list *v1.Pod
                        """, List.of()),
                arguments("a six-digit klog date", "shell", """
                        E160407 09:53:50.337328 storage/queue.go:511  [replicate] 7 replicas failing
                        """, List.of()),
                arguments("level words", "shell", """
                        ERROR: relation "users" does not exist

                        Warning  BackOff    8s (x2 over 9s)    kubelet, dali      Back-off restarting failed container

                        error: the server doesn't have a resource type "pod"
                        """, List.of()),
                arguments("a syslog line", "", """
                        Jan  7 07:12:33 mysql-server-01 kernel: Out of Memory: Killed process 3154 (mysqld).
                        """, List.of()),
                arguments("commands that start like log lines stay commands", "bash", """
                        [ -f /etc/nginx/nginx.conf ] && echo present
                        [[ -n "$POD" ]] && kubectl logs "$POD"
                        info coreutils
                        error_report --since 1h
                        Error=1 ./check.sh
                        """, List.of("[ -f /etc/nginx/nginx.conf ] && echo present",
                        "[[ -n \"$POD\" ]] && kubectl logs \"$POD\"", "info coreutils", "error_report --since 1h",
                        "Error=1 ./check.sh")),
                arguments("a client's result header over its rule", "", """
                         transaction_age | change_age | datname  | usename
                        -----------------+------------+----------+----------
                         00:10:25        | 00:10:18   | locktest | postgres
                        (1 row)
                        """, List.of()),
                arguments("a pipeline over a line of dashes stays a command", "bash", """
                        ps aux | grep nginx
                        --------------
                        """, List.of("ps aux | grep nginx")),
                arguments("a setting a program printed", "shell", """
                        notAfter=Aug  6 13:11:20 2025 GMT
                        """, List.of()),
                arguments("assignments before a program stay commands", "bash", """
                        ETCDCTL_API=3 etcdctl alarm list
                        NODE=worker-1  kubectl drain worker-1
                        A=1
                        a=( 1 2 )
                        """, List.of("ETCDCTL_API=3 etcdctl alarm list", "NODE=worker-1  kubectl drain worker-1",
                        "A=1", "a=( 1 2 )")),
                arguments("messages written as prose", "", """
                        Container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady

                        Runbook update: [scenario] - [summary of changes]

                        See: https://incident-tracker.com/incidents/INC-2025-11-15
                        """, List.of()),
                arguments("capitalised commands without a label colon stay commands", "bash", """
                        Rscript report.R
                        Invoke-Thing -Url http://host:80/x
                        Get /api | jq .
                        """, List.of("Rscript report.R", "Invoke-Thing -Url http://host:80/x", "Get /api | jq .")),
                arguments("lines typed at a client's prompt in a block with no language", "", """
                        k exec -it redis-0 -- redis-cli
                        > info keyspace
                        > flushall
                        """, List.of("k exec -it redis-0 -- redis-cli")),
                arguments("a shell truncation stays a command", "", """
                        > /var/log/app.log
                        > "$LOG"
                        """, List.of("> /var/log/app.log", "> \"$LOG\"")),
                arguments("a truncation in a bash block stays a command", "bash", """
                        > flushall
                        """, List.of("> flushall")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void outputIsNoCommand(String name, String language, String block, List<String> expected) {
        assertThat(texts(block, language)).containsExactlyElementsOf(expected);
    }

    @Test
    void theRedisCacheRunbookListsOneCommandPerStepAndNoOutputRow() {
        Path file = SharedInputs.corpusFiles().stream()
                .filter(p -> p.getFileName().toString().equals("govuk__clear-the-redis-cache.md")).findFirst()
                .orElseThrow();
        Runbook runbook = new RunbookParser().parse(file, SharedInputs.read(file));
        List<String> commands = runbook.sections().stream().flatMap(s -> s.steps().stream())
                .flatMap(s -> s.commands().stream()).map(Command::text).toList();
        assertThat(commands).startsWith("k get pods | grep search-api-v2", "k exec -it <pod-name> -- redis-cli")
                .noneMatch(c -> c.startsWith("search-api-v2-") || c.startsWith("[DiscoveryEngine"));
    }
}
