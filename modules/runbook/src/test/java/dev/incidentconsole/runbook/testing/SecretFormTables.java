package dev.incidentconsole.runbook.testing;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The tables of secret forms and harmless lines, by family, shared by every layer's tests (the masker,
 * both stores, the three exports, run logs, the CLI and the view models) through the runbook test-jar.
 */
public final class SecretFormTables {
    private SecretFormTables() {
    }

    /** family, text with a secret, the secret, the text masked. */
    public static Stream<Arguments> secretForms() {
        return Stream.of(ShellSecretForms.forms(), ShortPasswordForms.forms(), ToolSecretForms.forms(), clientForms())
                .flatMap(f -> f);
    }

    private static Stream<Arguments> clientForms() {
        return Stream.of(
                // database and cache clients: flags
                form("db-flag", "mysql -h db -uroot -pMyR00tPw -e 'show processlist'", "MyR00tPw",
                        "mysql -h db -uroot -p**** -e 'show processlist'"),
                form("db-flag", "mysqldump -u backup -p'Dump 5ecret' orders > o.sql", "Dump 5ecret",
                        "mysqldump -u backup -p'****' orders > o.sql"),
                form("db-flag", "mysqladmin --password=hunter2x ping", "hunter2x", "mysqladmin --password=**** ping"),
                form("db-flag", "mysql --password='s3cr et' -e 'select 1'", "s3cr et", "mysql --password='****' -e 'select 1'"),
                form("db-flag", "redis-cli -h cache-1 -p 6380 -a R3disPa55 INFO replication", "R3disPa55",
                        "redis-cli -h cache-1 -p 6380 -a **** INFO replication"),
                form("db-flag", "redis-cli --user ops --pass R3disPa55 ping", "R3disPa55",
                        "redis-cli --user ops --pass **** ping"),
                form("db-flag", "mongosh --host mongo-0 -u admin -p M0ngoPw! --authenticationDatabase admin", "M0ngoPw!",
                        "mongosh --host mongo-0 -u admin -p **** --authenticationDatabase admin"),
                form("db-flag", "cqlsh -u cassandra -p Cass4ndraPw 10.0.0.7", "Cass4ndraPw",
                        "cqlsh -u cassandra -p **** 10.0.0.7"),
                form("db-flag", "clickhouse-client --user default --password Cl1ckPw --query 'SELECT 1'", "Cl1ckPw",
                        "clickhouse-client --user default --password **** --query 'SELECT 1'"),
                form("db-flag", "influx -username admin -password Infl0xPw -execute 'SHOW DATABASES'", "Infl0xPw",
                        "influx -username admin -password **** -execute 'SHOW DATABASES'"),
                // database and cache clients: their own environment variables
                form("db-env", "PGPASSWORD=s3cr3t-pg psql -h db-2 -U app", "s3cr3t-pg", "PGPASSWORD=**** psql -h db-2 -U app"),
                form("db-env", "MYSQL_PWD=My5qlPw mysql -h db -u root", "My5qlPw", "MYSQL_PWD=**** mysql -h db -u root"),
                form("db-env", "REDISCLI_AUTH=R3disAuth redis-cli -h cache-1 ping", "R3disAuth",
                        "REDISCLI_AUTH=**** redis-cli -h cache-1 ping"),
                form("db-env", "DB_PW=Db5hortPw ./migrate.sh", "Db5hortPw", "DB_PW=**** ./migrate.sh"),
                form("db-env", "export PGPASSWORD=\"pg pass 9\"", "pg pass 9", "export PGPASSWORD=\"****\""),
                form("db-env", "psql 'host=db-2 user=app password=pgPass42 dbname=orders'", "pgPass42",
                        "psql 'host=db-2 user=app password=**** dbname=orders'"),
                form("db-env", "Server=sql1;Database=orders;User Id=sa;Pwd=Od8cPw;", "Od8cPw",
                        "Server=sql1;Database=orders;User Id=sa;Pwd=****;"),
                // SSH password helpers
                form("ssh-password", "sshpass -p 'Ssh Pw1' ssh -p 2222 ops@bastion uptime", "Ssh Pw1",
                        "sshpass -p '****' ssh -p 2222 ops@bastion uptime"),
                form("ssh-password", "sshpass -pSshPw2 scp dump.sql ops@db:/tmp/", "SshPw2",
                        "sshpass -p**** scp dump.sql ops@db:/tmp/"),
                form("ssh-password", "SSHPASS=SshPw3 sshpass -e ssh ops@bastion", "SshPw3",
                        "SSHPASS=**** sshpass -e ssh ops@bastion"),
                // netrc
                form("netrc", "machine registry.internal login ci password N3trcPw", "N3trcPw",
                        "machine registry.internal login ci password ****"),
                form("netrc", "machine git.internal\n  login deploy\n  password N3trcPw2\n", "N3trcPw2",
                        "machine git.internal\n  login deploy\n  password ****\n"),
                form("netrc", "default login anonymous password N3trcPw3", "N3trcPw3",
                        "default login anonymous password ****"),
                // registry logins
                form("registry-login", "docker login -u ci -p Dck3rPw registry.internal", "Dck3rPw",
                        "docker login -u ci -p **** registry.internal"),
                // secret flags followed by their value, whatever word the value begins with
                form("secret-flag", "consul kv get --token 3f2a-77b1-c0de app/config", "3f2a-77b1-c0de",
                        "consul kv get --token **** app/config"),
                form("secret-flag", "app-cli deploy --token to-9f8e7d6c --env prod", "to-9f8e7d6c",
                        "app-cli deploy --token **** --env prod"),
                form("secret-flag", "az login --service-principal -u app --client-secret 'the s3cret'", "the s3cret",
                        "az login --service-principal -u app --client-secret '****'"),
                form("registry-login", "docker login --username ci --password Dck3rPw2 registry.internal", "Dck3rPw2",
                        "docker login --username ci --password **** registry.internal"),
                form("registry-login", "echo Dck3rPw3 | docker login --username ci --password-stdin registry.internal",
                        "Dck3rPw3", "echo **** | docker login --username ci --password-stdin registry.internal"),
                form("registry-login", "echo 'Dck3r Pw4' | podman login -u ci --password-stdin quay.io", "Dck3r Pw4",
                        "echo '****' | podman login -u ci --password-stdin quay.io"),
                form("registry-login", "helm registry login ghcr.io -u bot -p HelmPw55", "HelmPw55",
                        "helm registry login ghcr.io -u bot -p ****"),
                form("db-flag", "ldapsearch -x -H ldap://ldap-1 -D cn=admin,dc=corp -w Ld4pPw9 -b dc=corp", "Ld4pPw9",
                        "ldapsearch -x -H ldap://ldap-1 -D cn=admin,dc=corp -w **** -b dc=corp"),
                form("db-flag", "sqlcmd -S db -U sa -P 'SqlCmd Pw9' -Q \"select 1\"", "SqlCmd Pw9",
                        "sqlcmd -S db -U sa -P '****' -Q \"select 1\""),
                form("db-flag", "smbclient //fs/share -U ops%Smb9Pass -c ls", "Smb9Pass", "smbclient //fs/share -U ops%**** -c ls"),
                form("db-env", "db-2:5432:orders:app:Pg5ecretPass", "Pg5ecretPass", "db-2:5432:orders:app:****"),
                // passwords and tokens given as operands
                form("operand", "htpasswd -b /etc/nginx/.htpasswd admin Htp4ssw0rd", "Htp4ssw0rd",
                        "htpasswd -b /etc/nginx/.htpasswd admin ****"),
                form("operand", "openssl pkcs12 -export -passout pass:'P12 pass9' -out x.p12", "P12 pass9",
                        "openssl pkcs12 -export -passout pass:'****' -out x.p12"),
                form("operand", "rabbitmqctl -n rabbit@mq-1 change_password ops R4bbitPw9", "R4bbitPw9",
                        "rabbitmqctl -n rabbit@mq-1 change_password ops ****"),
                form("operand", "vault login s.hvsTok3n123", "hvsTok3n123", "vault login ****"),
                form("operand", "openssl enc -aes-256-cbc -k 0pensslK9 -in db.dump -out db.enc", "0pensslK9",
                        "openssl enc -aes-256-cbc -k **** -in db.dump -out db.enc"),
                form("operand", "vault login -address https://vault:8200 s.V4ultTok", "V4ultTok",
                        "vault login -address https://vault:8200 ****"),
                form("operand", "curl -d \"password=F0rmPw9&user=ops\" https://app/login", "F0rmPw9",
                        "curl -d \"password=****&user=ops\" https://app/login"),
                // cloud keys
                form("cloud-key", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "IOSFODNN7EXAMPLE",
                        "aws_access_key_id = AKIA****"),
                form("cloud-key", "found key AKIAIOSFODNN7EXAMPLE in the logs", "IOSFODNN7EXAMPLE",
                        "found key AKIA**** in the logs"),
                form("cloud-key", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG aws s3 ls", "wJalrXUtnFEMI/K7MDENG",
                        "AWS_SECRET_ACCESS_KEY=**** aws s3 ls"),
                form("cloud-key", "DefaultEndpointsProtocol=https;AccountName=ops;AccountKey=q8Zx+Ab/Cd==;EndpointSuffix=core",
                        "q8Zx+Ab/Cd==", "DefaultEndpointsProtocol=https;AccountName=ops;AccountKey=****;EndpointSuffix=core"),
                form("cloud-key", "Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=Sb9Key+x=",
                        "Sb9Key+x=", "Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=****"),
                // vendor-prefixed tokens, bare
                form("vendor-token", "git clone https://ghp_Abc123Def456Ghi789Jkl012Mno345Pqr678@github.com/org/repo",
                        "Abc123Def456Ghi789Jkl012Mno345Pqr678", "git clone https://ghp_****@github.com/org/repo"),
                form("vendor-token", "token gho_16C7e42F292c6912E7710c838347Ae178B4a used", "16C7e42F292c6912E7710c838347Ae178B4a",
                        "token gho_**** used"),
                form("vendor-token", "gh auth login with github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
                        "11ABCDEFG0123456789_abcdefghijklmnop", "gh auth login with github_pat_****"),
                form("vendor-token", "curl --header 'PRIVATE-TOKEN: glpat-xYz1234567890abcdefGH' https://gitlab/api/v4/projects",
                        "glpat-xYz1234567890abcdefGH", "curl --header 'PRIVATE-TOKEN: ****' https://gitlab/api/v4/projects"),
                form("vendor-token", "glab config set token glpat-xYz1234567890abcdefGH", "xYz1234567890abcdefGH",
                        "glab config set token glpat-****"),
                form("vendor-token", "slack-notify xoxb-1234567890-0987654321-AbCdEfGhIjKl #ops", "1234567890-0987654321-AbCdEfGhIjKl",
                        "slack-notify xoxb-**** #ops"),
                form("vendor-token", "user token xoxp-1111-2222-3333-abcdef was revoked", "1111-2222-3333-abcdef",
                        "user token xoxp-**** was revoked"),
                form("vendor-token", "stripe charges list --api-key sk_live_51HabcdefGHIJ0123", "51HabcdefGHIJ0123",
                        "stripe charges list --api-key sk_live_****"),
                form("vendor-token", "restricted rk_live_51Hzyxwvut98765 in config", "51Hzyxwvut98765",
                        "restricted rk_live_**** in config"),
                form("vendor-token", "OPENAI key sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12 set", "Ab12Cd34Ef56Gh78Ij90Kl12",
                        "OPENAI key sk-proj-**** set"),
                form("vendor-token", "maps key AIzaSyD-1234567890abcdefghijklmnopqrstu loaded",
                        "SyD-1234567890abcdefghijklmnopqrstu", "maps key AIza**** loaded"),
                // API keys in URL query strings (host and path kept)
                form("query-key", "curl 'https://api.metrics.io/v1/query?api_key=9f8e7d6c5b4a&q=up'", "9f8e7d6c5b4a",
                        "curl 'https://api.metrics.io/v1/query?api_key=****&q=up'"),
                form("query-key", "GET https://hooks.internal/notify?token=tk_555abc&channel=ops", "tk_555abc",
                        "GET https://hooks.internal/notify?token=****&channel=ops"),
                form("query-key", "wget \"https://cdn.internal/a.tgz?access_token=AcT0ken99\"", "AcT0ken99",
                        "wget \"https://cdn.internal/a.tgz?access_token=****\""),
                form("query-key", "https://acct.blob.core.windows.net/c/b?sv=2022&sig=Sas5ig%2Bx", "Sas5ig%2Bx",
                        "https://acct.blob.core.windows.net/c/b?sv=2022&sig=****"),
                form("query-key", "https://maps.example.com/api/geocode?key=Geo55Key&addr=x", "Geo55Key",
                        "https://maps.example.com/api/geocode?key=****&addr=x"),
                // private keys, JWTs, cookies, Authorization headers, basic-auth URLs
                form("private-key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----",
                        "MIIEpAIBAAKCAQEA7", "-----BEGIN RSA PRIVATE KEY-----\n****\n-----END RSA PRIVATE KEY-----"),
                form("private-key", "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\nAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----\n",
                        "b3BlbnNzaC1rZXk", "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\n****\n-----END OPENSSH PRIVATE KEY-----\n"),
                form("jwt", "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.SflKxwRJSMeKKF2QT4fwpM expired",
                        "eyJzdWIiOiJhbGljZSJ9", "session **** expired"),
                form("cookie", "curl -H 'Cookie: session=S3ss10n; theme=dark' https://app/api", "S3ss10n",
                        "curl -H 'Cookie: session=****; theme=****' https://app/api"),
                form("cookie", "Set-Cookie: sid=Sid98765; Path=/; HttpOnly", "Sid98765", "Set-Cookie: sid=****; Path=/; HttpOnly"),
                form("cookie", "curl -b 'sid=Sid4321' https://app/api", "Sid4321", "curl -b 'sid=****' https://app/api"),
                form("cookie", "curl -b sid=Unqu0tedSid https://app/api", "Unqu0tedSid", "curl -b sid=**** https://app/api"),
                form("cookie", "curl -sLb 'theme=dark; sid=Clust3rSid' https://app/api", "Clust3rSid",
                        "curl -sLb 'theme=****; sid=****' https://app/api"),
                form("cookie", "curl --cookie=\"sid=L0ngSid\" https://app/api", "L0ngSid", "curl --cookie=\"sid=****\" https://app/api"),
                form("authorization", "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1.eyJzdWIi.sig' https://api",
                        "eyJhbGciOiJIUzI1.eyJzdWIi.sig", "curl -H 'Authorization: Bearer ****' https://api"),
                form("authorization", "curl -H \"Authorization: Basic YWRtaW46c2VjcmV0\" http://grafana:3000/api/health",
                        "YWRtaW46c2VjcmV0", "curl -H \"Authorization: Basic ****\" http://grafana:3000/api/health"),
                form("authorization", "curl -H \"X-API-Key: 9f8e7d6c5b4a\" https://api/v1", "9f8e7d6c5b4a",
                        "curl -H \"X-API-Key: ****\" https://api/v1"),
                form("basic-auth-url", "curl https://deploy:Tr0ub4dor@ci.internal/api/v2/jobs?x=1", "Tr0ub4dor",
                        "curl https://deploy:****@ci.internal/api/v2/jobs?x=1"),
                form("basic-auth-url", "git remote add ci https://x-access-token:ghs_16C7e42F292c6912E7710c83@github.com/org/repo.git",
                        "16C7e42F292c6912E7710c83", "git remote add ci https://x-access-token:****@github.com/org/repo.git"),
                form("basic-auth-url", "redis-cli -u redis://:r3d1sUrl@cache-1:6379 ping", "r3d1sUrl",
                        "redis-cli -u redis://:****@cache-1:6379 ping"),
                form("basic-auth-url", "curl -u deploy:Tr0ub4dor https://ci/api", "Tr0ub4dor", "curl -u deploy:**** https://ci/api"),
                // assignments and flags in general; quoting kept
                form("assignment", "CLIENT_SECRET='a b c d' ./rotate.sh", "a b c d", "CLIENT_SECRET='****' ./rotate.sh"),
                form("assignment", "sh -c 'mysql --password=pw9xyz -e \"select 1\"'", "pw9xyz",
                        "sh -c 'mysql --password=**** -e \"select 1\"'"),
                form("assignment", "kubectl create secret generic db --from-literal=password='p w!' -n pay", "p w!",
                        "kubectl create secret generic db --from-literal=password='****' -n pay"),
                form("assignment", "vault login --token s.hvsToken123", "s.hvsToken123", "vault login --token ****"),
                form("assignment", "{\"username\": \"app\", \"password\": \"js0n\\\"Pw\"}", "js0n",
                        "{\"username\": \"app\", \"password\": \"****\"}"),
                form("assignment", "data:\n  password: \"cGFzc3dvcmQxMjM=\"\n  user: YXBw", "cGFzc3dvcmQxMjM=",
                        "data:\n  password: \"****\"\n  user: YXBw"),
                // a password or token stated in a sentence, with a connector that gives its value
                form("prose-password", "rotated the redis password from hunter2x to C0rrect-h0rse", "hunter2x",
                        "rotated the redis password from **** to ****"),
                form("prose-password", "the new db password is W1nter-2026.", "W1nter-2026", "the new db password is ****."),
                form("prose-password", "staging admin password: Tr0ub4dor-3x (rotated weekly)", "Tr0ub4dor-3x",
                        "staging admin password: **** (rotated weekly)"),
                form("prose-password", "Password was changed to 'Spr1ngTime' by ops", "Spr1ngTime",
                        "Password was changed to '****' by ops"),
                form("prose-token", "the deploy token is 9f8e7d6c5b4a3f2e1d0c9b8a7f6e", "9f8e7d6c5b4a3f2e1d0c9b8a7f6e",
                        "the deploy token is ****"),
                form("prose-token", "used token Zx81QwErTy55UiOp0Lk9 for the import", "Zx81QwErTy55UiOp0Lk9",
                        "used token **** for the import"),
                form("prose-password", "the redis password is: Hunter22x", "Hunter22x", "the redis password is: ****"),
                form("prose-password", "staging password:Hunt3rX9 until friday", "Hunt3rX9",
                        "staging password:**** until friday"),
                form("prose-password", "rotated the password from hunter2x, to Hunter33", "Hunter33",
                        "rotated the password from ****, to ****"),
                form("prose-password", "the password is \"Hunter 22\" for now", "Hunter 22",
                        "the password is \"****\" for now"),
                form("prose-password", "the password for admin is Adm1nPass", "Adm1nPass",
                        "the password for admin is ****"),
                form("prose-password", "the password is Hunter2!", "Hunter2!", "the password is ****"),
                form("prose-password", "the password is Admin_Pass_1", "Admin_Pass_1", "the password is ****"),
                form("prose-password", "the password is hunter2-blue", "hunter2-blue", "the password is ****"),
                form("prose-password", "password is Hunter2?", "Hunter2?", "password is ****"),
                form("prose-token", "set the deploy token to 9f8e7d6c5b4a3f2e1d0c9b8a", "9f8e7d6c5b4a3f2e1d0c9b8a",
                        "set the deploy token to ****"),
                // a password set by SQL, a Redis setting, mysqld's generated one
                form("sql", "psql -c \"ALTER USER app WITH PASSWORD 'Sq1Pass9'\"", "Sq1Pass9",
                        "psql -c \"ALTER USER app WITH PASSWORD '****'\""),
                form("sql", "CREATE USER 'app'@'%' IDENTIFIED BY 'My5qlId9';", "My5qlId9",
                        "CREATE USER 'app'@'%' IDENTIFIED BY '****';"),
                form("sql", "ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY 'N4tivePw';",
                        "N4tivePw", "ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY '****';"),
                form("sql", "create role app with login password 'R0leLog9'", "R0leLog9",
                        "create role app with login password '****'"),
                form("sql", "alter user app password 'Alt3rPw9'", "Alt3rPw9", "alter user app password '****'"),
                form("sql", "CREATE USER 'app'@'%' IDENTIFIED BY \"My5qlDq9\";", "My5qlDq9",
                        "CREATE USER 'app'@'%' IDENTIFIED BY \"****\";"),
                form("sql", "SET PASSWORD FOR 'app'@'%' = 'S3tPass9';", "S3tPass9", "SET PASSWORD FOR 'app'@'%' = '****';"),
                form("sql", "set password for app = \"S3tPass8\"", "S3tPass8", "set password for app = \"****\""),
                form("redis-config", "redis-cli -h cache-1 CONFIG SET requirepass R3qPass9", "R3qPass9",
                        "redis-cli -h cache-1 CONFIG SET requirepass ****"),
                form("redis-config", "# /etc/redis/redis.conf\nrequirepass R3qConf9\n", "R3qConf9",
                        "# /etc/redis/redis.conf\nrequirepass ****\n"),
                form("redis-config", "bind 0.0.0.0\n  masterauth M4sterAu9\n", "M4sterAu9",
                        "bind 0.0.0.0\n  masterauth ****\n"),
                form("redis-config", "ran: requirepass Xy7R3qRan", "Xy7R3qRan", "ran: requirepass ****"),
                form("redis-config", "/etc/redis/redis.conf:1042:requirepass \"R3q Grep9\"", "R3q Grep9",
                        "/etc/redis/redis.conf:1042:requirepass \"****\""),
                form("redis-config", "redis.conf-13-requirepass Ctx13Pass", "Ctx13Pass", "redis.conf-13-requirepass ****"),
                // a shell's trace (set -x) prints each command it runs after '+'
                form("trace", "+ redis-cli -h cache-1 -a Tr4ceR3dis ping", "Tr4ceR3dis", "+ redis-cli -h cache-1 -a **** ping"),
                form("trace", "++ mysql -uroot -pTr4ceMy -e 'select 1'", "Tr4ceMy", "++ mysql -uroot -p**** -e 'select 1'"),
                form("trace", "+ PGPASSWORD=Tr4cePg psql -h db-2", "Tr4cePg", "+ PGPASSWORD=**** psql -h db-2"),
                form("trace", "+ curl -sS -H 'Authorization: Bearer Tr4ceT0ken99' https://api/v1", "Tr4ceT0ken99",
                        "+ curl -sS -H 'Authorization: Bearer ****' https://api/v1"),
                form("mysql-log", "[Server] A temporary password is generated for root@localhost: hjk8#Lq;pQ2w",
                        "hjk8#Lq;pQ2w", "[Server] A temporary password is generated for root@localhost: ****"));
    }

    /**
     * Command forms only a reading of the whole command finds: a line alone does not say which program a flag
     * belongs to. Checked where a text is known to be a command (a step's command, the command on screen).
     * family, command with a secret, the secret, the command masked.
     */
    public static Stream<Arguments> commandForms() {
        return Stream.of(
                form("continued", "mysql -h db-1 \\\n  -uroot -pC0ntinued \\\n  -e 'select 1'", "C0ntinued",
                        "mysql -h db-1 \\\n  -uroot -p**** \\\n  -e 'select 1'"),
                form("continued", "redis-cli -h cache-1 \\\n  -a C0ntR3dis ping", "C0ntR3dis",
                        "redis-cli -h cache-1 \\\n  -a **** ping"),
                form("continued", "echo C0ntStdin |\n  docker login -u ci --password-stdin registry.internal", "C0ntStdin",
                        "echo **** |\n  docker login -u ci --password-stdin registry.internal"),
                form("continued", "sshpass \\\n  -p C0ntSsh ssh ops@bastion", "C0ntSsh", "sshpass \\\n  -p **** ssh ops@bastion"));
    }

    /**
     * Secrets that look like a shell variable but that the shell passes as written (single-quoted, escaped,
     * {@code $'...'}), as {@code ShellQuote} writes a typed {@code $R3disPw} into a command: a value, masked.
     * family, command with a secret, the secret, the command masked.
     */
    public static Stream<Arguments> literalLookalikes() {
        return Stream.of(
                form("flag", "redis-cli -h c -a '$R3disPw' ping", "R3disPw", "redis-cli -h c -a '****' ping"),
                form("flag", "redis-cli -h c -a \"\\$R3disPw\" ping", "R3disPw", "redis-cli -h c -a \"****\" ping"),
                form("flag", "redis-cli -h c -a \\$R3disPw ping", "R3disPw", "redis-cli -h c -a **** ping"),
                form("flag", "redis-cli -h c -a $'$R3disPw' ping", "R3disPw", "redis-cli -h c -a $'****' ping"),
                form("flag", "mysql -uroot -p'$MyR00t' -e 'select 1'", "MyR00t", "mysql -uroot -p'****' -e 'select 1'"),
                form("flag", "mongosh -u admin -p '${M0ngo}' --host m0", "M0ngo", "mongosh -u admin -p '****' --host m0"),
                form("flag", "sshpass -p '$Ssh9w' ssh ops@bastion", "Ssh9w", "sshpass -p '****' ssh ops@bastion"),
                form("long-flag", "mysql --password '$L0ngPw' -e 'select 1'", "L0ngPw", "mysql --password '****' -e 'select 1'"),
                form("long-flag", "mysql --password='$L0ngPw' -e 'select 1'", "L0ngPw", "mysql --password='****' -e 'select 1'"),
                form("long-flag", "vault login --token '$T0kenV'", "T0kenV", "vault login --token '****'"),
                form("long-flag", "gh api --token=\"\\$T0kenG\" /user", "T0kenG", "gh api --token=\"****\" /user"),
                form("env", "PGPASSWORD='$PgS3cret' psql -h db-2 -U app", "PgS3cret", "PGPASSWORD='****' psql -h db-2 -U app"),
                form("env", "PGPASSWORD=\\$PgS3cret psql -h db-2 -U app", "PgS3cret", "PGPASSWORD=**** psql -h db-2 -U app"),
                form("env", "MYSQL_PWD='$My5ql' mysql -h db -u root", "My5ql", "MYSQL_PWD='****' mysql -h db -u root"),
                form("env", "export API_TOKEN='$Ap1Tok'", "Ap1Tok", "export API_TOKEN='****'"),
                form("url", "psql 'postgresql://app:$Url9w@db-2/orders'", "Url9w", "psql 'postgresql://app:****@db-2/orders'"),
                form("header", "curl -H 'Authorization: Bearer $T0kHdr' https://api/v1", "T0kHdr",
                        "curl -H 'Authorization: Bearer ****' https://api/v1"),
                form("header", "curl -H 'X-Api-Key: $K3yHdr' https://api/v1", "K3yHdr", "curl -H 'X-Api-Key: ****' https://api/v1"),
                form("user", "curl -u 'ops:$Us3rPw' https://api/v1", "Us3rPw", "curl -u 'ops:****' https://api/v1"),
                form("cookie", "curl -b 'session=$C00kie' https://app/health", "C00kie", "curl -b 'session=****' https://app/health"),
                form("json", "curl -d '{\"password\": \"$Js0nPw\"}' https://api/v1/login", "Js0nPw",
                        "curl -d '{\"password\": \"****\"}' https://api/v1/login"),
                form("script", "sh -c 'redis-cli -a \\$R3disSh ping'", "R3disSh", "sh -c 'redis-cli -a **** ping'"),
                form("substitution", "redis-cli -h c -a '$(cat /run/l1teral/r3dis)' ping", "l1teral/r3dis",
                        "redis-cli -h c -a '****' ping"),
                form("substitution", "PGPASSWORD='$(cat /run/l1teral/pg)' psql -h db-2", "l1teral/pg",
                        "PGPASSWORD='****' psql -h db-2"),
                // what an echo or printf in a substitution standing in a secret's place prints is the secret
                form("substitution", "mysql -uroot -p$(echo '$Ech0Lit') -h db", "Ech0Lit", "mysql -uroot -p$(echo '****') -h db"),
                form("substitution", "redis-cli -a \"$(printf %s Pr1ntfPw)\" ping", "Pr1ntfPw",
                        "redis-cli -a \"$(printf %s ****)\" ping"),
                form("substitution", "PGPASSWORD=$(echo Ech0Pg9) psql -h db-2", "Ech0Pg9", "PGPASSWORD=$(echo ****) psql -h db-2"),
                // a backtick in single quotes is the password's own character (it made the value's offsets unknown)
                form("backtick", "redis-cli -a 'Xy`9!qZ' ping", "Xy`9!qZ", "redis-cli -a '****' ping"),
                form("backtick", "mysql -p'Ab`c9Zq' -e 'select 1'", "Ab`c9Zq", "mysql -p'****' -e 'select 1'"),
                form("backtick", "curl -u 'admin:Ab`c9' https://api/v1", "Ab`c9",
                        "curl -u 'admin:****' https://api/v1"),
                form("backtick", "PGPASSWORD='Pg`9x' psql -h db-2", "Pg`9x", "PGPASSWORD='****' psql -h db-2"));
    }

    /**
     * The same forms with a variable the shell expands (unquoted, double-quoted, in a second shell's script): the
     * reader must see which variable, so they are left as written. They are among {@link #harmless()} too.
     */
    public static Stream<String> expandedReferences() {
        return Stream.of(
                "redis-cli -h c -a \"$REDIS_PW\" ping",
                "redis-cli -h c -a $REDIS_PW ping",
                "redis-cli -h c -a \"${REDIS_PW}\" ping",
                "mysql -uroot -p\"$MYSQL_ROOT_PASSWORD\" -e 'select 1'",
                "mysql --password=\"$DB_PW\" -e 'select 1'",
                "vault login --token \"$VAULT_TOKEN\"",
                "PGPASSWORD=\"$PGPASSWORD\" psql -h db-2 -U app",
                "MYSQL_PWD=$MYSQL_PWD mysql -h db -u root",
                "psql \"postgresql://app:$DB_PW@db-2/orders\"",
                "curl -H \"Authorization: Bearer $TOKEN\" https://api/v1",
                "curl -u \"ops:$OPS_PW\" https://api/v1",
                "curl -b \"session=$SESSION\" https://app/health",
                "curl -d \"{\\\"password\\\": \\\"$DB_PW\\\"}\" https://api/v1/login",
                "sh -c 'redis-cli -a \"$REDIS_PW\" ping'",
                "ssh bastion 'PGPASSWORD=\"$PGPASSWORD\" psql -h db-2'",
                // a command substitution is a reference too: the value is read when it runs
                "redis-cli -h c -a \"$(cat /run/secrets/redis)\" ping",
                "redis-cli -h c -a $(cat /run/secrets/redis) ping",
                "PGPASSWORD=$(cat /run/secrets/pg) psql -h db-2 -U app",
                "redis-cli -h c -a `cat /run/secrets/redis` ping",
                "PGPASSWORD=\"`vault kv get -field=pw db/app`\" psql -h db-2",
                "PGPASSWORD=\"$(vault kv get -field=pw db/app)\" psql -h db-2",
                "redis-cli -h c -a \"$(echo \"$REDIS_PW\")\" ping",
                // a default that is itself a reference
                "redis-cli -h c -a ${REDIS_PASSWORD:-$FALLBACK_PW} ping",
                "PGPASSWORD=\"${PGPASSWORD:-$VAULT_PG}\" psql -h db-2",
                "PGPASSWORD=${A:-${B:-$VAULT_PG}} psql -h db-2",
                "psql -U ${PGUSER:-app} -h db-2");
    }

    /**
     * Commands as they ran, a value typed for a placeholder written in by {@code ShellQuote}: quoted there, a
     * placeholder shape ({@code <x>}, {@code {{x}}}) is that value. As a runbook writes it, the same text names
     * the placeholder. family, command as run, the value, the command masked.
     */
    public static Stream<Arguments> typedPlaceholderValues() {
        return Stream.of(
                form("flag", "redis-cli -h c -a '<R3disPw>' ping", "<R3disPw>", "redis-cli -h c -a '****' ping"),
                form("flag", "mysql -uroot -p\"<MyR00t>\" -e 'select 1'", "<MyR00t>", "mysql -uroot -p\"****\" -e 'select 1'"),
                form("long-flag", "vault login --token '{{T0kenV}}'", "{{T0kenV}}", "vault login --token '****'"),
                form("env", "PGPASSWORD='<PgS3cret>' psql -h db-2 -U app", "<PgS3cret>", "PGPASSWORD='****' psql -h db-2 -U app"),
                form("header", "curl -H 'Authorization: Bearer <T0kHdr>' https://api/v1", "<T0kHdr>",
                        "curl -H 'Authorization: Bearer ****' https://api/v1"));
    }

    /**
     * Commands where a flag is not a secret (a port, a login name, a prompt for one): masked, they would lie.
     * The one-line ones are among {@link #harmless()} too.
     */
    public static Stream<String> harmlessCommands() {
        return Stream.of(
                "sudo -u postgres psql -p 5432 -c 'select 1'",
                "ssh -p 2222 db-1 'redis-cli -p 6379 ping'",
                "kubectl exec -it redis-0 -- redis-cli -p 6379 INFO replication",
                "docker run --rm -p 8080:80 -e MODE=ro nginx",
                "mysql -P 3306 -h db -u app -e 'select 1'",
                "sh -c 'mysql -h db -P 3306 -u app -p orders'",
                "ssh -l login bastion -p 2222 uptime",
                "sshpass -f /etc/ops/pw ssh -p 2222 -l ops bastion",
                "mongosh --port 27017 --eval 'db.stats()'",
                "mongosh -u admin -p --authenticationDatabase admin",
                "psql -h db \\\n  -p 5432 -U app",
                "mysql -h db \\\n  -P 3306 -p orders",
                "htpasswd -c /etc/nginx/.htpasswd admin",
                "openssl rsa -in k.pem -passin env:KEY_PW -out k.der",
                "rabbitmqctl list_users",
                "ldapsearch -x -W -D cn=admin,dc=corp -b dc=corp",
                "smbclient -L fs -U ops",
                "vault login -method=userpass username=ops");
    }

    /** Lines that hold no secret and must come out exactly as they went in. */
    public static Stream<String> harmless() {
        return Stream.concat(HarmlessLines.lines(),
                Stream.concat(harmlessCommands().filter(line -> !line.contains("\n")), expandedReferences()));
    }

    static Arguments form(String family, String text, String secret, String masked) {
        return Arguments.of(family, text, secret, masked);
    }
}
