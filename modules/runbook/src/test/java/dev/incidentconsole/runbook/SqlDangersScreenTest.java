package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SqlDangers screens each text for a keyword and a blank or {@code (} before it runs its regexes: what the regexes
 * find must still be found, in any ASCII case and with any blank, and lone words must not be.
 */
class SqlDangersScreenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            DrOp TaBlE orders                          => sql-drop
            drop\\ttable orders                         => sql-drop
            TRUNCATE\\nevents                           => sql-truncate
            delete\\13from sessions                  => sql-delete
            UpDaTe\\fusers SET admin = true             => sql-update
            select pg_terminate_backend(pid)           => pg-terminate
            SELECT PG_TERMINATE_BACKEND (42)           => pg-terminate
            db.orders.drop()                           => mongo-drop
            x;DROP\\rDATABASE shop                      => sql-drop
            """)
    void findsStatementsInAnyAsciiCaseAndAfterAnyBlank(String text, String rule) {
        assertThat(SqlDangers.sql(text.translateEscapes())).extracting(Danger::rule).isEqualTo(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"delete", "--delete-emptydir-data", "drop_table", "update-ca-certificates",
        "TRUNCATE", "pg_terminate_backend", "select 1", "DROPTABLE(x)", "dr\u00f6p table x"})
    void passesLoneWordsAndTextWithoutAStatement(String text) {
        assertThat(SqlDangers.sql(text)).isNull();
    }
}
