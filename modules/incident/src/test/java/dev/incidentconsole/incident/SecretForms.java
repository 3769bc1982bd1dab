package dev.incidentconsole.incident;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The table of secret forms: text with a secret, the secret itself, and the masked text expected. */
public final class SecretForms {
    private SecretForms() {
    }

    public static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of("PGPASSWORD=s3cr3t-pg psql -h db-2 -U app", "s3cr3t-pg", "PGPASSWORD=**** psql -h db-2 -U app"),
                Arguments.of("curl -u deploy:Tr0ub4dor https://ci/api", "Tr0ub4dor", "curl -u deploy:**** https://ci/api"),
                Arguments.of("curl --user deploy:Tr0ub4dor https://ci/api", "Tr0ub4dor", "curl --user deploy:**** https://ci/api"),
                Arguments.of("curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1.eyJzdWIi.sig' https://api",
                        "eyJhbGciOiJIUzI1.eyJzdWIi.sig", "curl -H 'Authorization: Bearer ****' https://api"),
                Arguments.of("curl -H \"X-API-Key: 9f8e7d6c5b4a\" https://api/v1", "9f8e7d6c5b4a",
                        "curl -H \"X-API-Key: ****\" https://api/v1"),
                Arguments.of("kubectl create secret generic db --from-literal=username=admin --from-literal=pw=Zx9!q",
                        "Zx9!q", "kubectl create secret generic db --from-literal=username=**** --from-literal=pw=****"),
                Arguments.of("kubectl create secret docker-registry reg --docker-password=Rg7#reg --docker-username=ci",
                        "Rg7#reg", "kubectl create secret docker-registry reg --docker-password=**** --docker-username=ci"),
                Arguments.of("export STRIPE_API_KEY=sk_live_51Habc", "sk_live_51Habc", "export STRIPE_API_KEY=****"),
                Arguments.of("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG aws s3 ls", "wJalrXUtnFEMI/K7MDENG",
                        "AWS_SECRET_ACCESS_KEY=**** aws s3 ls"),
                Arguments.of("CLIENT_SECRET='a b c d' ./rotate.sh", "a b c d", "CLIENT_SECRET='****' ./rotate.sh"),
                Arguments.of("GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c8 gh run list", "ghp_16C7e42F292c6912E7710c8",
                        "GITHUB_TOKEN=**** gh run list"),
                Arguments.of("REDIS_PASSWORD=r3d1s redis-cli ping", "r3d1s", "REDIS_PASSWORD=**** redis-cli ping"),
                Arguments.of("psql 'host=db-2 user=app password=pgPass42 dbname=orders'", "pgPass42",
                        "psql 'host=db-2 user=app password=**** dbname=orders'"),
                Arguments.of("jdbc:postgresql://db-2/orders?user=app&password=jdbcPw9&ssl=true", "jdbcPw9",
                        "jdbc:postgresql://db-2/orders?user=app&password=****&ssl=true"),
                Arguments.of("psql postgresql://app:urlPw77@db-2:5432/orders -c 'select 1'", "urlPw77",
                        "psql postgresql://app:****@db-2:5432/orders -c 'select 1'"),
                Arguments.of("redis-cli -u redis://:r3d1sUrl@cache-1:6379 ping", "r3d1sUrl",
                        "redis-cli -u redis://:****@cache-1:6379 ping"),
                Arguments.of("mysql -h db -uroot -pMyR00tPw -e 'show processlist'", "MyR00tPw",
                        "mysql -h db -uroot -p**** -e 'show processlist'"),
                Arguments.of("vault login --token s.hvsToken123", "s.hvsToken123", "vault login --token ****"),
                Arguments.of("{\"username\": \"app\", \"password\": \"js0nPw\"}", "js0nPw",
                        "{\"username\": \"app\", \"password\": \"****\"}"),
                Arguments.of("data:\n  password: cGFzc3dvcmQxMjM=\n  user: YXBw", "cGFzc3dvcmQxMjM=",
                        "data:\n  password: ****\n  user: YXBw"),
                Arguments.of("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----",
                        "MIIEpAIBAAKCAQEA7", "-----BEGIN RSA PRIVATE KEY-----\n****\n-----END RSA PRIVATE KEY-----"));
    }
}
