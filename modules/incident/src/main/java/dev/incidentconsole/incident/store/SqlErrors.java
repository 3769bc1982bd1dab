package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.StoreException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Sorts database errors into {@link StoreException.Reason}s. */
final class SqlErrors {
    /** PgBouncer's answer to a startup parameter it was not told to ignore; pgjdbc always sends extra_float_digits. */
    private static final Pattern REFUSED_PARAMETER = Pattern.compile("unsupported startup parameter: ([A-Za-z_]+)");

    /**
     * PgBouncer's refusals of a login: it sends them all with SQLState 08P01 (protocol violation), the class of a
     * broken connection, so only the words tell them from an outage.
     */
    private static final Pattern POOLER_REFUSAL = Pattern.compile("password authentication failed|SASL authentication failed|no such user"
            + "|no such database");

    private static final String LOGIN_ADVICE = "check the user and the password (the Store dialog, PGPASSWORD or "
            + "~/.pgpass; the user also from PGUSER or the URL's user=)";

    private SqlErrors() {
    }

    /** Whether {@code t} (or a cause) says the database cannot be reached, as opposed to a query error. */
    static boolean isConnectivity(Throwable t) {
        if (refusedStartupParameter(t).isPresent() || refusedSetup(t, "").isPresent()) {
            return false; // the server or pooler answered: waiting for it to come back would wait forever
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
            if (c instanceof java.net.ConnectException || c instanceof java.io.EOFException
                    || c instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A PgBouncer that refuses a startup parameter of the driver's (protocol error 08P01, which reads as an outage)
     * as a configuration error naming the line that fixes it; empty for any other failure.
     */
    static Optional<StoreException> pooler(Throwable t, String where) {
        return refusedStartupParameter(t).map(parameter -> new StoreException(StoreException.Reason.IO,
                "The incident database " + where + " answers through a PgBouncer that refuses the startup parameter "
                        + parameter + ", which the PostgreSQL driver always sends; add ignore_startup_parameters = "
                        + parameter + " to pgbouncer.ini, or point the store at PostgreSQL itself.", t));
    }

    /**
     * A first connection the server answered but refused: a wrong login (28P01, 28000), a database that does not
     * exist (3D000) or a login without the right to create or use the console's tables (42501), as a sentence that
     * says what to change; empty for any other failure. Flyway words all of them "Unable to obtain connection",
     * which reads like an outage, and these never heal by waiting.
     */
    static Optional<StoreException> refusedSetup(Throwable t, String where) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                String server = firstLine(s).replaceFirst("^FATAL: +|^ERROR: +", "");
                String advice = switch (s.getSQLState()) {
                    case "28P01", "28000" -> LOGIN_ADVICE;
                    case "3D000" -> "create it (createdb -O OWNER DATABASE, as a superuser) or correct the URL";
                    case "42501" -> "the login needs the right to create tables in the database's public schema on "
                            + "the first start, and to read and write them later (see the README's team store set-up)";
                    case "08P01" -> poolerAdvice(server);
                    default -> null;
                };
                if (advice != null) {
                    return Optional.of(new StoreException(StoreException.Reason.IO, "The incident database " + where
                            + " refused the console: " + server + "; " + advice + ".", t));
                }
            }
        }
        return Optional.empty();
    }

    private static String poolerAdvice(String message) {
        Matcher m = POOLER_REFUSAL.matcher(message);
        if (!m.find()) {
            return null;
        }
        return m.group().equals("no such database") ? "the PgBouncer in front of it pools no database of that name: "
                + "add it to the [databases] section of pgbouncer.ini or correct the URL"
                : LOGIN_ADVICE + "; PgBouncer checks it against its own auth_file or auth_query";
    }

    private static String firstLine(Throwable t) {
        return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    }

    private static Optional<String> refusedStartupParameter(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            Matcher m = REFUSED_PARAMETER.matcher(String.valueOf(c.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    static StoreException translate(SQLException e, String action, String where) {
        Optional<StoreException> refused = pooler(e, where).or(() -> refusedSetup(e, where));
        if (refused.isPresent()) {
            return refused.get();
        }
        StoreException.Reason reason = reason(e);
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String advice = switch (reason) {
            case UNAVAILABLE -> "; entries will be kept locally until it is back";
            case TIMEOUT -> "; another program may hold the database, try again";
            case CORRUPT -> "; move the file aside and start a new store";
            default -> "";
        };
        return new StoreException(reason, "Could not " + action + " in the incident store " + where + " (" + first + ")"
                + advice + ".", e);
    }

    private static StoreException.Reason reason(SQLException e) {
        if (isConnectivity(e)) {
            return StoreException.Reason.UNAVAILABLE;
        }
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return StoreException.Reason.TIMEOUT;
            }
            if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return StoreException.Reason.CORRUPT;
            }
        }
        String state = e.getSQLState();
        if ("57014".equals(state) || "55P03".equals(state)) {
            return StoreException.Reason.TIMEOUT;
        }
        return StoreException.Reason.IO;
    }
}
