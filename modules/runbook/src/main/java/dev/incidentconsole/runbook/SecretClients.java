package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Wrappers;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link CommandSecrets} knows of programs and words: each client's secret flags, the programs read as a
 * command's in free text, the guard words a line must hold before it is worth a parse, and prose that is never
 * a flag's value.
 */
final class SecretClients {
    static final Set<String> MYSQL = Set.of("mysql", "mysqldump", "mysqladmin", "mysqlcheck", "mysqlimport",
            "mysqlshow", "mysqlbinlog", "mysqlpump", "mysqlsh", "mariadb", "mariadb-dump", "mariadb-admin");
    static final Set<String> DASH_P = Set.of("mongo", "mongosh", "mongodump", "mongorestore", "mongoexport",
            "mongoimport", "mongostat", "mongotop", "cqlsh", "rabbitmqadmin", "twine");
    static final Set<String> REDIS = Set.of("redis-cli", "keydb-cli", "valkey-cli");
    static final Set<String> USER_FLAGS = Set.of("-u", "--user", "--proxy-user", "-U");
    /** Flags whose value is a secret: --password, --client-secret, -pass, --token (the last segment names it). */
    static final Pattern SECRET_FLAG = Pattern.compile(
            "(?i)--?(?!no-)(?:[a-z0-9]++-)*+(?:password|passwd|secret|token|pass|pwd|apikey|(?<=api-|account-|secret-)key)");
    /** A word that follows a secret flag in prose ("pass --token to the CLI"), never as its value (quoted ones are). */
    private static final Set<String> PROSE = Set.of("to", "the", "a", "an", "and", "or", "for", "with", "of", "in",
            "on", "is", "are", "was", "when", "if", "as", "flag", "option", "argument", "instead", "also", "from", "via",
            "at", "by", "then");
    /** Programs whose words this reader reads as a command's in free text: the clients, wrappers, scripts, feeders. */
    static final Set<String> PROGRAMS = programs();
    /**
     * Lower-case words one of which a line of free text holds before it is worth reading as a command: a client's
     * name, a secret flag's dash. {@code NAME=value} in free text is the patterns' (see {@link SecretRules}), so a
     * log line that only says "token" costs no parse.
     */
    private static final List<String> GUARDS = List.of("mysql", "mariadb", "redis-cli", "keydb-cli", "valkey-cli",
            "mongo", "cqlsh", "rabbitmqadmin", "sshpass", "login", "curl", "-pass", "-pwd", "-secret", "-token", "-u",
            "--user", "--from-literal", "htpasswd", "pass:", "rabbitmqctl", "vault login", "ldap", "sqlcmd", "bcp ", "smbclient", "rpcclient", "openssl", "$(echo", "$(printf", "`echo", "`printf",
            "aws configure", "mc alias", "mc config", "keytool", "zip ", "7z", "ssh-keygen", "twine", "-key", "sudo",
            "chpasswd");

    /** Whether a lower-cased line of free text may hold a command-line secret form. */
    static boolean mayHold(String lowerLine) {
        for (String g : GUARDS) {
            if (lowerLine.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /** Where the first blank-separated word of {@code text} naming a known program starts, or -1. */
    static int programNamedAt(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start && PROGRAMS.contains(Wrappers.basename(text.substring(start, i)))) {
                return start;
            }
        }
        return -1;
    }

    private static Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(Set.of("sshpass", "curl", "sudo", "env", "sh", "bash", "zsh", "ssh",
                "kubectl", "oc", "docker", "podman", "helm", "az", "echo", "printf", "export", "vault", "psql", "htpasswd",
                "openssl", "rabbitmqctl", "ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldappasswd", "ldapwhoami",
                "sqlcmd", "bcp", "smbclient", "rpcclient", "aws", "mc", "keytool", "zip", "unzip", "7z", "7za",
                "ssh-keygen", "chpasswd"));
        all.addAll(MYSQL);
        all.addAll(DASH_P);
        all.addAll(REDIS);
        return Set.copyOf(all);
    }

    static boolean isProse(String v) {
        String word = v;
        while (!word.isEmpty() && ".,;:!?)".indexOf(word.charAt(word.length() - 1)) >= 0) {
            word = word.substring(0, word.length() - 1);
        }
        return PROSE.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private SecretClients() {
    }
}
