package dev.incidentconsole.health.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where psql and pg_isready checks connect: option, else PGHOST/PGPORT set before the command, else the row's. */
class PostgresCheckAddressTest {
    private final CheckCommands commands = new CheckCommands(Map.of("DB_PORT", "6000", "DB_HOST", "db-env")::get);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "pg_isready                                        => row:5432",
        "pg_isready -h db1 -p 6432                         => db1:6432",
        "PGHOST=db2 PGPORT=6543 pg_isready                 => db2:6543",
        "PGHOST=db2 PGPORT=6543 pg_isready -h db3          => db3:6543",
        "PGPORT=$DB_PORT PGHOST=$DB_HOST pg_isready        => db-env:6000",
        "PGPORT=$UNSET_PORT pg_isready                     => row:5432",
        "PGPORT=abc pg_isready                             => command",
        "psql -c 'SELECT 1'                                => row:5432",
        "psql -h db1 -p 6432 -c 'SELECT 1'                 => db1:6432",
        "PGHOST=db2 PGPORT=6543 psql -c 'SELECT 1'         => db2:6543",
        "PGHOST=db2 PGPORT=6543 psql -p6000 -c 'SELECT 1'  => db2:6000",
        "PGPORT=$DB_PORT psql -c 'SELECT 1'                => row:6000",
        "PGPORT=abc psql -c 'SELECT 1'                     => command",
    })
    void postgresClientsConnectWhereTheirOptionsOrVariablesSay(String command, String expected) {
        CheckCommands.Parsed parsed = commands.parse(command, "row", 5432);
        String actual = parsed.probe() instanceof PostgresSpec pg ? pg.host() + ":" + pg.port()
                : parsed.probe() instanceof CommandSpec ? "command" : parsed.probe().toString();
        assertThat(actual).isEqualTo(expected);
    }
}
