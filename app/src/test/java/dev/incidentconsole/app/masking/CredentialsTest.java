package dev.incidentconsole.app.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PGPASSWORD=lantern psql -h localhost -p 6432 -U lantern -c "SELECT 1" | PGPASSWORD=****** psql -h localhost -p 6432 -U lantern -c "SELECT 1"
            curl -fsS -u admin:admin http://localhost:3000/api/health                  | curl -fsS -u admin:****** http://localhost:3000/api/health
            GET https://ops:s3cret@grafana.internal/api/health                          | GET https://ops:******@grafana.internal/api/health
            redis-cli -p 6380 -a hunter2 ping                                          | redis-cli -p 6380 -a ****** ping
            curl -H 'Authorization: Bearer abc.def' http://x/health                    | curl -H 'Authorization: Bearer ******' http://x/health
            mysqladmin --password=hunter2 ping                                         | mysqladmin --password=****** ping
            API_TOKEN="a b" ./check.sh                                                 | API_TOKEN=****** ./check.sh
            ls -a /tmp                                                                 | ls -a /tmp
            GET http://localhost:8000/health                                           | GET http://localhost:8000/health
            """)
    void masksCredentialsAndLeavesTheRest(String text, String masked) {
        assertThat(Credentials.mask(text)).isEqualTo(masked);
    }
}
