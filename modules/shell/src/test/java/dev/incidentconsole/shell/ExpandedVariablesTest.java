package dev.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpandedVariablesTest {

    /**
     * The second column lists, in order of first use, what this shell and the child shells it starts here expand
     * (they inherit its environment; a remote host or a container has its own); the text as a test writes it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "PGPASSWORD=${PW} psql -h \"$HOST\" -p ${PORT:-5432} >> $LOG; PW HOST PORT LOG",
        "a && b $X | c \"$Y\" || d $X; X Y",
        "echo \"$(redis-cli -a $PW ping)\" `printf %s $OTHER`; PW OTHER",
        "echo '$PW' \\$ESCAPED # $COMMENT; ",
        "sh -c 'redis-cli -a \"$PW\" ping'; PW",
        "bash -c 'PGPASSWORD=$MONITOR_PW psql -tAc \"select 1\"'; MONITOR_PW",
        "timeout 5 sh -c 'redis-cli -a $PW ping'; PW",
        "echo db | xargs -I{} sh -c 'psql -h {} -c \"\\$NOT\" $PW'; PW",
        "`find /etc -name x -exec sh -c 'echo $PW' \\;`; PW",
        "watch -n5 'psql -c \"select 1\" $PW'; PW",
        "bash -c 'sh -c \"echo \\$INNER\"'; INNER",
        "ssh db-1 \"psql -c 'select 1' $DB\"; DB",
        "ssh db-1 'PGPASSWORD=$REMOTE psql'; ",
        "kubectl exec cache-0 -- sh -c 'redis-cli -a $IN_POD ping'; ",
        "docker exec cache sh -c 'redis-cli -a $IN_CONTAINER ping'; ",
        "docker run --rm redis sh -c 'redis-cli -a $IN_NEW_CONTAINER ping'; ",
        "gcloud compute ssh vm --command 'echo $REMOTE'; ",
        "cat <<EOF\\n$IN_BODY \\$NOT '$QUOTED_IN_BODY' \"$DQ\"\\nEOF; IN_BODY QUOTED_IN_BODY DQ",
        "cat <<'EOF'\\n$LITERAL\\nEOF; ",
        "echo $1 $# ${#LEN}; ",
    })
    void namesWhatTheCommandsOwnShellExpands(String command, String expanded) {
        List<String> names = expanded == null ? List.of() : Arrays.asList(expanded.split(" "));

        assertThat(ExpandedVariables.of(ShellCommand.parse(command.replace("\\n", "\n"))))
                .containsExactlyElementsOf(names);
    }
}
