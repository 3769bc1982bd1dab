package dev.incidentconsole.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which store the app and the CLI open, and how it is described. */
class StoreChoiceTest {
    private static final String SAVED = "jdbc:postgresql://saved:5432/incidents";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "override [{0}], env [{1}], settings [{2}] -> {3}")
    @CsvSource({
            "jdbc:postgresql://cli/db, jdbc:postgresql://env/db, true,  --store-url,        jdbc:postgresql://cli/db",
            "'',                       jdbc:postgresql://env/db, true,  INCIDENT_STORE_URL, jdbc:postgresql://env/db",
            "'',                       '',                       true,  settings,           " + SAVED,
            "'',                       '',                       false, default,            ''",
    })
    void theFirstUrlFoundWinsElseTheEmbeddedStore(String override, String envUrl, boolean saved, String origin,
                                                  String url) {
        Map<String, String> env = new HashMap<>();
        env.put("INCIDENT_STORE_URL", envUrl);
        Settings settings = saved ? Settings.defaults().withStore(SAVED, "alice") : Settings.defaults();

        StoreChoice c = StoreChoice.resolve(override, "--store-url", env::get, settings, dir);

        assertThat(c.origin()).isEqualTo(origin);
        assertThat(c.url()).isEqualTo(url.isEmpty() ? null : url);
        assertThat(c.team()).isEqualTo(!url.isEmpty());
    }

    @Test
    void theSettingsUserWinsOverPgUserForTheSettingsUrlOnly() {
        Map<String, String> env = Map.of("PGUSER", "ops");
        Settings settings = Settings.defaults().withStore(SAVED, "alice");

        assertThat(StoreChoice.resolve(null, "x", env::get, settings, dir).user()).isEqualTo("alice");
        assertThat(StoreChoice.resolve("jdbc:postgresql://cli/db", "x", env::get, settings, dir).user()).isEqualTo("ops");
        assertThat(StoreChoice.resolve(null, "x", env::get, settings.withStore(SAVED, null), dir).user()).isEqualTo("ops");
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://db.internal:5432/incidents?ssl=true, alice, 'Team: postgres db.internal:5432/incidents as alice'",
            "jdbc:postgresql://db/incidents,                        '',    'Team: postgres db/incidents'",
            "jdbc:postgresql:incidents,                             '',    'Team: postgres localhost/incidents'",
    })
    void teamStoreIsDescribedByHostAndDatabaseWithoutParameters(String url, String user, String text) {
        Settings settings = Settings.defaults().withStore(url, user);
        assertThat(StoreChoice.resolve(null, "x", k -> null, settings, dir).describe()).isEqualTo(text);
    }

    @Test
    void embeddedStoreIsDescribedByItsFileUnderTheHomeFolder() {
        Path data = Path.of("/home/alice", ".local", "share", "incident-console");
        assertThat(StoreChoice.resolve(null, "x", k -> k.equals("HOME") ? "/home/alice" : null, Settings.defaults(), data)
                .describe())
                .isEqualTo("Embedded: ~/.local/share/incident-console/incidents.db");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db/incidents                          | ",
            "''                                                      | Enter a team store URL",
            "postgres://db/incidents                                 | is not a jdbc:postgresql:// URL",
            "jdbc:postgresql://db/incidents?user=a&password=hunter2  | Leave the password out",
            "jdbc:postgresql://db/incidents?sslpassword=x            | Leave the password out",
    })
    void problemsWithATeamUrlAreOneSentence(String url, String problem) {
        String found = StoreChoice.problem(url);
        if (problem == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found).contains(problem).endsWith(".").doesNotContain("hunter2");
        }
    }

    @Test
    void embeddedChoiceOpensTheFileInTheDataFolder() throws Exception {
        try (IncidentStore store = StoreChoice.resolve(null, "x", k -> null, Settings.defaults(), dir)
                .open(null, StoreOptions.defaults())) {
            assertThat(store.list(false)).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("incidents.db"))).isTrue();
    }

    @Test
    void aHandWrittenPasswordInTheSettingsIsRefusedBeforeConnecting() {
        Settings settings = new Settings(java.util.List.of(), null, "jdbc:postgresql://db/x?password=hunter2", null);
        StoreChoice c = StoreChoice.resolve(null, "x", k -> null, settings, dir);

        assertThatThrownBy(() -> c.open(null, StoreOptions.defaults())).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_INPUT);
            assertThat(e.getMessage()).contains("from settings").doesNotContain("hunter2");
        });
    }
}
