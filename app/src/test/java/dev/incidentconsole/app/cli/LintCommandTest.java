package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentconsole.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {
    private static final String RUNBOOK = """
            # Cache Runbook

            ## Quick Reference

            | Service | Port | Health Check |
            |---------|------|--------------|
            | Cache | 6379 | `redis-cli -p 6379 ping` |

            ## Cache Is Full

            **Symptoms:** evictions climb and `OOM command not allowed` errors appear

            **Diagnosis:**
            ```bash
            # How much memory is in use
            redis-cli -p 6379 info memory
            ```

            **Resolution:**
            ```bash
            # Last resort: empties the cache
            redis-cli -p 6379 FLUSHDB
            kubectl logs <pod-name> -n ${NAMESPACE}
            ```
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void jsonReportsSectionsCommandsServicesAndDanger() throws Exception {
        Files.writeString(dir.resolve("cache.md"), RUNBOOK);

        assertThat(run("lint", "--json", dir.toString())).isZero();

        JsonNode files = new ObjectMapper().readTree(out.toString());
        assertThat(files).hasSize(1);
        JsonNode file = files.get(0);
        assertThat(file.get("title").asText()).isEqualTo("Cache Runbook");
        assertThat(file.get("services").get(0).get("port").asInt()).isEqualTo(6379);
        assertThat(file.get("services").get(0).get("check").asText()).isEqualTo("redis-cli -p 6379 ping");
        assertThat(file.get("sections").findValuesAsText("kind")).contains("symptom", "diagnosis", "resolution");
        JsonNode flush = findCommand(file, "FLUSHDB");
        assertThat(flush.get("dangerous").asBoolean()).isTrue();
        assertThat(flush.get("reason").asText()).isNotBlank();
        assertThat(flush.get("language").asText()).isEqualTo("bash");
        assertThat(flush.get("runner").asText()).isEqualTo("redis-cli");
        JsonNode logs = findCommand(file, "kubectl logs");
        assertThat(logs.get("dangerous").asBoolean()).isFalse();
        assertThat(logs.get("placeholders").toString()).contains("<pod-name>", "${NAMESPACE}");
        assertThat(file.get("warnings").isArray()).isTrue();
    }

    @Test
    void textReportNamesDangerousCommandsAndServices() throws Exception {
        Files.writeString(dir.resolve("cache.md"), RUNBOOK);

        assertThat(run("lint", dir.resolve("cache.md").toString())).isZero();

        assertThat(out.toString()).contains("Cache Runbook", "FLUSHDB", "Cache :6379", "procedures: 1");
    }

    @Test
    void textReportNamesTheFileAndLineOfACommandThatIsNotUtf8() throws Exception {
        String text = "# Caf\u00e9\n\n## Resolution\n\n```bash\nsystemctl restart caf\u00e9-api\n```\n";
        Path file = Files.write(dir.resolve("cafe.md"), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(run("lint", file.toString())).isZero();

        assertThat(out.toString()).contains(file.toString(), "line 6: the command holds U+FFFD", "will not run");
    }

    /** Blocks the window shows as text with a danger badge: typed at redis-cli's prompt, and unlabelled SQL. */
    private static final String TEXT_DANGERS = """
            # Cache Reset

            ## Resolution

            ```bash
            redis-cli -h cache-1
            127.0.0.1:6379> FLUSHALL
            ```

            ```
            delete from sessions;
            ```
            """;

    @Test
    void jsonReportsTheDangerousStatementsSentToAClientWithTheirOwnLinesAndTheirBlocks() throws Exception {
        Files.writeString(dir.resolve("reset.md"), TEXT_DANGERS);

        assertThat(run("lint", "--json", dir.toString())).isZero();

        JsonNode blocks = new ObjectMapper().readTree(out.toString()).get(0).get("textDangers");
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).get("line").asInt()).isEqualTo(7);
        assertThat(blocks.get(0).get("text").asText()).isEqualTo("127.0.0.1:6379> FLUSHALL");
        assertThat(blocks.get(0).get("blockLine").asInt()).isEqualTo(5);
        assertThat(blocks.get(0).get("language").asText()).isEqualTo("bash");
        assertThat(blocks.get(0).get("rule").asText()).isEqualTo("redis-flush");
        assertThat(blocks.get(0).get("reason").asText()).isNotBlank();
        assertThat(blocks.get(1).get("line").asInt()).isEqualTo(11);
        assertThat(blocks.get(1).get("text").asText()).isEqualTo("delete from sessions;");
        assertThat(blocks.get(1).get("blockLine").asInt()).isEqualTo(10);
        assertThat(blocks.get(1).get("rule").asText()).isEqualTo("sql-delete");
    }

    @Test
    void textReportPointsAtTheDangerousStatementSentToAClientNotAtItsBlock() throws Exception {
        Path file = dir.resolve("reset.md");
        Files.writeString(file, TEXT_DANGERS);

        assertThat(run("lint", file.toString())).isZero();

        // the line typed at the prompt, not the harmless command opening its block
        assertThat(out.toString()).contains("dangerous: 2", "! line 7: 127.0.0.1:6379> FLUSHALL",
                "! line 11: delete from sessions;", "destructive if sent to its client: Deletes every key")
                .doesNotContain("! line 5:", "! line 10:");
    }

    @Test
    void unreadablePathExitsOneAndStillReportsTheOthers() throws Exception {
        Files.writeString(dir.resolve("cache.md"), RUNBOOK);

        int code = run("lint", "--json", dir.toString(), dir.resolve("missing.md").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("missing.md does not exist");
        assertThat(new ObjectMapper().readTree(out.toString())).hasSize(1);
    }

    @Test
    void malformedFileParsesWithWarningsAndExitsZero() throws Exception {
        Files.write(dir.resolve("broken.md"), new byte[]{'#', ' ', 'x', '\n', '`', '`', '`', '\n', 0, 1, 2, (byte) 0xff});

        assertThat(run("lint", "--json", dir.toString())).isZero();

        assertThat(new ObjectMapper().readTree(out.toString()).get(0).get("warnings")).isNotEmpty();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("lint")).isEqualTo(2);
        assertThat(run("lint", "--no-such-flag", dir.toString())).isEqualTo(2);
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : Main.commandLine().getSubcommands().keySet()) {
            if (!sub.equals("help")) {
                assertThat(run(sub, "--help")).as(sub + " --help").isZero();
            }
        }
        assertThat(out.toString()).contains("Usage: incident-console lint");
    }

    private static JsonNode findCommand(JsonNode file, String fragment) {
        for (JsonNode c : file.get("commands")) {
            if (c.get("text").asText().contains(fragment)) {
                return c;
            }
        }
        throw new AssertionError("no command containing " + fragment + " in " + file.get("commands"));
    }
}
