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
    private static final Pattern POOLER_REFUSAL = Pattern.compile("^(?:password authentication failed|SASL authentication failed"
            + "|no such user|no such database)");

    /**
     * PostgreSQL's own wording of a refused password, which names the login; PgBouncer's refusal of its client
     * stops after "failed". Relayed by a PgBouncer (08P01 up to 1.20, 28P01 passed through later) it is the
     * pooler's own login to the server failing, typically after a password rotation.
     */
    private static final Pattern SERVER_PASSWORD_REFUSAL = Pattern.compile("^password authentication failed for user \"([^\"]*)\"");

    private static final String LOGIN_ADVICE = "check the user and the password (the Store dialog, PGPASSWORD or "
            + "~/.pgpass; the user also from PGUSER or the URL's user=)";

    private SqlErrors() {
    }

    /**
     * Whether the statement gave up waiting for a lock another session holds ({@code lock_timeout}, SQLState 55P03):
     * the database answered, so it is no outage.
     */
    static boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    /** Like {@link #isConnectivity(Throwable, String)} with the console's login unknown. */
    static boolean isConnectivity(Throwable t) {
        return isConnectivity(t, null);
    }

    /**
     * Whether {@code t} (or a cause) says the database cannot be reached, as opposed to a query error. A pooler
     * that cannot log in to the server itself counts as unreachable: the user's login is fine, and the entries
     * wait in the journal until the pooler's password is fixed.
     *
     * @param login the user the console logs in as, or null when unknown
     */
    static boolean isConnectivity(Throwable t, String login) {
        if (poolerLogin(t, login).isPresent()) {
            return true;
        }
        if (refusedStartupParameter(t).isPresent() || refusedSetup(t, "", login).isPresent()) {
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
    static Optional<StoreException> refusedSetup(Throwable t, String where, String login) {
        if (poolerLogin(t, login).isPresent()) {
            return Optional.empty();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                String server = serverText(s);
                String advice = "42501".equals(s.getSQLState())
                        ? "the login needs the right to create tables in the database's public schema on the first "
                        + "start, and to read and write them later (see the README's team store set-up)"
                        : advice(s.getSQLState(), server);
                if (advice != null) {
                    return Optional.of(new StoreException(StoreException.Reason.IO, "The incident database " + where
                            + " refused the console: " + server + "; " + advice + ".", t));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The pooler's own failed login to the server, relayed to the console: the server's wording of a refused
     * password naming a user other than the console's (or, with the console's user unknown, relayed as 08P01,
     * which PostgreSQL itself never uses for it); empty otherwise.
     */
    static Optional<String> poolerLogin(Throwable t, String login) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && ("08P01".equals(s.getSQLState()) || "28P01".equals(s.getSQLState()))) {
                String server = serverText(s);
                Matcher m = SERVER_PASSWORD_REFUSAL.matcher(server);
                if (m.find() && (login != null ? !m.group(1).equals(login) : "08P01".equals(s.getSQLState()))) {
                    return Optional.of(server);
                }
            }
        }
        return Optional.empty();
    }

    /** The unreachable store's sentence for {@link #poolerLogin}: whose password to fix, and that nothing is lost. */
    static String poolerLoginMessage(String where, String server) {
        return "The connection pooler in front of the incident database " + where + " cannot log in to PostgreSQL "
                + "itself (" + server + "): its own password in pgbouncer.ini's [databases] line or auth_file is out of "
                + "date, not yours; entries are kept locally until it is fixed.";
    }

    /** What to change for a refusal with this SQLState and server text, or null when there is nothing to advise. */
    private static String advice(String state, String server) {
        return switch (state) {
            case "28P01" -> LOGIN_ADVICE;
            case "28000" -> server.startsWith("no pg_hba.conf entry") ? "the server's pg_hba.conf has no line letting "
                    + "this host, user and database in" + (server.endsWith("no encryption") ? " without encryption: "
                    + "add sslmode=require to the URL if the server offers SSL, or" : ":") + " ask its administrator "
                    + "to add one"
                    : server.endsWith("is not permitted to log in") ? "the role exists but may not log in: a "
                    + "superuser runs ALTER ROLE ... LOGIN, or use the team's login"
                    : server.startsWith("pg_hba.conf rejects") ? "the server's pg_hba.conf rejects this host, user "
                    + "and database; ask its administrator" : LOGIN_ADVICE;
            case "3D000" -> "create it (createdb -O OWNER DATABASE, as a superuser) or correct the URL";
            case "08P01" -> poolerAdvice(server);
            default -> null;
        };
    }

    private static String serverText(SQLException s) {
        return firstLine(s).replaceFirst("^FATAL: +|^ERROR: +", "");
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

    /**
     * A failed first connection (open, connect) as the sentence that says what to change: a refusal in the
     * set-up's words, anything else as {@link #translate}.
     */
    static StoreException translateFirst(SQLException e, String action, String where, String login) {
        return pooler(e, where).or(() -> refusedSetup(e, where, login))
                .orElseGet(() -> translate(e, action, where, login));
    }

    /**
     * A failed read or write on an open store: the action, the server's first line and, where one helps, what to
     * do; never the first start's wording, which would misdirect a user whose store has worked so far.
     */
    static StoreException translate(SQLException e, String action, String where, String login) {
        Optional<String> poolerLogin = poolerLogin(e, login);
        if (poolerLogin.isPresent()) {
            return new StoreException(StoreException.Reason.UNAVAILABLE, poolerLoginMessage(where, poolerLogin.get()), e);
        }
        StoreException.Reason reason = reason(e, login);
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String refusal = e.getSQLState() == null ? null
                : "42501".equals(e.getSQLState()) ? "the login lacks the right to read or write the console's tables"
                + " (see the README's team store set-up)" : advice(e.getSQLState(), serverText(e));
        String advice = switch (reason) {
            case UNAVAILABLE -> "; entries will be kept locally until it is back";
            case TIMEOUT -> "; another program may hold the database, try again";
            case CORRUPT -> "; move the file aside and start a new store";
            default -> refusal == null ? "" : "; " + refusal;
        };
        return new StoreException(reason, "Could not " + action + " in the incident store " + where + " (" + first + ")"
                + advice + ".", e);
    }

    private static StoreException.Reason reason(SQLException e, String login) {
        if (isConnectivity(e, login)) {
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
