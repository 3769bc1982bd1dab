package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The placeholder forms found in the seeds and the corpus, and the ones an on-call engineer meets: literal
 * text the Run button must not wait for, and values that must be asked for.
 */
class PlaceholderRulesTest {

    private static String render(String command) {
        return String.join(" ", Placeholders.find(command.replace("\\n", "\n")).stream()
                .map(p -> p.token() + ":" + p.form()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            error code in a quoted grep pattern   => grep "ERR_LLM_AUTH_FAILED" /var/log/aos/backend.log | wc -l
            error code in single quotes           => grep 'RATE_LIMITED' app.log
            grpc status grepped after a pipe      => journalctl -u api | grep -c "DEADLINE_EXCEEDED"
            regex alternation of codes            => grep -E "CONN_RESET|UPSTREAM_GONE" app.log
            errno name                            => grep ECONNREFUSED /var/log/app.log
            denial code outside grep              => kubectl logs deploy/api --since=1h -c PERMISSION_DENIED
            acronym in a commit message           => Runbook update: db-connection-issues - Add new RLS steps
            klog line taken for a command         => Failed calling webhook: context canceled E1011 19:13:53.345348 dispatcher.go:184]
            acronym echoed                        => echo RLS enabled
            kubectl output word                   => Warning  FailedScheduling  <unknown>  default-scheduler  0/1 nodes
            grep for a printed none               => kubectl get pods -o wide | grep '<none>'
            grep for a pending address            => kubectl get svc | grep "<pending>"
            SQL typed at the mysql prompt         => SHOW SLAVE STATUS\\G
            SQL statement at the prompt           => STOP ALL SLAVES;
            SQL keywords through mysql -e         => mysql -e "STOP SLAVE; START SLAVE;"
            row level security DDL                => psql -c "ALTER TABLE tickets ENABLE ROW LEVEL SECURITY"
            header name with underscores          => curl -H "X_API_KEY: abc" http://localhost/x
            upper-case header name                => curl -H "AUTHORIZATION: Bearer abc" http://localhost/x
            HTTP method                           => curl -X PURGE http://cache.local/x
            DNS record type                       => dig +short TXT _acme-challenge.example.com
            variables passed into a container     => docker run --rm -e API_KEY -e LOG_LEVEL busybox env
            loop variable as word and value       => for POD in $(kubectl get pods -o name); do kubectl logs $POD; done
            exported earlier on the line          => export NS=prod; kubectl get pods -n $NS
            exported on an earlier line           => export NS=prod\\nkubectl get pods -n "$NS"
            local variable                        => local TARGET=api; systemctl restart "$TARGET"
            read from the terminal                => read -r NS; kubectl get pods -n "$NS"
            while read loop                       => while read -r NAME STATUS; do kubectl describe pod "$NAME"; done < pods.txt
            printf -v target                      => printf -v NOW '%(%s)T' -1; curl "x?since=$NOW"
            command substitution                  => kubectl logs $(kubectl get pods -l app=api -o name | head -1)
            awk fields in single quotes           => awk '{print $1, $NF}' /proc/loadavg
            awk fields in double quotes           => ps aux | awk "{print $2, $NF}"
            special parameters                    => test $? -eq 0 && kill $! && ls /proc/$$ $0 $# $@ $* $1 $9
            variables every shell has             => ls $HOME $TMPDIR $PWD $OLDPWD && id $USER && which -a $SHELL
            more variables every shell has        => grep $HOSTNAME /etc/hosts; sleep $RANDOM; cat /proc/$PPID/status $LINENO $UID $EUID $SECONDS $IFS $LANG $TERM $PATH
            variable only printed                 => echo $GOVUK_ENVIRONMENT
            variable only tested                  => [ -z "$DATABASE_URL" ] && echo "DATABASE_URL is not set"
            alternate value expansion             => kubectl get pods ${VERBOSE:+-o wide}
            length and trim expansions            => cut -c1-${#PREFIX} names.txt ${NAME%%-*}
            variable of the pod's shell           => kubectl exec deploy/api -- sh -c 'echo $DATABASE_URL'
            output template in double quotes      => docker inspect --format "{{.State.Health.Status}}" api
            """)
    void literalTextIsNotAPlaceholder(String form, String command) {
        assertThat(render(command)).as(form).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            angle name                            => kubectl logs <pod-name> -n <NAMESPACE>                                 => <pod-name>:ANGLE <NAMESPACE>:ANGLE
            variable never set                    => kubectl get pods -n $NAMESPACE                                         => $NAMESPACE:DOLLAR
            capital token in a header value       => curl -H "Authorization: Bearer YOUR_API_KEY" https://api.example.com   => YOUR_API_KEY:CAPS
            helm value unquoted                   => helm upgrade api ./chart --set image.tag={{ .Values.image.tag }}       => {{ .Values.image.tag }}:BRACE
            helm value in double quotes           => helm upgrade api ./chart --set image.tag="{{ .Values.image.tag }}"     => {{ .Values.image.tag }}:BRACE
            helm value in single quotes           => helm upgrade api ./chart --set image.tag='{{ .Values.image.tag }}'     => {{ .Values.image.tag }}:BRACE
            description as a quoted value         => POD_NAME='<"Used By:" field from the above output>'                    => <"Used By:" field from the above output>:ANGLE
            optional with a default               => kubectl -n ${NAMESPACE:-prod} get pods                                 => ${NAMESPACE:-prod}:DOLLAR_BRACE
            required with a message               => kubectl logs ${POD} -c ${CONTAINER:?set the container}                 => ${POD}:DOLLAR_BRACE ${CONTAINER:?set the container}:DOLLAR_BRACE
            docker -e KEY=value assigns nothing   => docker run -e API_KEY=$API_KEY busybox                                 => $API_KEY:DOLLAR
            kubectl set env assigns nothing       => kubectl set env deploy/api LOG_TOKEN=$LOG_TOKEN                        => $LOG_TOKEN:DOLLAR
            grep for a value                      => grep SUSPICIOUS_IP /var/log/nginx/access.log                           => SUSPICIOUS_IP:CAPS
            grep for a key and value              => grep "user=USER_ID" app.log                                            => USER_ID:CAPS
            echoed into a pipe                    => echo "$TOKEN" | base64 -d                                              => $TOKEN:DOLLAR
            echoed into a file                    => echo $SECRET > /tmp/secret                                             => $SECRET:DOLLAR
            echoed capital value into a pipe      => echo -n YOUR_TOKEN | base64                                            => YOUR_TOKEN:CAPS
            variable in a header                  => curl -H "X-API-Key: $API_KEY" https://api.example.com                  => $API_KEY:DOLLAR
            grep for an angle placeholder         => kubectl get pods | grep <pod-prefix>                                   => <pod-prefix>:ANGLE
            variable used in a subshell           => kubectl logs $(kubectl get pods -n $NS -o name | head -1)               => $NS:DOLLAR
            capital pod name                      => kubectl logs POD_NAME --since=1h | grep -i "OUT_OF_MEMORY"             => POD_NAME:CAPS
            capital host and port                 => openssl s_client -connect HOST:443                                     => HOST:CAPS
            """)
    void valueToFillInIsFound(String form, String command, String expected) {
        assertThat(render(command)).as(form).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", nullValues = "NULL", textBlock = """
            kubectl -n ${NAMESPACE:-prod} get pods          => prod
            kubectl -n ${NAMESPACE:="staging"} get pods     => staging
            kubectl -n ${NAMESPACE-} get pods               => ''
            kubectl -n ${NAMESPACE} get pods                => NULL
            kubectl -n ${NAMESPACE:?which namespace} get pods => NULL
            kubectl -n $NAMESPACE get pods                  => NULL
            """)
    void defaultValueMakesTheVariableOptional(String command, String fallback) {
        Placeholder p = Placeholders.find(command).get(0);
        assertThat(p.name()).isEqualTo("NAMESPACE");
        assertThat(p.defaultValue()).isEqualTo(fallback);
        assertThat(p.hasDefault()).isEqualTo(fallback != null);
    }

    @Test
    void defaultHidesTheVariablesNestedInIt() {
        String command = "kubectl -n ${NS:-${DEFAULT_NS}} get pods";
        List<Placeholder> found = Placeholders.find(command);
        assertThat(found).extracting(Placeholder::token).containsExactly("${NS:-${DEFAULT_NS}}");
        assertThat(found.get(0).defaultValue()).isEqualTo("${DEFAULT_NS}");
        assertThat(Placeholders.find("NS=prod; kubectl -n ${NS:-$DEFAULT_NS} get pods"))
                .extracting(Placeholder::token).containsExactly("$DEFAULT_NS");
    }

    @Test
    void variableTheCallerSaysIsSetIsNotAPlaceholder() {
        assertThat(Placeholders.find("kubectl -n $NS logs $POD", java.util.Set.of("NS")))
                .extracting(Placeholder::name).containsExactly("POD");
    }
}
