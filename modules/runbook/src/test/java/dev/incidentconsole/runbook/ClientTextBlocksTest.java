package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a block shows for a client rather than for the shell: lines typed at redis-cli's {@code host:port> } prompt,
 * lower-case SQL in an unlabelled block, and a command written on the fence line, which keeps its backslashes.
 */
class ClientTextBlocksTest {

    private final RunbookParser parser = new RunbookParser();

    private Step onlyStep(String markdown) {
        List<Step> steps = parser.parse(Path.of("sample.md"), markdown).sections().stream()
                .flatMap(s -> s.steps().stream()).toList();
        assertThat(steps).hasSize(1);
        return steps.get(0);
    }

    @Test
    void aCommandOnTheFenceLineKeepsItsEscapedQuoteSoThePromptLineAfterItIsNotSwallowed() {
        Step step = onlyStep("# Slow log\n\n```REDISCLI_AUTH=$(grep ^auth /etc/redis.conf|cut -d\\\" -f2) redis-cli\n"
                + "127.0.0.1:6379> SLOWLOG GET 10\n```\n");

        assertThat(step.commands()).extracting(Command::text)
                .containsExactly("REDISCLI_AUTH=$(grep ^auth /etc/redis.conf|cut -d\\\" -f2) redis-cli");
        assertThat(step.commands().get(0).runner()).isEqualTo(Runner.REDIS_CLI);
        assertThat(step.danger()).isNull();
    }

    @Test
    void theRedisGuideOfTheCorpusReadsItsSlowlogBlockAsTheClientAndWhatIsTypedInIt() throws IOException {
        Path guide = SharedInputs.corpusFiles().stream()
                .filter(p -> p.getFileName().toString().equals("gitlab__redis-survival-guide-for-sres.md"))
                .findFirst().orElseThrow();

        List<Command> at289 = parser.parse(guide).commands().stream().filter(c -> c.line() == 289).toList();

        assertThat(at289).hasSize(1);
        assertThat(at289.get(0).text()).endsWith("/redis-cli").doesNotContain("SLOWLOG").contains("cut -d\\\" -f2");
    }

    @Test
    void linesTypedAtARedisPromptInABashBlockAreNoCommandsAndTheirFlushIsTheBlocksDanger() {
        Step step = onlyStep("# Cache\n\n```bash\nredis-cli -h cache-1\n127.0.0.1:6379> FLUSHALL\nOK\n```\n");

        assertThat(step.commands()).extracting(Command::text).containsExactly("redis-cli -h cache-1");
        assertThat(step.danger()).isNotNull();
        assertThat(step.danger().rule()).isEqualTo("redis-flush");
    }

    @Test
    void aCommandAfterALineTypedAtARedisPromptIsStillACommandWithItsOwnDanger() {
        Step step = onlyStep("# Cache\n\n```bash\nredis-cli -h cache-1\n127.0.0.1:6379> INFO memory\n"
                + "redis-cli -h cache-1 FLUSHALL\n```\n");

        assertThat(step.commands()).extracting(Command::text)
                .containsExactly("redis-cli -h cache-1", "redis-cli -h cache-1 FLUSHALL");
        assertThat(step.commands().get(1).line()).isEqualTo(6);
        assertThat(step.commands().get(1).dangerous()).isTrue();
        assertThat(step.commands().get(1).danger().rule()).isEqualTo("redis-flush");
    }

    @Test
    void theClientsAnswerToALineTypedAtItsPromptIsNoCommandUpToTheNextKnownProgram() {
        Step step = onlyStep("# Cache\n\n```bash\nredis-cli -h cache-1\n127.0.0.1:6379> SET k v\nOK\n"
                + "127.0.0.1:6379> INCR hits\n(integer) 1\n127.0.0.1:6379> INFO memory\nused_memory:123\n"
                + "used_memory_human:123B\nkubectl -n cache get pods\n```\n");

        assertThat(step.commands()).extracting(Command::text)
                .containsExactly("redis-cli -h cache-1", "kubectl -n cache get pods");
    }

    @Test
    void theDangerOfATypedLineCarriesThatLineAndItsTextNotTheBlocksFirstCommand() {
        Step step = onlyStep("# Cache\n\n```bash\nredis-cli -h cache-1\n127.0.0.1:6379> INFO memory\n"
                + "127.0.0.1:6379> FLUSHDB\nOK\n```\n");

        assertThat(step.clientDanger().line()).isEqualTo(6);
        assertThat(step.clientDanger().text()).isEqualTo("127.0.0.1:6379> FLUSHDB");
        assertThat(step.clientDanger().danger().rule()).isEqualTo("redis-flush");
    }

    @Test
    void theDangerOfAnSqlBlockCarriesTheDestructiveStatementWholeAndTheLineItStartsOn() {
        Step step = onlyStep("# Cleanup\n\n```sql\nselect count(*) from orders;\n-- old rows only\ndelete from orders\n"
                + "  where created_at < now() - interval '90 days';\nselect 1;\n```\n");

        assertThat(step.clientDanger().line()).isEqualTo(6);
        assertThat(step.clientDanger().text())
                .isEqualTo("delete from orders\n  where created_at < now() - interval '90 days';");
        assertThat(step.clientDanger().danger().rule()).isEqualTo("sql-delete");
    }

    @Test
    void aConsoleTranscriptAtADatabasePromptOfRedisShowsTheDeleteTypedThere() {
        Step step = onlyStep("# Cache\n\n```console\n$ redis-cli -n 2\nredis.internal:6379[2]> DEL session:42\n"
                + "(integer) 1\n```\n");

        assertThat(step.commands()).extracting(Command::text).containsExactly("redis-cli -n 2");
        assertThat(step.danger()).isNotNull();
        assertThat(step.danger().rule()).isEqualTo("redis-del");
    }

    @Test
    void anUnlabelledBlockOpeningAtARedisPromptIsTextWithItsDanger() {
        Step step = onlyStep("# Cache\n\n```\n127.0.0.1:6379> FLUSHDB\nOK\n```\n");

        assertThat(step.shell()).isFalse();
        assertThat(step.commands()).isEmpty();
        assertThat(step.danger().rule()).isEqualTo("redis-flush");
    }

    @Test
    void readOnlyLinesAtARedisPromptGiveNoDanger() {
        Step step = onlyStep("# Cache\n\n```shell\nredis-cli\n10.0.0.5:6379> INFO memory\n10.0.0.5:6379> GET k\n```\n");

        assertThat(step.commands()).extracting(Command::text).containsExactly("redis-cli");
        assertThat(step.danger()).isNull();
    }

    @Test
    void aBareContinuationPromptInABashBlockIsStillShell() {
        // in bash "> flushall" truncates a file (or is PS2): only a block with no language reads it as a client's
        Step step = onlyStep("# Logs\n\n```bash\n> flushall\n```\n");

        assertThat(step.commands()).extracting(Command::text).containsExactly("> flushall");
        assertThat(step.danger()).isNull();
    }

    @Test
    void lowerCaseSqlInAnUnlabelledBlockIsTextNotShell() {
        Step step = onlyStep("# Locks\n\n```\nselect pid, state, query\n  from pg_stat_activity;\n```\n");

        assertThat(step.shell()).isFalse();
        assertThat(step.commands()).isEmpty();
        assertThat(step.danger()).isNull();
    }

    @Test
    void lowerCaseDestructiveSqlInAnUnlabelledBlockCarriesItsDanger() {
        Step step = onlyStep("# Cleanup\n\n```\ndelete from sessions;\n```\n");

        assertThat(step.shell()).isFalse();
        assertThat(step.danger().rule()).isEqualTo("sql-delete");
    }

    @Test
    void aLowerCaseTransactionInAnUnlabelledBlockIsTextWithTheDeleteItHolds() {
        Step step = onlyStep("# Cleanup\n\n```\nbegin;\ndelete from orders where created_at < now() - interval '90 days';\n"
                + "commit;\n```\n");

        assertThat(step.shell()).isFalse();
        assertThat(step.commands()).isEmpty();
        assertThat(step.danger().rule()).isEqualTo("sql-delete");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rollback;", "commit;", "analyze orders;", "reindex table orders;",
        "with stale as (select id from orders) delete from orders where id in (select id from stale);"})
    void lowerCaseStatementKeywordsNamingNoProgramAreReadAsSql(String sql) {
        Step step = onlyStep("# Maintenance\n\n```\n" + sql + "\n```\n");

        assertThat(step.shell()).as(sql).isFalse();
        assertThat(step.commands()).as(sql).isEmpty();
    }

    @Test
    void aLeadingSqlCommentAndAFlagLikeCommentFurtherDownDoNotTurnSqlBackIntoShell() {
        Step step = onlyStep("# Cleanup\n\n```\n-- sessions older than a day\ndelete from sessions\n"
                + "  --delete stale rows only\n  where last_seen < now() - interval '1 day';\n```\n");

        assertThat(step.shell()).isFalse();
        assertThat(step.commands()).isEmpty();
        assertThat(step.danger().rule()).isEqualTo("sql-delete");
    }

    @Test
    void lowerCaseWordsThatAreShellStayShell() {
        for (String shell : List.of("truncate -s 0 /var/log/app.log;", "update-alternatives --set java /opt/jdk/bin/java;",
                "select opt in start stop; do echo $opt; done;", "kill 4242;", "set -e;",
                "truncate -s 0 /var/log/app.log\n-- not sql;")) {
            Step step = onlyStep("# Shell\n\n```\n" + shell + "\n```\n");

            assertThat(step.shell()).as(shell).isTrue();
            assertThat(step.commands()).as(shell).isNotEmpty();
        }
    }
}
