package dev.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterExpansionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // text | name | operator | word | gives a default | word is literal
            "${PGPASSWORD:-s3cret}       | PGPASSWORD | :- | s3cret          | true  | true",
            "${PGPASSWORD:-'s3 cret'}    | PGPASSWORD | :- | 's3 cret'       | true  | true",
            "${PW-\"a}b\"}               | PW         | -  | \"a}b\"        | true  | true",
            "${A:-${PW:-s3cret}}         | A          | :- | ${PW:-s3cret}   | true  | false",
            "${PW:=$(cat /run/pw)}       | PW         | := | $(cat /run/pw)  | true  | false",
            "${PW:-'$x'}                 | PW         | :- | '$x'            | true  | true",
            "${X:?set it first}          | X          | :? | set it first    | false | true",
            "${X:+alt}                   | X          | :+ | alt             | false | true",
            "${X%%-*}                    | X          | %% | -*              | false | true",
            "${#X}                       | ~~         | #  | X               | false | true",
            "${1:-one}                   | 1          | :- | one             | true  | true",
            "${X:2:3}                    | X          | :  | 2:3             | false | true",
            "${db-instance-name}         | db         | -  | instance-name   | true  | true"})
    void readsNameOperatorAndWord(String text, String name, String operator, String word, boolean gives, boolean literal) {
        ParameterExpansion p = ParameterExpansion.at(text, 0);
        assertThat(p).isNotNull();
        assertThat(p.end()).isEqualTo(text.length());
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.operator()).isEqualTo(operator);
        assertThat(text.substring(p.wordStart(), p.wordEnd())).isEqualTo(word);
        assertThat(p.givesDefault()).isEqualTo(gives);
        assertThat(p.wordIsLiteral(text)).isEqualTo(literal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$X", "${X", "${X:-'}", "x${"})
    void readsNoExpansionWhereNoneIsClosed(String text) {
        assertThat(ParameterExpansion.at(text, text.indexOf('$'))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PGPASSWORD=${PGPASSWORD:-'s3cret'} psql | 11 | true",
            "echo '${PW:-s3cret}'                     | 6  | false",
            "echo \\${PW:-s3cret}                     | 6  | false",
            "echo \"${PW:-s3cret}\"                   | 6  | true"})
    void commandGivesTheExpansionsItsShellPerforms(String command, int at, boolean expanded) {
        assertThat(ShellCommand.parse(command).parameterAt(at) != null).isEqualTo(expanded);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"${PW:-'s3cret'} | s3cret", "${PW:-\"s3cret\"} | s3cret", "${PW:-s3cret} | s3cret",
            "${PW:-'a'\"b\"} | 'a'\"b\""})
    void wordInsideQuotesDropsOnePairAroundTheWhole(String text, String inside) {
        int[] w = ParameterExpansion.at(text, 0).wordInsideQuotes(text);
        assertThat(text.substring(w[0], w[1])).isEqualTo(inside);
    }
}
