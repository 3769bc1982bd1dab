package dev.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpandedVariablesTest {

    /** The second column lists, in order of first use, what this shell expands; the text as a test writes it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "PGPASSWORD=${PW} psql -h \"$HOST\" -p ${PORT:-5432} >> $LOG; PW HOST PORT LOG",
        "a && b $X | c \"$Y\" || d $X; X Y",
        "echo \"$(redis-cli -a $PW ping)\" `printf %s $OTHER`; PW OTHER",
        "echo '$PW' \\$ESCAPED # $COMMENT; ",
        "sh -c 'redis-cli -a \"$PW\" ping'; ",
        "ssh db-1 \"psql -c 'select 1' $DB\"; DB",
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
