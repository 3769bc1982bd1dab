package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Flags;
import dev.incidentconsole.shell.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secrets that tools take in their own ways, for {@link ClientFlags}: as operands ({@code aws configure set
 * aws_secret_access_key X}, {@code mc alias set s3 URL KEY SECRET}, {@code redis-cli AUTH [user] X}, {@code ACL SETUSER u >X}) or as flags of
 * their own style ({@code keytool -storepass X}, {@code zip -P X}, {@code 7z -pX}, {@code ssh-keygen -N X}).
 */
final class ToolSecrets {
    /** keytool's password flags: one dash, a whole word ({@code -storepass}, {@code -destkeypass}, {@code -new}). */
    private static final Pattern KEYTOOL_PASS = Pattern.compile("-(?:src|dest)?(?:store|key)pass|-new");
    private static final Set<String> ZIP = Set.of("zip", "unzip", "zipcloak");
    private static final Set<String> SEVEN_ZIP = Set.of("7z", "7za", "7zr");
    /** mc's flags that take the next word as their value ({@code --api S3v4}), so that word is no operand. */
    private static final Set<String> MC_VALUE_FLAGS = Set.of("--api", "--path", "--config-dir", "-C", "--limit-upload",
            "--limit-download", "--custom-header", "-H", "--resolve", "--conn-read-deadline", "--conn-write-deadline");
    /** redis-cli's flags that take the next word as their value, so that the command is the first word after them. */
    private static final Set<String> REDIS_VALUE_FLAGS = Set.of("-h", "-p", "-s", "-a", "-u", "-r", "-i", "-n", "-d",
            "-D", "-X", "--user", "--pass", "--sni", "--cacert", "--cacertdir", "--cert", "--key", "--tls-ciphers",
            "--tls-ciphersuites", "--eval", "--pattern", "--quoted-pattern", "--count", "--memkeys-samples", "--rdb",
            "--functions-rdb", "--pipe-timeout", "--intrinsic-latency", "--lru-test");
    /** ssh-keygen's option letters that take a value, besides the passphrases -N and -P. */
    private static final String SSH_KEYGEN_VALUES = "bCEfFIJjKmMnOrsSTtwYZaDz";

    private ToolSecrets() {
    }

    /** Adds the secrets {@code program}'s arguments give in its own way; {@code values} are {@code args}' values. */
    static void find(String program, List<Word> args, List<String> values, WordSpans spans) {
        switch (program) {
            case "aws" -> awsConfigure(args, values, spans);
            case "mc" -> minioAlias(args, values, spans);
            case "keytool" -> {
                for (int k = 0; k + 1 < values.size(); k++) {
                    if (KEYTOOL_PASS.matcher(values.get(k)).matches() && !values.get(k + 1).startsWith("-")) {
                        spans.value(args.get(k + 1), 0);
                    }
                }
            }
            case "ssh-keygen" -> {
                shortFlag(args, values, 'N', SSH_KEYGEN_VALUES + "P", spans);
                shortFlag(args, values, 'P', SSH_KEYGEN_VALUES + "N", spans);
            }
            default -> {
                if (ZIP.contains(program)) {
                    shortFlag(args, values, 'P', "bndtxiI", spans);
                } else if (SEVEN_ZIP.contains(program)) {
                    for (Flags.Value f : Flags.shortValues(values, 'p', "oirxmtwv", true, false)) {
                        spans.value(args.get(f.arg()), f.from());
                    }
                } else if (SecretClients.REDIS.contains(program)) {
                    redisAuth(args, values, spans);
                }
            }
        }
    }

    /** {@code aws configure set [profile.]aws_secret_access_key X}: the value of a setting that names a secret. */
    private static void awsConfigure(List<Word> args, List<String> values, WordSpans spans) {
        int set = values.indexOf("set");
        if (set < 1 || !values.get(set - 1).equals("configure") || set + 2 >= values.size()) {
            return;
        }
        String name = values.get(set + 1);
        String key = name.substring(name.lastIndexOf('.') + 1);
        if (SecretRules.isSecretName(key, values.get(set + 2))) {
            spans.value(args.get(set + 2), 0);
        }
    }

    /** {@code mc alias set NAME URL ACCESS_KEY SECRET_KEY} (also the older {@code mc config host add}). */
    private static void minioAlias(List<Word> args, List<String> values, WordSpans spans) {
        int at = -1;
        for (int k = 0; k + 1 < values.size() && at < 0; k++) {
            boolean alias = values.get(k).equals("alias") && values.get(k + 1).equals("set");
            boolean host = values.get(k).equals("host") && values.get(k + 1).equals("add");
            at = alias || host ? k + 2 : -1;
        }
        int operand = 0;
        for (int k = Math.max(at, 0); at >= 0 && k < values.size(); k++) {
            if (MC_VALUE_FLAGS.contains(values.get(k))) {
                k++; // --api S3v4: a flag's value, not the access or secret key
            } else if (!values.get(k).startsWith("-") && ++operand == 4) {
                spans.value(args.get(k), 0);
            }
        }
    }

    /**
     * {@code redis-cli AUTH X}, {@code AUTH user X}, {@code HELLO 3 AUTH user X}, {@code ACL SETUSER u on >X}: only as
     * the command (its first operand), so that a key named auth ({@code HGET auth session_id}) stays.
     */
    private static void redisAuth(List<Word> args, List<String> values, WordSpans spans) {
        int k = 0;
        while (k < values.size() && values.get(k).startsWith("-")) {
            k += REDIS_VALUE_FLAGS.contains(values.get(k)) ? 2 : 1;
        }
        String command = k < values.size() ? values.get(k).toUpperCase(Locale.ROOT) : "";
        if (command.equals("HELLO")) {
            int auth = k + 1 < values.size() && values.get(k + 1).matches("\\d+") ? k + 2 : k + 1;
            if (auth + 2 < values.size() && values.get(auth).equalsIgnoreCase("AUTH")) {
                spans.value(args.get(auth + 2), 0);
            }
        } else if (command.equals("AUTH") && k + 1 < values.size()) {
            spans.value(args.get(k + 2 < values.size() && !values.get(k + 2).startsWith("-") ? k + 2 : k + 1), 0);
        } else if (command.equals("ACL") && k + 2 < values.size() && values.get(k + 1).equalsIgnoreCase("SETUSER")) {
            for (int r = k + 3; r < values.size(); r++) {
                String rule = values.get(r);
                if (rule.length() > 1 && (rule.charAt(0) == '>' || rule.charAt(0) == '<')) {
                    spans.value(args.get(r), 1); // >pw adds a password, <pw removes one: both in clear
                }
            }
        }
    }

    private static void shortFlag(List<Word> args, List<String> values, char letter, String valueLetters,
                                  WordSpans spans) {
        for (Flags.Value f : Flags.shortValues(values, letter, valueLetters, false, false)) {
            spans.value(args.get(f.arg()), f.from());
        }
    }
}
