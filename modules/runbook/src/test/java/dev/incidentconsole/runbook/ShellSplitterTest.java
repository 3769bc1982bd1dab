package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How blocks split into commands; malformed and hostile blocks: {@link ShellSplitterMalformedInputTest}. */
class ShellSplitterTest {

    static List<String> texts(String block, String language) {
        return ShellSplitter.split(block, 1, language).stream().map(Command::text).toList();
    }

    static Stream<Arguments> blocks() {
        return Stream.of(
                arguments("one command per line", "bash", """
                        docker compose restart backend
                        docker compose restart worker
                        """, List.of("docker compose restart backend", "docker compose restart worker")),
                arguments("comments and blank lines are not commands", "bash", """
                        # Backend logs
                        docker logs api --tail 100 -f

                        # nothing follows this comment
                        """, List.of("docker logs api --tail 100 -f")),
                arguments("backslash continuation stays whole", "sh", """
                        kubectl get pods \\
                          -n payments \\
                          -o wide
                        kubectl top pods
                        """, List.of("kubectl get pods \\\n  -n payments \\\n  -o wide", "kubectl top pods")),
                arguments("trailing pipe and && continue", "bash", """
                        kubectl get pods -A |
                          grep -v Running
                        cd /srv/app &&
                          docker compose ps
                        """, List.of("kubectl get pods -A |\n  grep -v Running", "cd /srv/app &&\n  docker compose ps")),
                arguments("multi-line double quoted SQL stays whole", "bash", """
                        psql -c "SELECT pid, state
                          FROM pg_stat_activity

                          WHERE state = 'active'"
                        echo done
                        """, List.of("psql -c \"SELECT pid, state\n  FROM pg_stat_activity\n\n  WHERE state = 'active'\"",
                        "echo done")),
                arguments("multi-line single quoted jq stays whole", "bash", """
                        kubectl get pods -o json | jq '.items[]
                          | {name: .metadata.name}'
                        """, List.of("kubectl get pods -o json | jq '.items[]\n  | {name: .metadata.name}'")),
                arguments("ANSI-C quote with escaped quote", "bash", """
                        printf $'it\\'s\\n
                        done'
                        ls
                        """, List.of("printf $'it\\'s\\n\ndone'", "ls")),
                arguments("heredoc with quoted delimiter", "bash", """
                        cat <<'EOF' | kubectl apply -f -
                        apiVersion: v1
                        # not a comment, part of the document

                        kind: Namespace
                        EOF
                        kubectl get ns
                        """, List.of("cat <<'EOF' | kubectl apply -f -\napiVersion: v1\n# not a comment, part of the document\n\n"
                        + "kind: Namespace\nEOF", "kubectl get ns")),
                arguments("heredoc with dash and tab-indented terminator", "bash",
                        "psql <<-SQL\n\tSELECT 1;\n\tSQL\necho ok\n",
                        List.of("psql <<-SQL\n\tSELECT 1;\n\tSQL", "echo ok")),
                arguments("heredoc with spaced double-quoted delimiter", "bash", """
                        redis-cli << "END"
                        INFO memory
                        END
                        """, List.of("redis-cli << \"END\"\nINFO memory\nEND")),
                arguments("for loop stays whole", "bash", """
                        for pod in $(kubectl get pods -o name); do
                          kubectl logs "$pod" --tail 5
                        done
                        kubectl get events
                        """, List.of("for pod in $(kubectl get pods -o name); do\n  kubectl logs \"$pod\" --tail 5\ndone",
                        "kubectl get events")),
                arguments("if block stays whole", "bash", """
                        if ! pg_isready -h db; then
                          echo "db down"
                        fi
                        """, List.of("if ! pg_isready -h db; then\n  echo \"db down\"\nfi")),
                arguments("while loop and brace group", "bash", """
                        while true; do curl -s localhost:8080/health; sleep 5; done
                        { date; uptime; } > /tmp/status.txt
                        """, List.of("while true; do curl -s localhost:8080/health; sleep 5; done",
                        "{ date; uptime; } > /tmp/status.txt")),
                arguments("case statement with patterns", "bash", """
                        case "$ENV" in
                          prod) kubectl config use-context prod ;;
                          *) echo other ;;
                        esac
                        """, List.of("case \"$ENV\" in\n  prod) kubectl config use-context prod ;;\n  *) echo other ;;\nesac")),
                arguments("multi-line command substitution", "bash", """
                        POD=$(kubectl get pods \\
                          -l app=api -o name | head -1)
                        kubectl logs $POD
                        """, List.of("POD=$(kubectl get pods \\\n  -l app=api -o name | head -1)", "kubectl logs $POD")),
                arguments("console transcript skips output", "console", """
                        $ kubectl get pods
                        NAME    READY   STATUS
                        api-1   1/1     Running
                        $ kubectl describe pod api-1
                        Name: api-1
                        """, List.of("kubectl get pods", "kubectl describe pod api-1")),
                arguments("console continuation with secondary prompt", "console", """
                        $ oc create secret generic creds \\
                        >   --from-file=a.yaml \\
                        >   -n ops
                        secret/creds created
                        """, List.of("oc create secret generic creds \\\n  --from-file=a.yaml \\\n  -n ops")),
                arguments("user@host and bracket prompts", "console", """
                        admin@db-1:~$ sudo systemctl status postgresql
                        ● postgresql.service - PostgreSQL
                        [root@web-2 ~]# journalctl -u nginx -n 20
                        -- Logs begin --
                        bash-5.1# df -h
                        """, List.of("sudo systemctl status postgresql", "journalctl -u nginx -n 20", "df -h")),
                arguments("prompts after a virtualenv, indented, with a dotted user, and zsh's percent", "console", """
                        (venv) $ pip list
                        Package    Version
                          $ uptime
                        ops.user@host-1 $ df -h
                        % ls /var/log
                        user@host says hello
                        """, List.of("pip list", "uptime", "df -h", "ls /var/log")),
                arguments("root prompt in console block", "console", """
                        # systemctl restart nginx
                        # check the result below
                        # journalctl -u nginx -n 5
                        Started nginx.
                        """, List.of("systemctl restart nginx", "journalctl -u nginx -n 5")),
                arguments("bash block with dollar prompts is a transcript", "sh", """
                        # compact up to revision 3
                        $ etcdctl compact 3
                        compacted revision 3
                        $ etcdctl get --rev=2 somekey
                        Error:  rpc error: code = 11
                        """, List.of("etcdctl compact 3", "etcdctl get --rev=2 somekey")),
                arguments("console block without prompts is plain commands", "console", """
                        oc get obc -n observability
                        oc get configmap my-obc -n observability -o yaml
                        """, List.of("oc get obc -n observability", "oc get configmap my-obc -n observability -o yaml")),
                arguments("zsh percent prompt", "zsh", """
                        % brew services list
                        Name  Status
                        """, List.of("brew services list")),
                arguments("output after an expected-output comment", "bash", """
                        curl -s localhost:8000/health
                        # Expected output:
                        {"status": "healthy"}
                        ok

                        curl -s localhost:8000/ready
                        """, List.of("curl -s localhost:8000/health", "curl -s localhost:8000/ready")),
                arguments("table header starts output", "bash", """
                        kubectl get pods -n kube-system
                        NAME                     READY   STATUS    RESTARTS   AGE
                        coredns-5d78c9869d-abc   1/1     Running   0          3d

                        kubectl get nodes
                        """, List.of("kubectl get pods -n kube-system", "kubectl get nodes")),
                arguments("shebang and comment-only block", "bash", """
                        #!/usr/bin/env bash
                        # just notes
                        # more notes
                        """, List.of()),
                arguments("hash that is not a comment", "bash", """
                        echo "${#NAMES[@]} names, $# args" a#b
                        curl https://example.com/docs#section
                        echo 'it # stays'
                        """, List.of("echo \"${#NAMES[@]} names, $# args\" a#b", "curl https://example.com/docs#section",
                        "echo 'it # stays'")),
                arguments("two commands on one line stay one command", "bash", """
                        sleep 30 && docker compose ps; echo done
                        """, List.of("sleep 30 && docker compose ps; echo done")),
                arguments("here-string is not a heredoc", "bash", """
                        grep -c ok <<< "$OUT"
                        echo next
                        """, List.of("grep -c ok <<< \"$OUT\"", "echo next")),
                arguments("arithmetic shift is not a heredoc", "bash", """
                        echo $(( 1 << 4 ))
                        (( n = 2 << 1 ))
                        echo next
                        """, List.of("echo $(( 1 << 4 ))", "(( n = 2 << 1 ))", "echo next")),
                arguments("box drawings are not commands", "", """
                        ┌──────────────┐
                        │  API (8000)  │
                        └──────┬───────┘
                        """, List.of()),
                arguments("log lines starting with a date are not commands", "", """
                        2020-06-26 06:42:37.472 GMT LOG: process 63330 still waiting for ShareLock
                        2020-06-26 06:42:38.001 GMT LOG: UPDATE waiting
                        """, List.of()),
                arguments("bare variable names are not commands", "bash", """
                        ARAGORA_API_TOKEN      # API authentication
                        METRICS_ENABLED=true   # turn on metrics
                        """, List.of("METRICS_ENABLED=true")),
                arguments("table header with colons starts output", "bash", """
                        lsblk
                        NAME   MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT
                        sda      8:0    0  100G  0 disk
                        """, List.of("lsblk")),
                arguments("blank line ends a dangling pipe", "bash", """
                        kubectl get pods |

                        kubectl get svc
                        """, List.of("kubectl get pods |", "kubectl get svc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void splitsBlockIntoCommands(String name, String language, String block, List<String> expected) {
        assertThat(texts(block, language)).containsExactlyElementsOf(expected);
    }

    @Test
    void commentLinesBecomeDescriptionAndBlankLineResetsIt() {
        List<Command> commands = ShellSplitter.split("""
                # Check the pool
                # (takes a second)
                psql -c "SHOW POOLS"   # pgbouncer admin console
                # orphan note

                redis-cli ping
                """, 40, "bash");
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).description()).isEqualTo("Check the pool (takes a second)");
        assertThat(commands.get(0).comment()).isEqualTo("pgbouncer admin console");
        assertThat(commands.get(0).text()).isEqualTo("psql -c \"SHOW POOLS\"");
        assertThat(commands.get(0).line()).isEqualTo(42);
        assertThat(commands.get(1).description()).isEmpty();
        assertThat(commands.get(1).comment()).isEmpty();
        assertThat(commands.get(1).line()).isEqualTo(45);
    }

    /** Each command runs in a shell of its own: POD set by line 1 is empty when line 2 runs. */
    @Test
    void variableSetByAnEarlierCommandIsStillAPlaceholderMarkedWithItsLine() {
        List<Command> commands = ShellSplitter.split("""
                POD=$(kubectl get pods -l app=api -o name | head -1)
                kubectl logs $POD --tail 50
                kubectl logs $OTHER
                POD=$(kubectl get pods -o name | head -1); kubectl logs $POD
                """, 10, "bash");
        assertThat(commands.get(1).placeholders()).singleElement().satisfies(p -> {
            assertThat(p.token()).isEqualTo("$POD");
            assertThat(p.setAtLine()).isEqualTo(10);
        });
        assertThat(commands.get(2).placeholders()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("OTHER");
            assertThat(p.setAtLine()).isZero();
        });
        assertThat(commands.get(3).placeholders()).as("set in the same command").isEmpty();
    }

    @Test
    void aConfigurationSettingInAShellBlockIsNotACommand() {
        assertThat(ShellSplitter.split("""
                # Apply WAL to specific time
                recovery_target_time = '2024-01-15 10:30:00'
                systemctl start aragora
                FOO=bar ./run.sh
                """, 1, "bash")).extracting(Command::text).containsExactly("systemctl start aragora", "FOO=bar ./run.sh");
    }

    @Test
    void commandCarriesRunnerPlaceholdersAndDanger() {
        Command c = ShellSplitter.split("# Clear the cache\nredis-cli -h <redis-host> FLUSHALL\n", 7, "bash").get(0);
        assertThat(c.runner()).isEqualTo(Runner.REDIS_CLI);
        assertThat(c.placeholders()).extracting(Placeholder::token).containsExactly("<redis-host>");
        assertThat(c.dangerous()).isTrue();
        assertThat(c.danger().rule()).isEqualTo("redis-flush");
        assertThat(c.line()).isEqualTo(8);
    }

    @Test
    void trailingCommentAfterContinuationBelongsToLastLine() {
        Command c = ShellSplitter.split("kubectl get pods \\\n  -n ops   # the ops namespace\n", 1, "bash").get(0);
        assertThat(c.text()).isEqualTo("kubectl get pods \\\n  -n ops");
        assertThat(c.comment()).isEqualTo("the ops namespace");
    }

    @Test
    void consoleCommandLinesCountFromPromptLine() {
        List<Command> commands = ShellSplitter.split("# list\n$ ls\nout\n\n$ pwd\n", 10, "console");
        assertThat(commands).extracting(Command::line).containsExactly(11, 14);
        assertThat(commands.get(0).description()).isEqualTo("list");
    }

    @Test
    void anOpenOperatorEndsAtABlankLineButAQuoteOrHereDocumentHoldsIt() {
        assertThat(texts("kubectl get pods |\n\ngrep api\n", "bash")).containsExactly("kubectl get pods |", "grep api");
        assertThat(texts("echo 'a\n\nb'\nls\n", "bash")).containsExactly("echo 'a\n\nb'", "ls");
        assertThat(texts("cat <<EOF\na\n\nEOF\nls\n", "bash")).containsExactly("cat <<EOF\na\n\nEOF", "ls");
    }
}
