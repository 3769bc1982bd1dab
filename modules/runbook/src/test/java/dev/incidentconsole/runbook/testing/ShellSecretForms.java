package dev.incidentconsole.runbook.testing;

import static dev.incidentconsole.runbook.testing.SecretFormTables.form;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The secret forms of {@link SecretFormTables#secretForms()} that only a reading of the shell finds: here-document
 * bodies, wrappers and scripts, flag clusters, quoting, a command in prose, variables' literal defaults. family, text
 * with a secret, the secret, the text masked.
 */
final class ShellSecretForms {
    private ShellSecretForms() {
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                // a here-document's body, whatever its delimiter's quoting
                form("heredoc", "cat <<EOF > /etc/app.env\nDB_PASSWORD=H3redocPw\nEOF", "H3redocPw",
                        "cat <<EOF > /etc/app.env\nDB_PASSWORD=****\nEOF"),
                form("heredoc", "kubectl apply -f - <<'EOF'\nkind: Secret\nstringData:\n  password: H3redoc2\nEOF", "H3redoc2",
                        "kubectl apply -f - <<'EOF'\nkind: Secret\nstringData:\n  password: ****\nEOF"),
                // read on the shell model: behind wrappers, in scripts, in flag clusters, across quotings
                form("wrapped", "sudo -u postgres env PGPASSWORD=Wr4pPg1 psql -h db -c 'select 1'", "Wr4pPg1",
                        "sudo -u postgres env PGPASSWORD=**** psql -h db -c 'select 1'"),
                form("wrapped", "sh -c 'mysql -uroot -pSh3llPw -h db'", "Sh3llPw", "sh -c 'mysql -uroot -p**** -h db'"),
                form("wrapped", "ssh db-1 'redis-cli -a SshR3dis ping'", "SshR3dis", "ssh db-1 'redis-cli -a **** ping'"),
                form("wrapped", "kubectl exec -it redis-0 -- redis-cli -a KubeR3dis INFO", "KubeR3dis",
                        "kubectl exec -it redis-0 -- redis-cli -a **** INFO"),
                form("wrapped", "bash -c \"redis-cli -a \\\"R3 dis\\\" ping\"", "R3 dis",
                        "bash -c \"redis-cli -a \\\"****\\\" ping\""),
                form("wrapped", "docker exec -it pg env PGPASSWORD='D0ck pg' psql -U app", "D0ck pg",
                        "docker exec -it pg env PGPASSWORD='****' psql -U app"),
                form("cluster", "mysql -uroot -pClust3rPw -h db-1 -e 'select 1'", "Clust3rPw",
                        "mysql -uroot -p**** -h db-1 -e 'select 1'"),
                form("cluster", "mysql -h db -vvpClust3r2 orders", "Clust3r2", "mysql -h db -vvp**** orders"),
                form("cluster", "curl -sSu deploy:CurlClust3r https://ci/api", "CurlClust3r",
                        "curl -sSu deploy:**** https://ci/api"),
                form("quoted", "cqlsh -u cassandra -p 'Qu0ted Pw' 10.0.0.7", "Qu0ted Pw", "cqlsh -u cassandra -p '****' 10.0.0.7"),
                form("quoted", "mongosh -u admin --password \"M0ngo pw2\" --host m0", "M0ngo pw2",
                        "mongosh -u admin --password \"****\" --host m0"),
                form("quoted", "mysql -uroot -p'Mix3d'\"Qu0tes\" -e 'select 1'", "Qu0tes", "mysql -uroot -p**** -e 'select 1'"),
                form("quoted", "redis-cli -h cache-1 -a R3dis\\ Esc ping", "Esc", "redis-cli -h cache-1 -a **** ping"),
                // prose: output printing one argument a line, and a command after an apostrophe or a '#'
                form("prose", "--password hunter2prose", "hunter2prose", "--password ****"),
                form("prose", "  --client-secret Cl13ntS3cret", "Cl13ntS3cret", "  --client-secret ****"),
                form("prose", "-u admin:Adm1nPw", "Adm1nPw", "-u admin:****"),
                form("prose", "Couldn't connect: mysql -uroot -pAp0strophe", "Ap0strophe",
                        "Couldn't connect: mysql -uroot -p****"),
                form("prose", "Ticket #42: redis-cli -a H4shR3dis ping", "H4shR3dis", "Ticket #42: redis-cli -a **** ping"),
                // a literal default of a variable: the value used when it is unset (a secret's name, or a secret's place)
                form("default", "PGPASSWORD=${PGPASSWORD:-s3cretPg} psql -h db-2 -U app", "s3cretPg",
                        "PGPASSWORD=${PGPASSWORD:-****} psql -h db-2 -U app"),
                form("default", "redis-cli -h cache-1 -a \"${REDIS_PW:-R3disDflt}\" ping", "R3disDflt",
                        "redis-cli -h cache-1 -a \"${REDIS_PW:-****}\" ping"),
                form("default", "mysql -uroot -p${DB_PW-My5qlDflt} -h db", "My5qlDflt", "mysql -uroot -p${DB_PW-****} -h db"),
                form("default", "psql \"postgresql://app:${DB_PASSWORD:-Url9Dflt}@db-2/orders\"", "Url9Dflt",
                        "psql \"postgresql://app:${DB_PASSWORD:-****}@db-2/orders\""),
                form("default", "export API_TOKEN=${API_TOKEN:=T0kDflt99}", "T0kDflt99", "export API_TOKEN=${API_TOKEN:=****}"),
                form("default", "echo \"using ${SLACK_WEBHOOK_SECRET:-Wh00kDflt}\"", "Wh00kDflt",
                        "echo \"using ${SLACK_WEBHOOK_SECRET:-****}\""),
                // quoted, nested or inside a word: read by the shell model's ParameterExpansion
                form("default", "PGPASSWORD=${PGPASSWORD:-'s3cr et'} psql -h db-2", "s3cr et",
                        "PGPASSWORD=${PGPASSWORD:-'****'} psql -h db-2"),
                form("default", "PGPASSWORD=${PGPASSWORD:-\"Dq5ecret\"} psql -h db-2", "Dq5ecret",
                        "PGPASSWORD=${PGPASSWORD:-\"****\"} psql -h db-2"),
                form("default", "mysql -uroot -px${PW:-W0rdDflt} -h db", "W0rdDflt", "mysql -uroot -p****${PW:-****} -h db"),
                form("default", "echo x${DB_PW:-Echo5Dflt}", "Echo5Dflt", "echo x${DB_PW:-****}"),
                form("default", "PGPASSWORD=${A:-${PW:-N3stDflt}} psql -h db-2", "N3stDflt",
                        "PGPASSWORD=${A:-${PW:-****}} psql -h db-2"),
                form("default", "redis-cli -a \"${A:-${B:-N3st2Dflt}}\" ping", "N3st2Dflt",
                        "redis-cli -a \"${A:-${B:-****}}\" ping"),
                // the literal characters of a secret around an expansion: the expansion's name stays
                form("around", "mysql -uroot -pPrefix9${PW} -h db", "Prefix9", "mysql -uroot -p****${PW} -h db"),
                form("around", "mysql --password=${PW:-abc}Suffix9 -h db", "Suffix9", "mysql --password=${PW:-****}**** -h db"),
                form("around", "redis-cli -a \"xR3d${PW}yR3d\" ping", "R3d", "redis-cli -a \"****${PW}****\" ping"),
                form("around", "PGPASSWORD=Pre9$PGPW psql -h db-2", "Pre9", "PGPASSWORD=**** psql -h db-2"),
                form("around", "PGPASSWORD=${PGPASSWORD:-pre9${X}Post9} psql -h db-2", "Post9",
                        "PGPASSWORD=${PGPASSWORD:-****${X}****} psql -h db-2"),
                form("around", "redis-cli -a \"K3y$(cat /run/r)Tail9\" ping", "Tail9",
                        "redis-cli -a \"****$(cat /run/r)****\" ping"),
                // what a substitution in a secret's place makes from what it is given
                form("substitution", "mysql -uroot -p\"$(echo c2VjcmV0Qg== | base64 -d)\" -h db", "c2VjcmV0Qg",
                        "mysql -uroot -p\"$(echo **** | base64 -d)\" -h db"),
                form("substitution", "redis-cli -a \"$(cat <<EOF\nH3reSubst\nEOF\n)\" ping", "H3reSubst",
                        "redis-cli -a \"$(cat <<EOF\n****\nEOF\n)\" ping"),
                form("substitution", "mysql -uroot -p\"$(base64 -d <<< c2VjcmV0Qw==)\" -h db", "c2VjcmV0Qw",
                        "mysql -uroot -p\"$(base64 -d <<< ****)\" -h db"),
                form("substitution", "redis-cli -a \"$(printf '%s' Pr1ntfArg)\" ping", "Pr1ntfArg",
                        "redis-cli -a \"$(printf '%s' ****)\" ping"),
                // a here-document or here-string read as a password on standard input
                form("stdin", "docker login -u ci --password-stdin registry.internal <<EOF\nH3reStdin\nEOF",
                        "H3reStdin", "docker login -u ci --password-stdin registry.internal <<EOF\n****\nEOF"),
                form("stdin", "helm registry login r.io -u ci --password-stdin <<< 'H3reStr9'", "H3reStr9",
                        "helm registry login r.io -u ci --password-stdin <<< '****'"));
    }
}
