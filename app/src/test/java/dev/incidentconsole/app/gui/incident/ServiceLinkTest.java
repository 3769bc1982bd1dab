package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which placeholder gets which value of a failing service. */
class ServiceLinkTest {
    private static final ServiceLink DATABASE = ServiceLink.of(ServiceSpec.of("orders-db", "db.internal", 5432,
            PostgresSpec.of("10.1.2.3", 6432, "orders", "app", "s3cret")), "production");
    private static final ServiceLink WEB = ServiceLink.of(ServiceSpec.of("checkout", "", 0,
            HttpSpec.get("https://checkout.example.com:8443/healthz")), "production");

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "<db-host>,    10.1.2.3",
            "$PGHOST,      10.1.2.3",
            "<port>,       6432",
            "{database},   orders",
            "DB_NAME,      orders",
            "<user>,       app",
            "<service>,    orders-db",
            "<url>,        NONE",
            "<password>,   NONE",
            "<namespace>,  NONE"})
    void aDatabaseServiceFillsItsConnectionValuesButNeverItsPassword(String placeholder, String expected) {
        assertThat(DATABASE.valueFor(placeholder.replaceAll("[<>{}$]", "")).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "url,          https://checkout.example.com:8443/healthz",
            "health_url,   https://checkout.example.com:8443/healthz",
            "hostname,     checkout.example.com",
            "port,         8443",
            "app,          checkout",
            "database,     NONE"})
    void anHttpServiceFillsItsUrlAndTheHostAndPortInIt(String placeholder, String expected) {
        assertThat(WEB.valueFor(placeholder).orElse(null)).isEqualTo(expected);
    }
}
