package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Inline code read as a step only when it is a whole command written as an instruction. */
class InlineCommandsTest {

    private final RunbookParser parser = new RunbookParser();

    private List<Command> commands(String markdown) {
        return parser.parse(Path.of("inline.md"), markdown).commands();
    }

    @Test
    void alertRunbookDiagnosisListGivesItsInlineCommandsWithPlaceholders() throws Exception {
        Path file = SharedInputs.corpusFiles().stream()
                .filter(p -> p.getFileName().toString().equals("promop__KubePodCrashLooping.md")).findFirst().orElseThrow();
        Runbook runbook = parser.parse(file);
        Section diagnosis = runbook.sections().stream().filter(s -> s.kind() == SectionKind.DIAGNOSIS).findFirst()
                .orElseThrow();
        List<Command> commands = diagnosis.blocks().stream().filter(Block.Code.class::isInstance)
                .flatMap(b -> ((Block.Code) b).step().commands().stream()).toList();
        assertThat(commands).extracting(Command::text).containsExactly(
                "kubectl -n $NAMESPACE get pod $POD",
                "kubectl -n $NAMESPACE describe pod $POD",
                "kubectl -n $NAMESPACE logs $POD -c $CONTAINER");
        assertThat(commands.get(0).line()).isEqualTo(21);
        assertThat(commands.get(2).placeholders()).extracting(Placeholder::token)
                .containsExactly("$NAMESPACE", "$POD", "$CONTAINER");
        assertThat(commands.get(0).runner()).isEqualTo(Runner.KUBECTL);
    }

    @Test
    void eachInlineStepFollowsItsTextAndPointsAtTheSpanItWasReadFromSoAViewShowsItOnce() {
        String md = "# Pods\n\n## Diagnosis\n\n- List them with `-n web`: `kubectl get pods -n web`\n\n"
                + "```bash\nkubectl get nodes\n```\n";
        Section diagnosis = parser.parse(Path.of("inline.md"), md).sections().get(1);
        List<Block> blocks = diagnosis.blocks();
        assertThat(blocks).hasSize(4);
        Block.Text item = (Block.Text) blocks.get(1);
        Block.Code inline = (Block.Code) blocks.get(2);
        assertThat(inline.inline()).isTrue();
        assertThat(item.inlines().get(inline.span()).style()).isEqualTo(Inline.Style.CODE);
        assertThat(item.inlines().get(inline.span()).text()).isEqualTo("kubectl get pods -n web");
        assertThat(inline.span()).isEqualTo(3);
        assertThat(((Block.Code) blocks.get(3)).inline()).as("a fenced block").isFalse();
        assertThat(((Block.Code) blocks.get(3)).span()).isEqualTo(-1);
    }

    @Test
    void inlineCommandIsJudgedDangerousAsAFencedOneIs() {
        List<Command> commands = commands("# Disk full\n\n## Resolution\n\n* Remove the copy: `rm -r /var/opt/data/*`\n");
        assertThat(commands).singleElement().satisfies(c -> assertThat(c.dangerous()).isTrue());
    }

    @Test
    void mentionsFlagsPathsWordsAndSymptomsAreNotSteps() {
        String md = """
                # Pods

                ## Symptoms

                - `kubectl get pods` shows CrashLoopBackOff
                - Replicas missing in `kubectl get deploy -n web`

                ## Diagnosis

                When running a `kubectl get pods` command, you will see the pod.
                - Pass `--all-namespaces` to `kubectl`.
                - Read `/var/log/syslog` and `max_connections = 100`.
                - If taken with `etcdctl snapshot save`, it has a hash.
                - Something like `kubectl get pods ...` helps.
                - The `kubectl describe pod` output shows the reason.
                """;
        assertThat(commands(md)).isEmpty();
    }

    @Test
    void paragraphCommandCountsInAProcedurePartOnly() {
        String md = """
                # Redis

                ## Overview

                Check it with: `redis-cli -p 6379 ping`

                ## Verification

                Check it with: `redis-cli -p 6380 ping`
                """;
        assertThat(commands(md)).extracting(Command::text).containsExactly("redis-cli -p 6380 ping");
    }

    @Test
    void commandIntroducedByViaInTheMiddleOfAnItemCounts() {
        String md = "# Job\n\n## Diagnosis\n\n"
                + "+ *Action*: Check the job using `kubectl describe job <job>` and look at the logs.\n";
        assertThat(commands(md)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("kubectl describe job <job>");
            assertThat(c.placeholders()).extracting(Placeholder::name).containsExactly("job");
        });
    }

    @Test
    void stepOfAWrappedParagraphHasTheLineItsCodeIsOn() {
        String md = "# Web\n\n## Resolution\n\n- One pod is stale. Delete only that\n  pod (`kubectl delete pod web-1 -n web`);"
                + " its Deployment replaces it.\n";
        assertThat(commands(md)).singleElement().satisfies(c -> {
            assertThat(c.line()).isEqualTo(6);
            assertThat(c.danger().rule()).isEqualTo("kubectl-delete");
        });
    }

    @Test
    void aLineBreakAfterASpanIsTextAndTheNextWordsDecide() {
        String md = "# Pods\n\n## Diagnosis\n\n- `kubectl get pods -n web`\n  **shows** the pod as Pending.\n"
                + "- Then list them: `kubectl get pods -n api`\n";
        assertThat(commands(md)).extracting(Command::text).containsExactly("kubectl get pods -n api");
    }

    @Test
    void aSpanAfterWhenRunningOrAnIfClausesRunningIsAConditionNotAStep() {
        String md = """
                # Pods

                ## Verification

                If the pod no longer shows up when running `kubectl get pods -n web`

                If it is still there after running `kubectl get pods -n api`.

                If you keep running `kubectl get pods -n db`, it stays.

                If it stays, try running `kubectl delete pod web-1 -n web`.
                """;
        assertThat(commands(md)).extracting(Command::text).containsExactly("kubectl delete pod web-1 -n web");
    }

    @Test
    void checkResolutionOfTheTerminatingPodRunbookHasNoInlineStep() throws Exception {
        Runbook runbook = parser.parse(corpus("csrunbooks__pod-stuck-in-terminating-state.md"));
        assertThat(runbook.commands()).noneMatch(c -> c.line() == 118);
    }

    @Test
    void aBracketedNameIsNotReadAsACommandThatWouldRunAGlob() throws Exception {
        Runbook runbook = parser.parse(corpus("csrunbooks__pod-stuck-in-pending-status.md"));
        assertThat(runbook.commands()).extracting(Command::text)
                .doesNotContain("systemctl status [SERVICE_NAME]")
                .contains("systemctl --type service | grep kube", "ps -ef | grep kubelet");
        assertThat(InlineCommands.command("systemctl status [kubelet-service]")).isFalse();
        assertThat(InlineCommands.command("ps -ef | grep [k]ubelet")).isTrue();
    }

    @Test
    void aProgramNoListNamesIsAStepWhenOrderedOrIntroducedWithAnOptionOrAPath() {
        String md = """
                # Blocks

                ## Resolution

                1. Run `thanos tools bucket retention` to apply the retention now.
                2. Log in first: `gds aws prod-admin -l`
                3. Check the errors: `grep ERROR /var/log/api.log | tail -50`
                4. `watch du -sh /var/opt/data`
                5. Then run `growpart <device> <partition>` to grow it.
                """;
        assertThat(commands(md)).extracting(Command::text).containsExactly("thanos tools bucket retention",
                "gds aws prod-admin -l", "grep ERROR /var/log/api.log | tail -50", "watch du -sh /var/opt/data",
                "growpart <device> <partition>");
    }

    @Test
    void aProgramNoListNamesIsNoStepWhenItOnlyEndsTheSentenceOrHasNeitherOptionNorPath() {
        String md = """
                # Blocks

                ## Resolution

                - The snapshot is checked by `etcdutl snapshot restore`.
                - Restart it with `sudo gitlab-ctl restart nginx`.
                - See the manual: `man fstab`.
                - **Message**: `released orphaned lease`
                - Metric/query: `max by (job) (tempodb_blocklist_length)`
                - Metric/query: `tempo_blocks_bytes / tempo_blocks_bytes_limit`
                - Metric/query: `tempo_reload_successful == 0`
                - Label: `app_kubernetes_io_part_of = "logging"`
                - Errors with the text: `connection pool limit exceeded`
                - Search for: `json.tag: "redis.slowlog"`
                - A message `result is ambiguous`.
                - When the pod is new: `alembic current` shows the head.
                """;
        assertThat(commands(md)).isEmpty();
    }

    /** Warnings, questions and quoted log lines: a reviewer found each of these read as a runnable step. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- Do not run `pg_ctl promote -D /var/lib/postgresql/data` on the old primary.",
            "- Do NOT execute `patronictl failover --force` while the replica lags.",
            "- Never execute `terraform destroy -auto-approve`",
            "- Don\u2019t run `kubectl delete pod web-1 -n web`.",
            "- You must not run `rm -rf /var/lib/postgresql/data`.",
            "- Avoid `kubectl delete pod web-1 -n web`.",
            "- Restart it without `systemctl stop postgresql`.",
            "- Never, even under load, run `systemctl restart postgresql`.",
            "- Never run `rm -rf /var/lib/postgresql/data` or `kubectl delete ns prod`.",
            "- Did you run `x --y`?",
            "- Logs show: `panic -- runtime error in /srv/app/main.go`",
            "- The message: `connection refused from /10.0.0.1`",
            "- Output: `kubectl get pods -n web`",
            "- The error log says: `fatal -- could not open /var/lib/pg/pid`",
            "- You must not, under any circumstances, run `kubectl delete ns prod`.",
            "- We never, not even during an outage, execute `kubectl delete ns prod`.",
            "- Do not, whatever the dashboard says, run `redis-cli replicaof no one`."})
    void aWarningAQuestionOrAQuotedLogLineIsNoStep(String item) {
        String md = "# Db\n\n## Resolution\n\n" + item + "\n";
        assertThat(commands(md)).as(item).isEmpty();
    }

    @Test
    void aNegationInAnEarlierClauseOrAnOrderWhoseObjectIsALogStillGivesAStep() {
        String md = """
                # Db

                ## Resolution

                - If the pod is not ready, run `kubectl describe pod web-1 -n web`.
                - Check error logs: `grep ERROR /var/log/api.log`
                - The replica is not in sync. Run `patronictl list` to see it.
                - Do not run `pg_ctl promote`; run `pg_ctl status -D /var/lib/pg` instead.
                - After `rm -f /tmp/not-needed`, run `systemctl restart nginx`.
                """;
        assertThat(commands(md)).extracting(Command::text).containsExactly("kubectl describe pod web-1 -n web",
                "grep ERROR /var/log/api.log", "patronictl list", "pg_ctl status -D /var/lib/pg",
                "systemctl restart nginx");
    }

    /** A negation describing what the command shows, or ending a condition, does not forbid it. */
    @Test
    void aNegationInALabelOrAConditionBeforeTheCommandStillGivesAStep() {
        String md = """
                # Db

                ## Diagnosis

                - Pods that are not ready: `kubectl get pods -n web`
                - Nodes which never joined: `kubectl get nodes -o wide`
                - If not, run `kubectl rollout status deploy/web -n web`.
                """;
        assertThat(commands(md)).extracting(Command::text).containsExactly("kubectl get pods -n web",
                "kubectl get nodes -o wide", "kubectl rollout status deploy/web -n web");
    }

    /** A program no list names, after a colon closing an order to check something: the command gives the answer. */
    @Test
    void anUnlistedProgramAfterACheckOrdersColonIsAStepButAQuotedTextOrSettingIsNot() {
        String md = """
                # Db

                ## Resolution

                - Check migration status: `alembic current`
                - Verify the cluster: `patronictl list`
                - Check the message: `connection refused`
                - Search for: `too many connections`
                - Verify the setting: `max_connections = 100`
                - Check the rule: `tempo_reload_successful == 0`
                """;
        assertThat(commands(md)).extracting(Command::text).containsExactly("alembic current", "patronictl list");
    }

    /** A negation after a relative or condition word still forbids the order, unless it labels the span. */
    @ParameterizedTest
    @ValueSource(strings = {
            "- Make sure that you do not run `kubectl delete ns a1`.",
            "- Until the old primary is fenced do not run `pg_ctl promote -D /a3`.",
            "- Once failover starts never run `redis-cli -p 6301 replicaof no one` on the old primary.",
            "- If the old primary still answers do not run `pg_ctl promote -D /a4`.",
            "- Whenever possible do not run `kubectl delete ns a8`.",
            "- Pods that you must not run: `kubectl delete pod a9-0 -n web`"})
    void aNegationAfterARelativeWordForbidsTheOrder(String item) {
        assertThat(commands("# Db\n\n## Resolution\n\n" + item + "\n")).as(item).isEmpty();
    }

    /** A sentence opening with a condition ends it at its first comma: the negation there forbids nothing. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- If it did not, run `kubectl delete pod b1-0 -n web`.|kubectl delete pod b1-0 -n web",
            "- If it is not, run `kubectl rollout status deploy/b2 -n web`.|kubectl rollout status deploy/b2 -n web",
            "- If the health check does not, run `systemctl restart nginx`.|systemctl restart nginx",
            "- If it still has not, run `kubectl get pods -n b4`.|kubectl get pods -n b4",
            "- If the lag has not, after five minutes, dropped, run `redis-cli -p 6305 info replication`.|"
                    + "redis-cli -p 6305 info replication",
            "- Unless it did not, run `kubectl get pods -n b6`.|kubectl get pods -n b6"})
    void aNegationEndingAnOpeningConditionStillGivesAStep(String item, String command) {
        assertThat(commands("# Db\n\n## Resolution\n\n" + item + "\n")).extracting(Command::text)
                .as(item).containsExactly(command);
    }

    /** After a check-colon two words run only when a named program says so; quoted text and values stay text. */
    @Test
    void aCheckColonBeforeQuotedTextOrAValueGivesNoStep() {
        String md = """
                # Db

                ## Verification

                - Check the error text: `could not connect to server`
                - Verify the expected state: `active running`
                - Verify the output includes: `state streaming`
                - Check the current value: `max_connections 100`
                - Verify the topic retention: `retention.ms 604800000`
                - Check replication: `repmgr cluster show`
                - Check the schema: `alembic history --verbose`
                """;
        assertThat(commands(md)).extracting(Command::text).containsExactly("repmgr cluster show",
                "alembic history --verbose");
    }

    /** Lines of the corpus whose inline code is a log message, a query, a label or a program mentioned in passing. */
    @ParameterizedTest
    @CsvSource({
            "cockroach__critical-log-messages.md, 9", "cockroach__critical-log-messages.md, 146",
            "cockroach__critical-log-messages.md, 193", "cockroach__common-errors.md, 167", "tempo__runbook.md, 44",
            "tempo__runbook.md, 103", "tempo__runbook.md, 198", "tempo__runbook.md, 501", "etcd__recovery.md, 58",
            "netdata__oom_kill.md, 82", "vitess__troubleshooting.md, 98", "openshift__CollectorNodeDown.md, 193",
            "gitlab__redis-survival-guide-for-sres.md, 282"})
    void inlineCodeOfTheCorpusThatIsNoCommandStaysText(String file, int line) throws Exception {
        Runbook runbook = parser.parse(corpus(file));
        assertThat(runbook.commands()).noneMatch(c -> c.line() == line);
    }

    private static Path corpus(String name) throws Exception {
        return SharedInputs.corpusFiles().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow();
    }
}
