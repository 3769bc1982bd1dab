package dev.incidentconsole.runbook.testing;

import java.util.stream.Stream;

/**
 * Lines of output, notes and commands that hold no secret, by kind, for {@link SecretFormTables#harmless()}: each
 * must come out of every layer exactly as it went in.
 */
final class HarmlessLines {
    private HarmlessLines() {
    }

    static Stream<String> lines() {
        return Stream.of(
                "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
                "a1b2c3d fix: rotate the token cache (#412)",
                "request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 took 812 ms",
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "psql -h db-2 -p 5432 -U app -c 'select count(*) from orders'",
                "ssh -p 22 ops@bastion uptime",
                "sshpass -f /etc/ops/pw ssh -p 2222 ops@bastion uptime",
                "docker run -p 8080:80 -d nginx",
                "redis-cli -h cache-1 -p 6379 INFO memory",
                "mysql -h db -P 3306 -u app -p orders",
                "kubectl -n payments get pods -o wide",
                "kubectl get secret db-creds -n pay -o yaml",
                "docker login --password-stdin -u ci registry.internal",
                "cat ~/.ci-token | docker login --username ci --password-stdin registry.internal",
                "curl -sS https://status.internal/healthz",
                "curl -b cookies.txt https://app/health",
                "grep -c token_expired /var/log/app.log",
                "grep -i 'password authentication failed' /var/log/postgresql/postgresql.log",
                "SELECT * FROM pg_stat_replication",
                "PGPASSWORD=$PGPASSWORD psql -h db-2 -U app",
                "mysql -u root -p\"$MYSQL_ROOT_PASSWORD\" -e 'show slave status'",
                "docker login -u ci -p <registry-password> registry.internal",
                "export API_TOKEN=${API_TOKEN:?set it first}",
                "PWD=/srv/app",
                "ls -a /tmp",
                "git log --oneline -n 5",
                "psql --no-password -h db-2 orders",
                "https://grafana.internal/d/abc123/overview?orgId=1&from=now-1h",
                "password reset mails are queued in the mailer",
                "Login failed for user app: password authentication failed",
                "Error: password expired for user deploy",
                "FATAL:  password authentication failed for user \"app\"",
                "GET /api/v1/metrics?service=api&code=200 200 12ms",
                "machine learning jobs use the password vault",
                "Bearer tokens expire after an hour",
                "helm upgrade api ./chart --set image.tag=1.4.2",
                "kubectl label pods api-0 key=value",
                // a secret flag named in prose, followed by ordinary words
                "pass --token to the CLI",
                "Run the login with --password when the prompt asks for it",
                "the --client-secret flag is read from the vault",
                "use --token instead of a password file",
                "--password and --user are both required",
                // a reference named in prose, an apostrophe before it
                "don't set PGPASSWORD=$X in the shell",
                "don't pass --password $DB_PW on the command line",
                // defaults that are no secret's
                "psql -h ${PGHOST:-db-2} -p ${PGPORT:-5432} -U ${PGUSER:-app}",
                "export PGPASSFILE=${PGPASSFILE:-/etc/pgpass}",
                // ordinary words after "password" or "token"
                "password rotation done for all replicas",
                "the redis password was rotated at 03:00 by the vault job",
                "the password is stored in vault under secret/db/app",
                "password from the vault is used by the sidecar",
                "send the new password to the team lead over the vault share",
                "the password is required for the replica user",
                "password is in /etc/app/db.pw on the bastion",
                "the password is $REDIS_PASSWORD from the environment",
                "password is <password> from the runbook table",
                "password changed successfully for user app",
                "the password has expired, run the reset job",
                "the password is SCRAM-SHA-256 hashed on the server",
                "password length must be at least 12 characters",
                "the prod password: see the 1Password entry",
                "password was reset to the default by the operator",
                "the old password was moved from replica-1 to replica-2",
                "token refresh failed with 401 for the ingest client",
                "the token is valid for 3600 seconds",
                "kubectl get secret db-creds-production-2024-primary -o yaml",
                "api key rotation is scheduled for 2026-12-07T03:00Z",
                // a source, an owner, a name, an encoding, a length, a time or a product after a connector
                "password from SecretsManager is injected at start",
                "password of redis-prod-01 rotated by the job",
                "the password is db-prod-2",
                "the password is base64-encoded in the secret",
                "the password is 12-characters long",
                "the password is password-protected in the vault",
                "the password was rotated already!",
                "password is wrong!",
                "password changed again?",
                "the replica password is \"Not Set\" in the console",
                "password updated 2024-05-01T10:00:00+02:00",
                "password changed to 1Password's vault",
                "pwd is /srv/app/releases/current on the box",
                "the pw is in the team vault",
                "pw was reset to the default by the operator",
                // pwd is the working directory, PW a label: no password
                "ran pwd: srv/app2",
                "pwd is now Release-2024b",
                "PW: Playwright1 suite failed",
                // SQL, Redis and mysqld lines naming a password without one
                "ALTER USER app WITH PASSWORD NULL",
                "password authentication failed for user \"app\"",
                "FATAL:  password authentication failed for user \"app\"",
                "ALTER ROLE app WITH LOGIN;",
                "create role app with login password authentication via ldap",
                "the password 'policy' table lists the rules",
                "requirepass is set in redis.conf on every node",
                "redis-cli -h cache-1 CONFIG GET requirepass",
                "a temporary password is generated for root@localhost on first start");
    }
}
