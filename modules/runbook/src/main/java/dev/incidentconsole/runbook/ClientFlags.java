package dev.incidentconsole.runbook;

import static dev.incidentconsole.runbook.SecretClients.DASH_P;
import static dev.incidentconsole.runbook.SecretClients.MYSQL;
import static dev.incidentconsole.runbook.SecretClients.REDIS;
import static dev.incidentconsole.runbook.SecretClients.SECRET_FLAG;
import static dev.incidentconsole.runbook.SecretClients.USER_FLAGS;
import static dev.incidentconsole.runbook.SecretClients.isProse;

import dev.incidentconsole.shell.CurlArgs;
import dev.incidentconsole.shell.Flags;
import dev.incidentconsole.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The flags of one program's invocation that carry a secret, for {@link CommandSecrets}: secret long flags and
 * {@code -u user:pass} whatever the program, and each client's own short flags ({@code psql -p 5432} is a port,
 * {@code mysql -pX} a password). Each found value goes to a {@link WordSpans}.
 */
final class ClientFlags {
    /** OpenLDAP's clients, whose {@code -w} is the bind password. */
    private static final Set<String> LDAP = Set.of("ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapmodrdn",
            "ldappasswd", "ldapwhoami", "ldapcompare", "ldapexop");
    /** openssl's flags whose value may be {@code pass:PASSWORD}. */
    private static final Set<String> OPENSSL_PASS = Set.of("-passin", "-passout", "-pass", "-password");
    /** rabbitmqctl's commands whose third operand is a password. */
    private static final Set<String> RABBIT_PASSWORD = Set.of("add_user", "change_password", "authenticate_user");
    /** The vault CLI's flags that take no value, so the word after them may be the token. */
    private static final Set<String> VAULT_SWITCHES = Set.of("no-print", "no-store", "token-only", "tls-skip-verify",
            "non-interactive", "h", "help", "no-color");

    /** The value types CLI help prints after a flag (cobra, pflag, click). */
    private static final Set<String> HELP_TYPES = Set.of("string", "strings", "stringArray", "stringSlice", "int",
            "uint", "duration", "bool", "float", "TEXT", "INTEGER", "PATH", "FILE", "VALUE");

    private ClientFlags() {
    }

    /** Secret long flags, {@code -u user:pass} and {@code --from-literal}, whatever the program. */
    static void flags(List<Word> args, WordSpans spans) {
        for (int k = 0; k < args.size(); k++) {
            Word w = args.get(k);
            String v = w.value();
            Word next = k + 1 < args.size() ? args.get(k + 1) : null;
            int eq = v.indexOf('=');
            String name = eq > 0 ? v.substring(0, eq) : v;
            if (v.startsWith("-") && SECRET_FLAG.matcher(name).matches()) {
                // a vendor's token keeps its prefix readable: its own rule masks the rest (--api-key sk_live_****)
                if (eq > 0 && !keepsPrefix(v.substring(eq + 1))) {
                    spans.value(w, eq + 1);
                } else if (eq < 0 && next != null && !next.value().startsWith("-")
                        && (next.quoted() || !isProse(next.value())) && !keepsPrefix(next.value())
                        && !helpLine(args, k)) {
                    spans.value(next, 0);
                }
            } else if (USER_FLAGS.contains(name)) {
                Word holder = eq > 0 ? w : next;
                userPassword(holder, eq > 0 ? eq + 1 : 0, spans);
            } else if (v.startsWith("-u") && !v.startsWith("--")) {
                userPassword(w, 2, spans);
            } else if (name.equals("--from-literal")) {
                Word holder = eq > 0 ? w : next;
                int from = eq > 0 ? eq + 1 : 0;
                int second = holder == null ? -1 : holder.value().indexOf('=', from);
                if (second > from) {
                    spans.value(holder, second + 1);
                }
            }
        }
    }

    /**
     * Whether the secret flag {@code args[k]} is listed in a CLI's help ({@code --api-key string   API key used...},
     * {@code --account-key    Storage account key}): a column of blanks after it, or after a type name after it, and
     * a description following; a value is written one blank after its flag.
     */
    private static boolean helpLine(List<Word> args, int k) {
        if (k + 2 >= args.size()) {
            return false;
        }
        Word next = args.get(k + 1);
        boolean column = next.start() - args.get(k).end() >= 3;
        boolean typed = HELP_TYPES.contains(next.value()) && args.get(k + 2).start() - next.end() >= 2;
        return !next.quoted() && (column || typed);
    }

    /** A vendor's token, or one masked already ({@code sk_live_****}): its rule keeps the prefix readable. */
    private static boolean keepsPrefix(String value) {
        return SecretRules.isVendorToken(value)
                || value.length() > SecretMasker.MASK.length() && value.endsWith(SecretMasker.MASK);
    }

    /** The clients whose short flags carry a password, each with its own letters. */
    static void client(String program, List<Word> args, List<String> values, WordSpans spans) {
        if (MYSQL.contains(program)) {
            shortFlag(args, values, 'p', "uhPSeD", true, false, spans);
        } else if (REDIS.contains(program)) {
            shortFlag(args, values, 'a', "hpsunrid", false, false, spans);
        } else if (DASH_P.contains(program)) {
            shortFlag(args, values, 'p', "uhHPVkfe", false, false, spans);
        } else if (LDAP.contains(program)) {
            shortFlag(args, values, 'w', "bDHhpsfyeEoOPRUXYzl", false, false, spans);
        } else if (program.equals("sqlcmd") || program.equals("bcp")) {
            shortFlag(args, values, 'P', "SUdQqiosHlfaWyYhcLtmrkvNeFTx", false, false, spans);
        } else if (program.equals("smbclient") || program.equals("rpcclient")) {
            for (Flags.Value f : Flags.shortValues(values, 'U', "sOnWLIpDcdPtTmAaE", false, false)) {
                int percent = values.get(f.arg()).indexOf('%', f.from());
                if (percent >= 0) {
                    spans.value(args.get(f.arg()), percent + 1);
                }
            }
        } else if (program.equals("sshpass")) {
            shortFlag(args, values, 'p', "fdP", false, true, spans);
        } else if (program.equals("curl")) {
            CurlArgs curl = CurlArgs.parse(values);
            int at = CurlHolders.user(values, curl.user());
            if (at >= 0) {
                userPassword(args.get(at), values.get(at).length() - curl.user().length(), spans);
            }
            at = -1;
            for (String cookie : curl.cookies()) {
                at = CurlHolders.cookie(values, cookie, at + 1);
                if (at < 0) {
                    break;
                }
                int base = values.get(at).length() - cookie.length();
                Matcher pair = SecretRules.COOKIE_PAIR.matcher(cookie);
                while (cookie.indexOf('=') > 0 && pair.find()) { // without '=' it names a file
                    spans.value(args.get(at), base + pair.start("v"), base + pair.end("v"));
                }
            }
        }
        positional(program, args, values, spans);
        ToolSecrets.find(program, args, values, spans);
        // a login subcommand (docker login, helm registry login, az login), not a word such as ssh's -l login
        int login = values.indexOf("login");
        if (login >= 0 && login <= 1 && !values.get(0).startsWith("-")) {
            List<String> after = values.subList(login + 1, values.size());
            for (Flags.Value f : Flags.shortValues(after, 'p', "u", false, false)) {
                spans.value(args.get(login + 1 + f.arg()), f.from());
            }
        }
    }

    /**
     * Passwords and tokens given as operands: {@code htpasswd -b file user PW} (also {@code -nb user PW}),
     * {@code rabbitmqctl add_user|change_password user PW}, {@code vault login TOKEN}, and openssl's
     * {@code -passin/-passout/-pass pass:PW} ({@code env:}, {@code file:} name where it is), {@code openssl enc -k PW}.
     */
    private static void positional(String program, List<Word> args, List<String> values, WordSpans spans) {
        List<Integer> operands = new ArrayList<>();
        boolean batch = false;
        for (int k = 0; k < values.size(); k++) {
            String v = values.get(k);
            if (v.startsWith("-") && !v.startsWith("--")) {
                batch |= v.indexOf('b') > 0;
            } else if (!v.startsWith("-")) {
                operands.add(k);
            }
            if (program.equals("vault") && takesVaultValue(v)) {
                k++; // -address https://vault:8200 is a flag's value, not the token
            }
            if (program.equals("openssl") && OPENSSL_PASS.contains(v) && k + 1 < values.size()
                    && values.get(k + 1).startsWith("pass:")) {
                spans.value(args.get(k + 1), "pass:".length());
            }
            if (program.equals("openssl") && v.equals("-k") && k + 1 < values.size()) {
                spans.value(args.get(k + 1), 0); // openssl enc -k PASS: the password itself (-kfile names a file)
            }
        }
        int secret = -1;
        if (program.equals("htpasswd") && batch && operands.size() >= 2) {
            secret = operands.get(operands.size() - 1);
        } else if (program.equals("rabbitmqctl")) {
            for (int i = 0; i + 2 < operands.size() && secret < 0; i++) {
                secret = RABBIT_PASSWORD.contains(values.get(operands.get(i))) ? operands.get(i + 2) : -1;
            }
        } else if (program.equals("vault") && operands.size() >= 2 && values.get(operands.get(0)).equals("login")
                && values.get(operands.get(1)).indexOf('=') < 0) {
            secret = operands.get(1);
        }
        if (secret >= 0 && !values.get(secret).startsWith("-")) {
            spans.value(args.get(secret), 0);
        }
    }

    /**
     * Whether the vault CLI reads the next word as {@code v}'s value: its flags take one unless given with {@code =}
     * or they are switches (Go's flag package).
     */
    private static boolean takesVaultValue(String v) {
        return v.startsWith("-") && v.length() > 1 && v.indexOf('=') < 0
                && !VAULT_SWITCHES.contains(v.replaceFirst("^--?", ""));
    }

    private static void shortFlag(List<Word> args, List<String> values, char letter, String valueLetters,
                                  boolean attachedOnly, boolean stopAtOperand, WordSpans spans) {
        for (Flags.Value f : Flags.shortValues(values, letter, valueLetters, attachedOnly, stopAtOperand)) {
            spans.value(args.get(f.arg()), f.from());
        }
    }

    /** {@code user:password} from {@code from} in {@code w}: the part after the first colon (not a URL's). */
    private static void userPassword(Word w, int from, WordSpans spans) {
        if (w == null) {
            return;
        }
        String v = w.value();
        int colon = v.indexOf(':', from);
        if (colon < from || v.startsWith("//", colon + 1) || v.substring(from, colon).indexOf('/') >= 0) {
            return;
        }
        spans.value(w, colon + 1);
    }
}
