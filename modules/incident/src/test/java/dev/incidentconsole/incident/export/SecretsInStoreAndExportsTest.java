package dev.incidentconsole.incident.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each secret form, written as a command, its output and a note, is masked in the store file and all exports. */
class SecretsInStoreAndExportsTest {
    private static final String ENV_SECRET = "vault-resolved-Xq81";

    @TempDir
    static Path dir;
    private static IncidentStore store;
    private static Incident incident;

    @BeforeAll
    static void open() throws Exception {
        Redactor redactor = Redactor.standard().withSecrets(List.of(ENV_SECRET));
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults().withRedactor(redactor));
        incident = store.create(IncidentDraft.of("Credentials leak drill", Severity.P2), "alice");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#secretForms")
    void secretIsMaskedInTheStoreAndEveryExport(String family, String text, String secret, String masked) throws Exception {
        String output = "$ " + text + "\nconnected; env value " + ENV_SECRET + "\n";
        store.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.StepFinished(text, "local", 0, 20, output, null)));
        store.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.Note("ran: " + text, null)));

        List<TimelineEntry> stored = store.entries(incident.id(), 0);
        EntryBody.StepFinished step = (EntryBody.StepFinished) stored.get(stored.size() - 2).body();
        assertThat(step.command()).isEqualTo(masked);
        assertThat(step.output()).contains(masked).doesNotContain(secret).doesNotContain(ENV_SECRET);

        byte[] raw = Files.readAllBytes(dir.resolve("incidents.db"));
        byte[] wal = Files.exists(dir.resolve("incidents.db-wal")) ? Files.readAllBytes(dir.resolve("incidents.db-wal")) : new byte[0];
        assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(wal, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the database files never hold the secret").doesNotContain(secret).doesNotContain(ENV_SECRET);

        IncidentDocument doc = store.document(incident.id());
        ExportOptions options = ExportOptions.defaults().withRedactor(Redactor.standard().withSecrets(List.of(ENV_SECRET)));
        assertThat(IncidentExport.markdown(doc, options)).doesNotContain(secret).doesNotContain(ENV_SECRET);
        assertThat(IncidentExport.html(doc, options)).doesNotContain(HtmlExport.esc(secret)).doesNotContain(secret)
                .doesNotContain(ENV_SECRET);
        assertThat(IncidentExport.json(doc, options)).doesNotContain(jsonEscaped(secret)).doesNotContain(ENV_SECRET);
    }

    /** A document read from elsewhere (an import, an older file) may hold secrets: each export masks them itself. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#secretForms")
    void everyExportMasksADocumentThatWasNeverStored(String family, String text, String secret, String masked) {
        IncidentDocument raw = new IncidentDocument(incident, List.of(
                TimelineEntry.create(incident.id(), "alice", new EntryBody.StepFinished(text, "local", 0, 20,
                        "$ " + text + "\n", null)),
                TimelineEntry.create(incident.id(), "alice", new EntryBody.Note("ran: " + text, null))));
        ExportOptions options = ExportOptions.defaults();
        String markdown = IncidentExport.markdown(raw, options);
        assertThat(markdown).doesNotContain(secret).contains("$ " + masked.lines().findFirst().orElseThrow());
        assertThat(IncidentExport.html(raw, options)).doesNotContain(HtmlExport.esc(secret)).doesNotContain(secret)
                .contains(Redactor.MASK);
        String json = IncidentExport.json(raw, options);
        assertThat(json).doesNotContain(jsonEscaped(secret)).contains(jsonEscaped("ran: " + masked));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#commandForms")
    void aStepsCommandOverSeveralLinesIsMaskedInTheStoreAndEveryExport(String family, String command, String secret,
                                                                       String masked) throws Exception {
        store.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.StepStarted(command, "local")));
        List<TimelineEntry> stored = store.entries(incident.id(), 0);
        assertThat(((EntryBody.StepStarted) stored.get(stored.size() - 1).body()).command()).isEqualTo(masked);

        IncidentDocument raw = new IncidentDocument(incident, List.of(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.StepStarted(command, "local"))));
        ExportOptions options = ExportOptions.defaults();
        assertThat(IncidentExport.markdown(raw, options)).doesNotContain(secret).contains(Redactor.MASK);
        assertThat(IncidentExport.html(raw, options)).doesNotContain(secret).contains(Redactor.MASK);
        assertThat(IncidentExport.json(raw, options)).doesNotContain(secret).contains(jsonEscaped(masked));
    }

    /** Values the shell passes as written though they look like a variable ('$R3disPw', \\$PW), as ShellQuote writes them. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#literalLookalikes")
    void aLiteralThatLooksLikeAVariableIsMaskedInTheStoreAndEveryExport(String family, String command, String secret,
                                                                        String masked) throws Exception {
        assertRanCommandIsMaskedEverywhere(command, secret, masked, "ran: " + command, "");
    }

    /** A run's command has its placeholders substituted: a quoted '<x>' there is the value typed. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#typedPlaceholderValues")
    void aTypedValueShapedLikeAPlaceholderIsMaskedInTheStoreAndEveryExport(String family, String command, String value,
                                                                          String masked) throws Exception {
        // a note's '<x>' names a placeholder: a note quotes the command masked, as the timeline shows it
        assertRanCommandIsMaskedEverywhere(command, value, masked, "ran: " + masked, "config: " + value + "\n");
    }

    /** The command as started and finished, its output echoing it then {@code printed}, and {@code note}. */
    private static void assertRanCommandIsMaskedEverywhere(String command, String secret, String masked, String note,
                                                           String printed) throws Exception {
        String output = "$ " + command + "\n" + printed;
        store.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.StepStarted(command, "local")));
        store.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.StepFinished(command, "local", 0, 20, output, null)));
        store.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.Note(note, null)));

        List<TimelineEntry> stored = store.entries(incident.id(), 0);
        assertThat(((EntryBody.StepStarted) stored.get(stored.size() - 3).body()).command()).isEqualTo(masked);
        EntryBody.StepFinished step = (EntryBody.StepFinished) stored.get(stored.size() - 2).body();
        assertThat(step.command()).isEqualTo(masked);
        assertThat(step.output()).doesNotContain(secret);
        byte[] raw = Files.readAllBytes(dir.resolve("incidents.db"));
        byte[] wal = Files.exists(dir.resolve("incidents.db-wal")) ? Files.readAllBytes(dir.resolve("incidents.db-wal")) : new byte[0];
        assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(wal, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the database files never hold the secret").doesNotContain(secret);

        IncidentDocument doc = store.document(incident.id());
        assertThat(IncidentExport.markdown(doc, ExportOptions.defaults())).doesNotContain(secret);
        assertThat(IncidentExport.html(doc, ExportOptions.defaults())).doesNotContain(HtmlExport.esc(secret))
                .doesNotContain(secret);
        assertThat(IncidentExport.json(doc, ExportOptions.defaults())).doesNotContain(jsonEscaped(secret))
                .doesNotContain(secret);

        IncidentDocument never = new IncidentDocument(incident, List.of(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.StepFinished(command, "local", 0, 20, output, null))));
        assertThat(IncidentExport.markdown(never, ExportOptions.defaults())).as("a document never stored")
                .doesNotContain(secret);
        assertThat(IncidentExport.html(never, ExportOptions.defaults())).doesNotContain(HtmlExport.esc(secret));
        assertThat(IncidentExport.json(never, ExportOptions.defaults())).doesNotContain(jsonEscaped(secret));
    }

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#harmlessCommands")
    void aFlagThatIsNoSecretForItsProgramIsStoredAsWritten(String command) throws Exception {
        store.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.StepStarted(command, "local")));
        List<TimelineEntry> stored = store.entries(incident.id(), 0);
        assertThat(((EntryBody.StepStarted) stored.get(stored.size() - 1).body()).command()).isEqualTo(command);
    }

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#harmless")
    void harmlessLinesAreStoredAndExportedIntact(String line) throws Exception {
        store.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.StepFinished(line, "local", 0, 20, "$ " + line + "\n", null)));
        List<TimelineEntry> stored = store.entries(incident.id(), 0);
        EntryBody.StepFinished step = (EntryBody.StepFinished) stored.get(stored.size() - 1).body();
        assertThat(step.command()).isEqualTo(line);
        assertThat(step.output()).isEqualTo("$ " + line + "\n");

        IncidentDocument doc = store.document(incident.id());
        assertThat(IncidentExport.markdown(doc, ExportOptions.defaults())).contains("$ " + line);
        assertThat(IncidentExport.html(doc, ExportOptions.defaults())).contains(HtmlExport.esc("$ " + line));
        assertThat(IncidentExport.json(doc, ExportOptions.defaults())).contains(jsonEscaped("$ " + line));
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
