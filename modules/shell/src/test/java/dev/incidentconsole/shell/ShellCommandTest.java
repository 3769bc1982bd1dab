package dev.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shell model on tricky inputs: each row is a text and its simple commands, words joined by '·'. */
class ShellCommandTest {

    /** The simple commands of {@code text}: words joined by '·', commands by " / ". */
    private static String shape(String text) {
        return ShellCommand.parse(text).commands().stream()
                .map(c -> String.join("·", c.values()))
                .collect(Collectors.joining(" / "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "echo 'a b' \"c d\" => echo·a b·c d",
        "echo it\\'s => echo·it's",
        "echo \"a \\\"q\\\" \\$HOME\" => echo·a \"q\" $HOME",
        "echo \"keep \\w\" => echo·keep \\w",
        "echo $'a\\'b' => echo·a'b",
        "echo $(kubectl get pods | wc -l) x => echo·$(kubectl get pods | wc -l)·x",
        "echo \"$(date +'%F %T')\" => echo·$(date +'%F %T')",
        "echo `hostname` y => echo·`hostname`·y",
        "echo ${X:-a b} z => echo·${X:-a b}·z",
        "echo $((1 + 2)) => echo·$((1 + 2))",
        "a && b || c; d & e => a / b / c / d / e",
        "ps aux | grep x | wc -l => ps·aux / grep·x / wc·-l",
        "(cd /tmp && ls) ; pwd => cd·/tmp / ls / pwd",
        "if true; then psql; fi => true / psql",
        "for i in 1 2; do echo $i; done => for·i·in·1·2 / echo·$i",
        "{ a; b; } => a / b",
        "ls # a comment; rm -rf / => ls",
        "echo a#b => echo·a#b",
        "cat <<EOF | kubectl apply -f -\\nkind: x; rm -rf /\\nEOF\\nls => cat / kubectl·apply·-f·- / ls",
        "psql -h db \\\\n  -tAc 'SELECT 1' => psql·-h·db·-tAc·SELECT 1",
        "echo 'unterminated => echo·unterminated",
        "echo \"open $(date => echo·open $(date",
        "2>&1 cmd > out 2> err => cmd",
        "FOO=1 BAR='x y' run it => run·it",
        "\"FOO=1\" run => FOO=1·run",
        "kubectl -n <namespace> logs pod/<pod-name> > out.log => kubectl·-n·<namespace>·logs·pod/<pod-name>",
        "sort <in >out => sort",
    })
    void splitsSimpleCommandsAndWords(String text, String expected) {
        assertThat(shape(text.replace("\\n", "\n"))).isEqualTo(expected.strip());
    }

    @Test
    void wordsKeepTheirSourceOffsets() {
        String text = "kubectl  logs 'my pod' -n \"$NS\"";
        List<Word> words = ShellCommand.parse(text).commands().get(0).words();
        assertThat(words).extracting(w -> text.substring(w.start(), w.end()))
                .containsExactly("kubectl", "logs", "'my pod'", "-n", "\"$NS\"");
        assertThat(words).extracting(Word::quoted).containsExactly(false, false, true, false, true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "kubectl logs \"<pod>\" => false",
        "echo \"pod: <pod>\" => false",
        "psql -c \"SELECT '<x>'\" => false",
        "docker exec c psql -c \"SELECT <x>\" => false",
        "echo \"$(kubectl logs \"<pod>\")\" => false",
        "sh -c \"kubectl logs <pod>\" => true",
        "sudo -u postgres bash -lc 'psql -c <x>' => true",
        "kubectl exec -n ns web -- sh -c \"ls <x>\" => true",
        "xargs sh -c \"echo <x>\" => true",
        "ssh -p 22 host \"df -h <x>\" => true",
        "watch \"kubectl get pods <x>\" => true",
        "eval \"echo <x>\" => true",
        "echo \"$(sh -c \"echo <x>\")\" => true",
        "cat <<EOF\\n<x>\\nEOF => false",
        "ssh -p 22 <host> uptime => false",
        "ssh host df -h <x> => true",
        "sh -c 'echo \"$1\"' name <x> => false",
        "docker run --rm img sh -c \"nslookup <x>\" => true",
        "find . -exec sh -c 'printf %s <x>' \\; => true",
        "ip netns exec ns bash -lc \"ping <x>\" => true",
        "oc debug node/n -- chroot /host sh -c \"ls <x>\" => true",
        "flock /run/l -c \"ls <x>\" => true",
        "gcloud compute ssh vm --command \"ls <x>\" => true",
        "docker run --rm img ls <x> => false",
    })
    void knowsWhichWordsASecondShellParsesAgain(String text, boolean expected) {
        String t = text.replace("\\n", "\n");
        int at = t.lastIndexOf('<');
        ShellCommand parsed = ShellCommand.parse(t);
        assertThat(parsed.reparsedAt(at)).isEqualTo(expected);
        if (expected) {
            ShellCommand.Nested inner = parsed.nestedAt(at);
            assertThat(inner.script().text().substring(inner.offset())).startsWith(t.substring(at, t.indexOf('>', at) + 1));
        } else {
            assertThat(parsed.nestedAt(at)).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "sh -c \"kubectl logs <x>\" => UNQUOTED",
        "bash -c \"echo '<x>'\" => SINGLE",
        "bash -c 'echo \"<x>\"' => DOUBLE",
        "ssh host \"echo \\\"<x>\\\"\" => DOUBLE",
        "echo \"$(sh -c 'echo \"a <x>\"')\" => DOUBLE",
        "ssh h echo \"'\" <x> \"'\" => SINGLE",
        "ssh h echo \"'\"<x>\"'\" => SINGLE",
        "sh -c \"grep '<x>' ${LOG:-/dev/null}\" => SINGLE",
        "bash -c 'kubectl logs $(cat f) | grep \"<x>\"' => DOUBLE",
        "docker run img sh -c \"grep '<x>' f\" => SINGLE",
    })
    void findsTheQuotingTheSecondShellSees(String text, Quoting expected) {
        ShellCommand.Nested inner = ShellCommand.parse(text).nestedAt(text.lastIndexOf('<'));
        assertThat(inner.script().quotingAt(inner.offset())).isEqualTo(expected);
    }

    /** The first shell expands these before the second reads the script, so its quoting there is unknown. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sh -c \"grep $(cat f) '<x>'\"", "sh -c \"X=${LOG:-/l}; grep '<x>'\"",
        "sh -c \"grep $P '<x>'\"", "ssh h ls ${BASE:-/srv}/<x>", "sh -c \"grep `cat f` '<x>'\""})
    void expansionBeforeTheValueLeavesTheSecondShellsQuotingUnknown(String text) {
        ShellCommand parsed = ShellCommand.parse(text);
        int at = text.lastIndexOf('<');
        assertThat(parsed.reparsedAt(at)).isTrue();
        assertThat(parsed.nestedAt(at)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "kubectl logs \"<x>\" | grep -v sha => false",
        "kubectl exec web -- psql -c \"SELECT '<x>'\" => false",
        "docker exec db psql -c \"SELECT '<x>'\" => false",
        "find . -name \"<x>\" => false",
        "kubectl exec -i web -- sh <<EOF => true",
        "find . -name x -exec rm {} + => true",
        "echo \"<x>\" | sh => true",
        "docker run img psql -c \"<x>\" => true",
        "kubectl debug node/n -it --image=busybox => true",
        "echo \"$(bash -c 'echo <x>')\" => true",
        "gcloud compute ssh vm --command=\"ls <x>\" => true",
        "sudo -i systemctl restart <x> => true",
    })
    void mayReparseWhenAnyProgramMightRunTextAsShellCode(String text, boolean expected) {
        assertThat(ShellCommand.parse(text).mayReparse()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "X=`echo <x>` => true",
        "X=`echo '<x>'` => true",
        "X=\"$(echo `echo \"<x>\"`)\" => true",
        "X=$(echo <x>) => false",
        "echo '`<x>`' => false",
    })
    void knowsWhenAValueIsInsideBackticks(String text, boolean expected) {
        assertThat(ShellCommand.parse(text).backquotedAt(text.lastIndexOf('<'))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "echo <x> => 5 => UNQUOTED",
        "echo '<x>' => 6 => SINGLE",
        "echo \"<x>\" => 6 => DOUBLE",
        "echo \"$(cat <x>)\" => 12 => UNQUOTED",
        "echo \"`cat <x>`\" => 11 => UNQUOTED",
        "echo $'<x>' => 7 => ANSI_C",
        "echo '<x>' <y> => 11 => UNQUOTED",
        "ls # <x> => 5 => COMMENT",
        "echo \"${X:-<x>}\" => 11 => DOUBLE",
        "echo 'it''s' <x> => 14 => UNQUOTED",
    })
    void knowsTheQuotingOfEveryCharacter(String text, int offset, Quoting expected) {
        assertThat(ShellCommand.parse(text).quotingAt(offset)).isEqualTo(expected);
    }

    @Test
    void hereDocumentBodiesKeepTheirQuotingAndStayOutOfTheCommands() {
        String text = "cat <<EOF > /etc/x\nhost=<h>\nEOF\ncat <<'END'\n$literal\nEND\nls";
        ShellCommand cmd = ShellCommand.parse(text);
        assertThat(cmd.quotingAt(text.indexOf("<h>"))).isEqualTo(Quoting.HEREDOC);
        assertThat(cmd.quotingAt(text.indexOf("$literal"))).isEqualTo(Quoting.HEREDOC_LITERAL);
        assertThat(cmd.quotingAt(text.indexOf("ls"))).isEqualTo(Quoting.UNQUOTED);
        assertThat(cmd.commands()).extracting(c -> c.program().basename()).containsExactly("cat", "cat", "ls");
        Redirection heredoc = cmd.commands().get(0).redirections().get(0);
        assertThat(heredoc.operator()).isEqualTo("<<");
        assertThat(heredoc.body()).isEqualTo("host=<h>\n");
        assertThat(heredoc.expanding()).isTrue();
        assertThat(cmd.commands().get(0).redirections().get(1)).satisfies(r -> {
            assertThat(r.operator()).isEqualTo(">");
            assertThat(r.target().value()).isEqualTo("/etc/x");
        });
        assertThat(cmd.commands().get(1).redirections().get(0).expanding()).isFalse();
        assertThat(cmd.commands().get(0).stdinFed()).isTrue();
    }

    @Test
    void redirectionsCarryTheirDescriptorAndTarget() {
        SimpleCommand c = ShellCommand.parse("cmd 2>&1 >>log <in &>/dev/null <<<'word'").commands().get(0);
        assertThat(c.values()).containsExactly("cmd");
        assertThat(c.redirections()).extracting(r -> r.fd() + r.operator() + r.target().value())
                .containsExactly("2>&1", "-1>>log", "-1<in", "-1&>/dev/null", "-1<<<word");
        assertThat(c.stdinFed()).isTrue();
    }

    @Test
    void pipelinesListsAndSubshellsAreLinkedBySeparators() {
        List<SimpleCommand> c = ShellCommand.parse("a | b && (c || d); e &\nf").commands();
        assertThat(c).extracting(SimpleCommand::separator).containsExactly(Separator.PIPE, Separator.AND,
                Separator.OR, Separator.SUBSHELL, Separator.BACKGROUND, Separator.END);
        assertThat(c).extracting(SimpleCommand::stdinFed).containsExactly(false, true, false, false, false, false);
        assertThat(c).extracting(SimpleCommand::depth).containsExactly(0, 0, 1, 1, 0, 0);
    }

    @Test
    void leadingAssignmentsAreSeparatedFromTheProgram() {
        SimpleCommand c = ShellCommand.parse("PGPASSWORD='s3 cret' LIST[0]=x N+=1 psql -c 'x=1'").commands().get(0);
        assertThat(c.assignments()).extracting(Word::value).containsExactly("PGPASSWORD=s3 cret", "LIST[0]=x", "N+=1");
        assertThat(c.values()).containsExactly("psql", "-c", "x=1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "sudo -u postgres psql -c x => sudo => psql",
        "env A=1 B=2 nohup timeout 5s kubectl get pods => env,nohup,timeout => kubectl",
        "find . -name x | xargs -I{} rm -f {} => xargs => rm",
        "watch -n 1 kubectl get pods => watch => kubectl",
        "kubectl exec -it web-0 -n prod -- psql -U app => kubectl exec => psql",
        "docker exec -u root db pg_isready => docker exec => pg_isready",
        "docker compose -f ops.yml exec -T db redis-cli ping => docker compose exec => redis-cli",
        "sudo kubectl exec pod -- sudo -u app env X=1 rm -rf /data => sudo,kubectl exec,sudo,env => rm",
        "/usr/bin/sudo /usr/local/bin/kubectl get pods => sudo => kubectl",
    })
    void looksPastWrappersToTheRealCommand(String text, String via, String program) {
        Invocation inv = allCommands(ShellCommand.parse(text)).stream()
                .filter(i -> !i.program().isEmpty()).reduce((a, b) -> b).orElseThrow();
        assertThat(String.join(",", inv.via())).isEqualTo(via);
        assertThat(inv.program()).isEqualTo(program);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "sh -c 'systemctl stop nginx; rm -rf /var/lib/x' => sh, systemctl, rm",
        "bash -lc \"psql -tAc 'SELECT 1' && dropdb app\" => bash, psql, dropdb",
        "ssh -i key.pem bastion 'sudo systemctl restart app' => ssh, systemctl",
        "ssh db1 df -h => ssh, df",
        "sudo su - postgres -c 'dropdb app' => su, dropdb",
        "kubectl exec pod -- sh -c 'redis-cli FLUSHALL' => sh, redis-cli",
        "docker exec c bash -c \"sh -c 'rm -rf /x'\" => bash, sh, rm",
        "echo \"$(rm -rf /tmp/x)\" `date` => echo, rm, date",
        "kill $(pgrep -f \"$(cat name)\") => kill, pgrep, cat",
    })
    void judgesTheScriptsThatWrappersRun(String text, String programs) {
        assertThat(allCommands(ShellCommand.parse(text))).extracting(Invocation::program)
                .containsExactlyElementsOf(List.of(programs.split(", ")));
    }

    @Test
    void commandSubstitutionsAreParsedOnTheirOwn() {
        ShellCommand cmd = ShellCommand.parse("POD=$(kubectl get pods -o name | head -1); echo \"`hostname`\"");
        assertThat(cmd.substitutions()).extracting(ShellCommand::text)
                .containsExactly("kubectl get pods -o name | head -1", "hostname");
        assertThat(cmd.substitutions().get(0).commands()).extracting(c -> c.program().basename())
                .containsExactly("kubectl", "head");
    }

    @ParameterizedTest(name = "{0} has {1}: {2}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "-tAc 'SELECT 1' => c => true",
        "-tA -c x => c => true",
        "-Ucache => c => false",
        "-U cache -d app => c => false",
        "--command=x => c => false",
    })
    void readsShortFlagClusters(String args, String flag, boolean expected) {
        List<String> words = ShellCommand.parse("psql " + args).commands().get(0).args();
        assertThat(Flags.hasShort(words, flag, "cdfhLopPTUvFR")).isEqualTo(expected);
    }

    @Test
    void readsCurlFlagsOnceWithClusters() {
        CurlArgs c = CurlArgs.parse(ShellCommand.parse(
                "curl -sfX POST -kL -H 'Authorization: Bearer t' -u admin:pw --url=http://a/x http://b/y")
                .commands().get(0).args());
        assertThat(c.method()).isEqualTo("POST");
        assertThat(c.insecure()).isTrue();
        assertThat(c.follow()).isTrue();
        assertThat(c.headers()).containsExactly("Authorization: Bearer t");
        assertThat(c.user()).isEqualTo("admin:pw");
        assertThat(c.urls()).containsExactly("http://a/x", "http://b/y");
        assertThat(CurlArgs.parse(List.of("-sd@body.json", "http://a")).body()).isTrue();
        assertThat(CurlArgs.parse(List.of("-I", "http://a")).method()).isEqualTo("HEAD");
        assertThat(CurlArgs.parse(List.of("-o", "out", "http://a")).urls()).containsExactly("http://a");
        assertThat(CurlArgs.parse(List.of("-sLb", "a=1; sid=x", "--cookie=b=2", "-b", "jar.txt", "http://a")).cookies())
                .containsExactly("a=1; sid=x", "b=2", "jar.txt");
    }

    @Test
    void pathologicalInputsParseInLinearTime() {
        List<String> inputs = List.of("'".repeat(200_000), "\"$(".repeat(50_000), "$(".repeat(100_000),
                "a | ".repeat(50_000), "cat <<EOF\n".repeat(20_000), "\\".repeat(200_000), "${".repeat(100_000),
                "`".repeat(100_001), "x=1 ".repeat(50_000), "sh -c ".repeat(30_000) + "x");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String in : inputs) {
                ShellCommand parsed = ShellCommand.parse(in);
                assertThat(parsed.quotingAt(in.length())).isNotNull();
                allCommands(parsed);
            }
        });
    }
    /** Each word of {@code text} expanded with HOST=db.internal and TOKEN=t0k; other variables unset. */
    private static String expanded(String text) {
        java.util.Map<String, String> env = java.util.Map.of("HOST", "db.internal", "TOKEN", "t0k");
        return ShellCommand.parse(text).commands().stream()
                .flatMap(c -> java.util.stream.Stream.concat(c.assignments().stream(), c.words().stream()))
                .map(w -> w.expand(env::get, null))
                .collect(Collectors.joining("·"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "curl http://$HOST:8080/health => curl·http://db.internal:8080/health",
        "curl \"http://${HOST}/x\" => curl·http://db.internal/x",
        "curl -H 'Authorization: Bearer $TOKEN' x => curl·-H·Authorization: Bearer $TOKEN·x",
        "curl -H \"Authorization: Bearer $TOKEN\" x => curl·-H·Authorization: Bearer t0k·x",
        "echo \\$HOST \"\\$HOST\" $'$HOST' => echo·$HOST·$HOST·$HOST",
        "echo $UNSET ${UNSET} $HOSTX $1 $(echo $HOST) ${#HOST} => echo·$UNSET·${UNSET}·$HOSTX·$1·$(echo $HOST)·${#HOST}",
        "echo ${HOST:-x} ${PORT:-5432} ${PORT-1} ${PORT:-$HOST} => echo·db.internal·5432·1·${PORT:-$HOST}",
        "PGPASSWORD=$TOKEN psql -h \"$HOST\"'$HOST' => PGPASSWORD=t0k·psql·-h·db.internal$HOST",
    })
    void expandsVariablesOnlyWhereTheShellWould(String text, String expected) {
        assertThat(expanded(text)).isEqualTo(expected);
    }

    /**
     * The simple commands of {@code parsed} and, after each, those it runs behind wrappers ({@link
     * Invocation#script()}) and in command substitutions, six levels deep at most: how the tests walk the model.
     */
    private static List<Invocation> allCommands(ShellCommand parsed) {
        List<Invocation> out = new java.util.ArrayList<>();
        collect(parsed, out, 0);
        return out;
    }

    private static void collect(ShellCommand parsed, List<Invocation> out, int depth) {
        for (SimpleCommand c : parsed.commands()) {
            Invocation invocation = c.invocation();
            out.add(invocation);
            if (invocation.script() != null && depth < 6) {
                collect(invocation.script(), out, depth + 1);
            }
        }
        if (depth < 6) {
            parsed.substitutions().forEach(inner -> collect(inner, out, depth + 1));
        }
    }
}
