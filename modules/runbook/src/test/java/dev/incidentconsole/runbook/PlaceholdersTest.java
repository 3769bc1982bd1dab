package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersTest {

    /** Renders placeholders as "token:FORM" joined by spaces, for compact tables. */
    private static String render(String command) {
        return String.join(" ", Placeholders.find(command).stream().map(p -> p.token() + ":" + p.form()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", emptyValue = "", textBlock = """
            kubectl logs <pod-name> -n <namespace>                              => <pod-name>:ANGLE <namespace>:ANGLE
            python3 backend/cli/aos.py diff <run_id_1> <run_id_2>               => <run_id_1>:ANGLE <run_id_2>:ANGLE
            kubectl get pods -o jsonpath='{.items[?(@.metadata.name=="<pod>")]}' => <pod>:ANGLE
            oc get configmap <OBC-NAME> -o yaml                                 => <OBC-NAME>:ANGLE
            curl -s localhost:8000/api/v1/traces/{trace_id}/mismatches          => {trace_id}:BRACE
            helm upgrade api ./chart --set image.tag={{ .Values.tag }}          => {{ .Values.tag }}:BRACE
            kubectl -n {{ namespace }} get pods                                 => {{ namespace }}:BRACE
            curl -H "X-API-Key: $AOS_API_KEY" http://localhost:8000/x           => $AOS_API_KEY:DOLLAR
            kubectl get pods -n ${NAMESPACE}                                    => ${NAMESPACE}:DOLLAR_BRACE
            cat <<EOF | psql\\nSELECT * FROM t WHERE id = $ID;\\nEOF            => $ID:DOLLAR
            iptables -A INPUT -s SUSPICIOUS_IP -j DROP                          => SUSPICIOUS_IP:CAPS
            grep SUSPICIOUS_IP /var/log/nginx/access.log                        => SUSPICIOUS_IP:CAPS
            kubectl get pods -n NAMESPACE                                       => NAMESPACE:CAPS
            docker exec -it CONTAINER sh                                        => CONTAINER:CAPS
            helm upgrade api ./chart --set image.tag=VERSION                    => VERSION:CAPS
            PGPASSWORD=PASSWORD psql -h DB_HOST -U nova                         => PASSWORD:CAPS DB_HOST:CAPS
            psql -c "SELECT * FROM users WHERE ip = 'SUSPICIOUS_IP'"            => SUSPICIOUS_IP:CAPS
            openssl s_client -connect HOST:443                                  => HOST:CAPS
            aws s3 ls s3://BUCKET_NAME/prefix/                                  => BUCKET_NAME:CAPS
            redis-cli -h REDIS_HOST GET session                                 => REDIS_HOST:CAPS
            kubectl logs $(kubectl get pods -l app=APP_NAME -o name)            => APP_NAME:CAPS
            kubectl describe -n [NAMESPACE] pod [POD_NAME]                      => [NAMESPACE]:CAPS [POD_NAME]:CAPS
            mysql -h <db-host> -D <database name>                               => <db-host>:ANGLE <database name>:ANGLE
            kubectl create secret generic s --from-literal=API_KEY="${API_KEY}" => ${API_KEY}:DOLLAR_BRACE
            kubectl get pods -l app=APP_NAME,tier=TIER                          => APP_NAME:CAPS TIER:CAPS
            oc describe pod <POD_NAME> -n openshift-logging                     => <POD_NAME>:ANGLE
            aws rds describe-db-instances --db-instance-identifier ${db_id?}    => ${db_id?}:DOLLAR_BRACE
            aws rds create-db-snapshot --db-snapshot-identifier ${your-snapshot-name} => ${your-snapshot-name}:DOLLAR_BRACE
            env=prod; gds-cli aws govuk-${env?}-fulladmin                       =>
            sort <in.txt >out.txt                                               =>
            grep '[ERROR]' app.log                                              =>
            curl -X GET http://localhost:9093/api/v2/alerts                     =>
            curl -X POST -H 'Content-Type: application/json' localhost/x        =>
            psql -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'" =>
            journalctl -u SERVICE_UNIT -p ERR                                   => SERVICE_UNIT:CAPS
            echo 'HEAD of the TCP stream in UTC'                                =>
            redis-cli CONFIG GET maxmemory                                      =>
            kill -s TERM 1234                                                   =>
            ls /tmp 2>/dev/null                                                 =>
            cat <<EOF > /tmp/x\\nhello\\nEOF                                    =>
            awk '$3 < 100 {print $1}' /proc/loadavg                             =>
            for i in 1 2 3; do echo $i; done                                    =>
            POD=$(kubectl get pods -o name | head -1); kubectl logs $POD        =>
            while read -r line; do echo "$line"; done < list.txt                =>
            echo $1 $? $# $$ $@ $HOME $PATH $USER $PWD                          =>
            find /var/log -name '*.gz' -mtime +7 -exec ls -l {} \\;            =>
            curl -s localhost:9090/api/v1/targets | jq '.data[] | {job: .labels.job}' =>
            kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}' =>
            docker inspect --format "{{.State.Health.Status}}" api              =>
            echo '$NOT_EXPANDED'                                                =>
            echo \\$ESCAPED                                                     =>
            cat <<'EOF'\\n$LITERAL\\nEOF                                        =>
            export DISABLE_LIVE_ADAPTERS=true                                   =>
            unset DISABLE_LIVE_ADAPTERS                                         =>
            seq "${#NAMES[@]}" ${COUNT:+3} ${NAME%%-*}                          =>
            cat data.xml | grep '<config>' | grep '</config>'                   =>
            openssl s_client -connect <host>:443 </dev/null                     => <host>:ANGLE
            curl -d '<user>x</user>' <api-host>/save                            => <api-host>:ANGLE
            curl -d '<user>x</user.name-1>' <user> <user.name-1>                => <user>:ANGLE <user>:ANGLE
            echo '<a></ab' <a>                                                  => <a>:ANGLE <a>:ANGLE
            echo '</b></c>' <b> <c>                                             =>
            """)
    void findsPlaceholders(String command, String expected) {
        assertThat(render(command.replace("\\n", "\n"))).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void recordsNameOffsetsAndForm() {
        String command = "kubectl logs <pod-name> -n ${NAMESPACE} | grep {trace_id}";
        List<Placeholder> found = Placeholders.find(command);
        assertThat(found).extracting(Placeholder::name).containsExactly("pod-name", "NAMESPACE", "trace_id");
        for (Placeholder p : found) {
            assertThat(command.substring(p.start(), p.end())).isEqualTo(p.token());
        }
        assertThat(Placeholders.find("helm template x --set a={{ .Values.image.tag }}").get(0).name())
                .isEqualTo("Values.image.tag");
    }

    @Test
    void offsetsPointIntoTextEvenWithQuotesAndSubstitutions() {
        String command = "psql -h \"DB_HOST\" -c \"SELECT 1 FROM t WHERE id = 'ROW_ID'\" && echo \"$(date) $RUN_ID\"";
        List<Placeholder> found = Placeholders.find(command);
        assertThat(found).extracting(Placeholder::token).containsExactly("DB_HOST", "ROW_ID", "$RUN_ID");
        for (Placeholder p : found) {
            assertThat(command.substring(p.start(), p.end())).isEqualTo(p.token());
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "'echo \"unterminated <pod> $X'", "'$(((('", "'<<'"})
    void oddInputNeverThrows(String command) {
        assertThat(Placeholders.find(command)).isNotNull();
    }

    @Test
    void longCommandIsScannedOnce() {
        String command = "run " + "<p> $V ${W} {x} VALUE_X ".repeat(4_000);
        assertThat(Placeholders.find(command)).hasSize(20_000);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            <pod-name>,   pod
            $POD_NAME,    pod
            podName,      pod
            container_name, container
            <hostname>,   host
            DB_HOST,      dbhost
            name,         name
            """)
    void aNameWithOrWithoutItsNameSuffixIsOneName(String written, String key) {
        // alert labels say pod, container, deployment; runbooks write <pod-name>, $CONTAINER_NAME
        assertThat(Placeholders.nameKey(written)).isEqualTo(key);
    }
}
