package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentconsole.app.Main;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.SettingsStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The {@code incident} commands in-process against embedded stores in a temp dir. */
class IncidentCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private final RunSystemProperties properties = new RunSystemProperties();

    @BeforeEach
    void ownSettings() {
        // The user's own settings.json (a team store in it) must not reach these tests.
        properties.set("incident.config.dir", dir.resolve("config").toString());
    }

    @AfterEach
    void restoreSettings() {
        properties.restore();
    }

    private int run(String store, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 5];
        System.arraycopy(new String[] {"incident", "--data-dir", dir.resolve(store).toString(), "--author", "alice"}, 0, full, 0, 5);
        System.arraycopy(args, 0, full, 5, args.length);
        return cli.execute(full);
    }

    /** Colleague's report: {@code --env} named an environment here but the environment file in {@code check}. */
    @ParameterizedTest
    @CsvSource({"--environment", "--env"})
    void incidentNewTakesTheEnvironmentNameAsEnvironmentAndStillReadsTheOldEnvSpelling(String option) throws Exception {
        assertThat(run("a", "new", "--title", "Checkout 502s", "--severity", "P1", option, "prod")).isZero();
        String id = out.toString().strip();

        assertThat(run("a", "show", id, "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).path("incident").path("environment").asText()).isEqualTo("prod");
    }

    @Test
    void postmortemWritesTheTextTheExportsShowWithItsSecretsMasked() {
        assertThat(run("a", "new", "--title", "PgBouncer down", "--severity", "P2")).isZero();
        String id = out.toString().strip();

        assertThat(run("a", "postmortem", id, "--summary", "PgBouncer was stopped by hand.",
                "--root-cause", "A restart script killed it; PGPASSWORD=Pg-s3cret-77 was in its log.",
                "--action", "Alert on pgbouncer's process", "--action", "Remove the password from the script")).isZero();
        assertThat(run("a", "postmortem", id, "--impact", "Checkout failed for 2 minutes.")).isZero();
        assertThat(run("a", "export", id, "--format", "md")).isZero();

        assertThat(out.toString()).contains("## Summary\n\nPgBouncer was stopped by hand.")
                .contains("## Impact\n\nCheckout failed for 2 minutes.")
                .contains("## Root cause\n\nA restart script killed it; PGPASSWORD=\\*\\*\\*\\* was in its log.")
                .contains("- [ ] Alert on pgbouncer's process").contains("- [ ] Remove the password from the script")
                .doesNotContain("Pg-s3cret-77").doesNotContain("Not written yet");
        assertThat(run("a", "postmortem", id)).as("nothing to write is a usage error").isEqualTo(2);
        assertThat(err.toString()).contains("--summary, --impact, --root-cause or --action");
    }

    @Test
    void incidentNewWithBothEnvironmentSpellingsIsAnErrorNotLastWins() {
        assertThat(run("a", "new", "--title", "Checkout 502s", "--severity", "P1", "--environment", "prod",
                "--env", "staging")).isEqualTo(2);

        assertThat(err.toString()).contains("--environment and --env");
        assertThat(out.toString()).as("no incident id: nothing was created").isBlank();
    }

    @Test
    void incidentNewHelpNamesEnvironmentAndHidesTheOldSpelling() {
        CommandLine cli = Main.commandLine();
        String help = cli.getSubcommands().get("incident").getSubcommands().get("new").getUsageMessage();

        assertThat(help).contains("--environment=NAME").doesNotContain("--env=");
    }

    @Test
    void incidentRoundTripsThroughNotesStatusExportsAndImport() throws Exception {
        assertThat(run("a", "new", "--title", "Checkout 502s", "--severity", "P1",
                "--runbook", "runbooks/web.md#Web > Backend failing", "--service", "checkout")).isZero();
        String id = out.toString().strip();
        assertThat(id).startsWith("INC-");

        assertThat(run("a", "note", "--pin", id, "restarted pods; PGPASSWORD=hunter2 psql -h db")).isZero();
        assertThat(out.toString()).contains("pinned");
        assertThat(run("a", "status", id, "resolved")).isZero();
        assertThat(out.toString()).contains("investigating -> resolved");

        for (String format : new String[] {"md", "json", "html"}) {
            Path file = dir.resolve("out/incident." + format);
            assertThat(run("a", "export", id, "--format", format, "--out", file.toString())).as(err.toString()).isZero();
            String text = Files.readString(file);
            assertThat(text).as(format).contains("restarted pods", "Checkout 502s").doesNotContain("hunter2");
            assertThat(text).as(format).containsAnyOf("PGPASSWORD=****", "PGPASSWORD=\\*\\*\\*\\*");
        }

        assertThat(run("b", "import", dir.resolve("out/incident.json").toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Imported " + id);
        assertThat(run("b", "import", dir.resolve("out/incident.json").toString())).isZero();
        assertThat(out.toString()).contains(": 0 of");

        assertThat(run("b", "show", id)).isZero();
        assertThat(out.toString()).contains("Checkout 502s", "resolved", "restarted pods", "[pinned]", "alice")
                .containsPattern(", acknowledged \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                .doesNotContain("hunter2");
        assertThat(run("b", "show", id, "--json")).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("incident").get("status").asText()).isEqualTo("resolved");
        assertThat(doc.get("entries").findValuesAsText("kind")).contains("created", "note", "pin", "status_changed");
    }

    @Test
    void listLeavesOutResolvedIncidentsUnlessAll() throws Exception {
        run("a", "new", "--title", "Disk full", "--severity", "P2");
        String open = out.toString().strip();
        run("a", "new", "--title", "Old outage", "--severity", "P3");
        String done = out.toString().strip();
        run("a", "status", done, "resolved");

        assertThat(run("a", "list")).isZero();
        assertThat(out.toString()).contains(open, "Disk full").doesNotContain(done);
        assertThat(run("a", "list", "--all", "--json")).isZero();
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertThat(list.findValuesAsText("id")).containsExactlyInAnyOrder(open, done);
    }

    @ParameterizedTest
    @CsvSource({"show INC-20990101-abcdef, 1", "note INC-20990101-abcdef hi, 1", "status INC-20990101-abcdef resolved, 1",
            "export INC-20990101-abcdef --format md, 1", "status INC-20990101-abcdef fixed, 2",
            "new --title x --severity P9, 2", "export INC-20990101-abcdef, 2", "import missing.json, 1"})
    void unknownIdsFailWithOneLineAndUsageErrorsWithTwo(String args, int code) {
        assertThat(run("a", args.split(" "))).isEqualTo(code);
        assertThat(err.toString()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void importRefusesAFileThatIsNotAnExport() throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.json"), "{\"schemaVersion\": 1}");
        assertThat(run("a", "import", bogus.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bogus.json", "entries");
    }

    @Test
    void theTeamStoreSavedInTheSettingsIsUsedWhenNoUrlIsGiven() throws Exception {
        int closed = dev.incidentconsole.app.gui.dashboard.Loopback.closedPort();
        new SettingsStore(dir.resolve("config/settings.json"))
                .save(Settings.defaults().withStore("jdbc:postgresql://127.0.0.1:" + closed + "/incidents", "alice"));

        assertThat(run("a", "list")).isEqualTo(1);
        assertThat(err.toString()).contains("127.0.0.1:" + closed + "/incidents").doesNotContain("Exception");

        assertThat(run("a", "--store-url", "postgres://elsewhere/x", "list")).isEqualTo(1);
        assertThat(err.toString()).contains("'postgres://elsewhere/x' is not a jdbc:postgresql:// URL");
    }

    /** An older version stored this note (and title) in clear: {@code show} and {@code list} (also as JSON) print them masked, as exports do. */
    @Test
    void entriesStoredInClearByAnOlderVersionArePrintedMasked() throws Exception {
        assertThat(run("a", "new", "--title", "Redis TITLEWORD", "--severity", "P2")).isZero();
        String id = out.toString().strip();
        assertThat(run("a", "note", id, "restarted redis with NOTEWORD")).isZero();
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("a/incidents.db"));
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            String clear = "redis-cli -a Sup3rSecretPw ping";
            st.executeUpdate("UPDATE entries SET payload = replace(replace(payload, 'NOTEWORD', '" + clear + "'),"
                    + " 'TITLEWORD', '" + clear + "')");
            st.executeUpdate("UPDATE incidents SET title = replace(title, 'TITLEWORD', '" + clear + "'),"
                    + " snapshot = replace(snapshot, 'TITLEWORD', '" + clear + "')");
        }

        assertThat(run("a", "show", id)).isZero();
        assertThat(out.toString()).contains("restarted redis with redis-cli -a").doesNotContain("Sup3rSecretPw");
        assertThat(run("a", "list")).isZero();
        assertThat(out.toString()).contains(id).doesNotContain("Sup3rSecretPw");
        assertThat(run("a", "list", "--json")).isZero();
        assertThat(out.toString()).contains(id, "redis-cli -a").doesNotContain("Sup3rSecretPw");
    }
}
