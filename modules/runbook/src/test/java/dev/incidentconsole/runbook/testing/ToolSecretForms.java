package dev.incidentconsole.runbook.testing;

import static dev.incidentconsole.runbook.testing.SecretFormTables.form;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The secret forms of {@link SecretFormTables#secretForms()} that cloud, CI and ops tools take or print in their own
 * ways: settings given as operands, passwords read on standard input, one-dash flags, signed URLs, webhooks and
 * vendor tokens. family, text with a secret, the secret, the text masked.
 */
final class ToolSecretForms {
    private ToolSecretForms() {
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                form("operand", "aws configure set aws_secret_access_key Wj4lrXUtnFEMIK7MDENGbPxRfiCY",
                        "Wj4lrXUtnFEMIK7MDENGbPxRfiCY", "aws configure set aws_secret_access_key ****"),
                form("operand", "aws configure set prod.aws_session_token IQoJb3JpZ2luX2VjEHoaCXVz",
                        "IQoJb3JpZ2luX2VjEHoaCXVz", "aws configure set prod.aws_session_token ****"),
                form("operand", "mc alias set s3 https://minio:9000 minioadmin M1n10S3cret", "M1n10S3cret",
                        "mc alias set s3 https://minio:9000 minioadmin ****"),
                form("operand", "mc alias set --api S3v4 s3 https://s3.internal AKIAEXAMPLE S3cretKEYvalue", "S3cretKEYvalue",
                        "mc alias set --api S3v4 s3 https://s3.internal AKIAEXAMPLE ****"),
                form("operand", "redis-cli -h cache-1 AUTH R3disAuth9", "R3disAuth9", "redis-cli -h cache-1 AUTH ****"),
                form("operand", "redis-cli -h cache-1 HELLO 3 AUTH default R3disHello9", "R3disHello9",
                        "redis-cli -h cache-1 HELLO 3 AUTH default ****"),
                form("operand", "redis-cli ACL SETUSER app on >R3disAcl7 ~* +@read", "R3disAcl7",
                        "redis-cli ACL SETUSER app on >**** ~* +@read"),
                form("output", "127.0.0.1:6379> AUTH R3disPrompt9", "R3disPrompt9", "127.0.0.1:6379> AUTH ****"),
                // a vendor token's prefix keeps no more than the token readable
                form("vendor-flag", "mysql --password=ghp_Abc123Def456Ghi789Jkl012Mno345Pqr678,Other9 -h db", "Other9",
                        "mysql --password=**** -h db"),
                form("vendor-flag", "stripe --api-key \"sk_live_51HabcdefGHIJ0123 extra-secret-part\" charges list",
                        "extra-secret-part", "stripe --api-key \"****\" charges list"),
                form("operand", "redis-cli -h cache-1 AUTH default R3disAcl9", "R3disAcl9",
                        "redis-cli -h cache-1 AUTH default ****"),
                form("stdin", "echo Sud0Pass9 | sudo -S systemctl restart app", "Sud0Pass9",
                        "echo **** | sudo -S systemctl restart app"),
                form("stdin", "sudo -kS systemctl restart app <<< 'Sud0Str9'", "Sud0Str9",
                        "sudo -kS systemctl restart app <<< '****'"),
                form("stdin", "echo Gh1Tok9xyz | gh auth login --with-token", "Gh1Tok9xyz",
                        "echo **** | gh auth login --with-token"),
                form("stdin", "echo 'app:Chp4sswd9' | chpasswd", "Chp4sswd9", "echo 'app:****' | chpasswd"),
                form("stdin", "chpasswd <<< 'app:Chp4ss1'", "Chp4ss1", "chpasswd <<< 'app:****'"),
                // every line of a here-document's body, not the first only
                form("stdin", "chpasswd <<EOF\nalice:Chp4ssA1\nbob:Chp4ssB2\nEOF", "Chp4ssB2",
                        "chpasswd <<EOF\nalice:****\nbob:****\nEOF"),
                form("dash-flag", "keytool -importcert -keystore ks.jks -storepass St0rePw9 -file ca.pem", "St0rePw9",
                        "keytool -importcert -keystore ks.jks -storepass **** -file ca.pem"),
                form("dash-flag", "zip -r -P Z1pPass9 backup.zip dumps/", "Z1pPass9", "zip -r -P **** backup.zip dumps/"),
                form("dash-flag", "7z a -pS3venZip backup.7z dumps/", "S3venZip", "7z a -p**** backup.7z dumps/"),
                form("dash-flag", "ssh-keygen -t ed25519 -N K3yPhrase9 -f deploy", "K3yPhrase9",
                        "ssh-keygen -t ed25519 -N **** -f deploy"),
                form("dash-flag", "twine upload -u __token__ -p Tw1neTok9 dist/*", "Tw1neTok9",
                        "twine upload -u __token__ -p **** dist/*"),
                form("long-flag", "az storage blob list --account-name acct --account-key \"dGVzdGtleQ==\"", "dGVzdGtleQ",
                        "az storage blob list --account-name acct --account-key \"****\""),
                form("long-flag", "datadog-agent check --api-key Dd4p1Key9 disk", "Dd4p1Key9",
                        "datadog-agent check --api-key **** disk"),
                // already masked before this table; kept so that every layer checks them
                form("cloud", "kubectl create secret generic db --from-literal=password=K8sLit9", "K8sLit9",
                        "kubectl create secret generic db --from-literal=password=****"),
                form("cloud", "helm install db bitnami/postgresql --set auth.postgresPassword=H3lmPw9,auth.database=app",
                        "H3lmPw9", "helm install db bitnami/postgresql --set auth.postgresPassword=****,auth.database=app"),
                form("cloud", "docker run -e POSTGRES_PASSWORD=D0ckEnv9 postgres:16", "D0ckEnv9",
                        "docker run -e POSTGRES_PASSWORD=**** postgres:16"),
                form("cloud", "git clone https://deploy:G1tT0ken9@git.internal/ops/runbooks", "G1tT0ken9",
                        "git clone https://deploy:****@git.internal/ops/runbooks"),
                form("cloud", "az login --service-principal -u app-id -p Az5pSecret9 --tenant t1", "Az5pSecret9",
                        "az login --service-principal -u app-id -p **** --tenant t1"),
                form("cloud", "mongosh \"mongodb+srv://app:M0ngoSrv9@cluster0.example.net/orders\"", "M0ngoSrv9",
                        "mongosh \"mongodb+srv://app:****@cluster0.example.net/orders\""),
                form("cloud", "influx -username admin -password Infl0xPw9 -execute 'show databases'", "Infl0xPw9",
                        "influx -username admin -password **** -execute 'show databases'"),
                form("cloud", "psql \"postgresql://app:PgUrl9x@db-2/orders?sslpassword=SslK3y9\"", "SslK3y9",
                        "psql \"postgresql://app:****@db-2/orders?sslpassword=****\""),
                form("cloud", "vault write auth/approle/login role_id=web secret_id=5ecretId9", "5ecretId9",
                        "vault write auth/approle/login role_id=web secret_id=****"),
                // what tools print
                form("output", "\"SecretID\": \"7c1e9d42-5ab3-4e0f-9c6d-2b8a4f1e0d93\",", "7c1e9d42-5ab3",
                        "\"SecretID\": \"****\","),
                form("output", "\"SessionToken\": \"IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3Q\",", "IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3Q",
                        "\"SessionToken\": \"****\","),
                form("output", "https://b.s3.amazonaws.com/k?X-Amz-Date=20261207T0000Z&X-Amz-Signature=9f86d081884c7d65",
                        "9f86d081884c7d65", "https://b.s3.amazonaws.com/k?X-Amz-Date=20261207T0000Z&X-Amz-Signature=****"),
                form("output", "https://acct.blob.core.windows.net/c/b?sv=2021-08-06&sr=b&sp=r&sig=AbCd%2BeFgH1%3D",
                        "AbCd%2BeFgH1", "https://acct.blob.core.windows.net/c/b?sv=2021-08-06&sr=b&sp=r&sig=****"),
                form("output", "webhook: https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/Xy9zAbCdEfGhIjKlMnOpQr12",
                        "Xy9zAbCdEfGhIjKlMnOpQr12", "webhook: https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/****"),
                form("output", "webhook: https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/Zy9zAbCdEfGhIjKlMnOpQr34/",
                        "Zy9zAbCdEfGhIjKlMnOpQr34", "webhook: https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/****/"),
                form("output", "registration token GR1348941aBcDeFgHiJkLmNoPqRsTu", "aBcDeFgHiJkLmNoPqRsTu",
                        "registration token GR1348941****"),
                form("output", "curl -H \"Authorization: Bearer Zm9vYmFyYmF6cXV4\" https://api/v1", "Zm9vYmFyYmF6cXV4",
                        "curl -H \"Authorization: Bearer ****\" https://api/v1"));
    }
}
