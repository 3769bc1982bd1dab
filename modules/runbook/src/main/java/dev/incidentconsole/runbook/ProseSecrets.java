package dev.incidentconsole.runbook;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets stated in a sentence ("the redis password is hunter2", "rotated the password from hunter2 to c0rrect",
 * "the deploy token is 9f8e7d6c..."), for {@link SecretRules}. A note says "password" far more often about the
 * password than with it ("password reset", "the password is stored in vault"), so a word is masked only when it
 * follows a connector that gives a value ({@code is}, {@code was}, {@code :}, {@code from ... to}) and it has the
 * shape of one: long enough, of mixed kinds of characters, not a path, a version, a host-like name, a reference
 * or a hashing scheme.
 */
final class ProseSecrets {
    /**
     * The connectors after which a password's value follows, each perhaps with a colon ("is: X"); a few may follow
     * each other ("was changed to"), a bounded number, as a regex's repeated group recurses once per repetition.
     * "of" and "for" name whose password it is ("password for admin is X"), not its value.
     */
    private static final String CONNECTOR = "(?:is|was|now|set|changed|reset|rotated|updated|from|to|->|:):?";
    /** A value: a word, or a short quoted string, spaces allowed ("Hunter 22"), whose quotes stay readable. */
    private static final String WORD = "(?:\"[^\"\\n]{1,64}\"|'[^'\\n]{1,64}'|[^\\s,;]+)";
    /**
     * The words a note names a password by, with the short forms a hurried engineer types ("admin pw is X", "db
     * pwd: X"); the value's shape still decides. Not "pass" nor "secret": test output ("PASS: TestCache") and
     * manifests ("secret: app-tls-v2") write them before a name. Never a name inside {@code ${} or after {@code $}:
     * that is the shell's expansion ({@code ${PW:-x}}), which the shell model reads.
     */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(?<![{$])\\b(?<name>password|passphrase|passwd|pwd|pw)"
            + "(?:\\s+(?:for|of)\\s+[^\\s,;:]+|\\s*\\([^()\\n]{1,30}\\))?(?:\\s*:[ \\t]*|(?:\\s+" + CONNECTOR + "){1,4}[ \\t]+)"
            + "(?<v>" + WORD + ")(?:,?\\s+to\\s+(?<v2>" + WORD + "))?");
    /** A token or key stated ("token X", "api key: X"): only a long opaque value ({@link #tokenShaped}). */
    private static final Pattern TOKEN = Pattern.compile("(?i)\\b(?:token|api[ _-]?key)(?:\\s*:|\\s+is|\\s+was|\\s+to)?"
            + "[ \\t]+['\"]?(?<v>[A-Za-z0-9_\\-+/=]{20,})");
    /** Words with the shape of a value that say how a password is kept, not what it is. */
    private static final Set<String> SCHEMES = Set.of("sha256", "sha512", "sha-256", "sha-512", "scram-sha-256", "md5",
            "bcrypt", "argon2", "argon2id", "base64", "utf-8", "utf8", "oauth2", "pbkdf2", "totp", "hmac-sha256");
    /**
     * A name numbered after a separator (db-1, db-prod-2), a version (v1.2.3, 2.0.1) or a date: not a value. A
     * name is lower case: one with capitals (Admin_Pass_1) is a chosen password. The
     * version's group is possessive so that it loops rather than recursing per ".1" (a long one overflowed the stack).
     */
    private static final Pattern NAME_LIKE = Pattern.compile("[a-z]+(?:[-_.][a-z]+)*+[-_.]\\d{1,3}|[vV]?\\d++(?:\\.\\d++)++|[\\d:\\-/T.Z+]++");

    /** The connectors ending in "from": the word after it is a source unless a "to" follows. */
    private static final Pattern FROM_LAST = Pattern.compile("(?i)\\sfrom:?[ \\t]+$");
    /**
     * A lower-case compound ending in a word that says how a value is kept ("base64-encoded", "12-characters"), not
     * what it is: only these endings, as a chosen password is often words joined the same way ("hunter2-blue").
     */
    private static final Pattern COMPOUND = Pattern.compile("[a-z0-9-]*-(?:encoded|encrypted|hashed|characters|chars"
            + "|digits?|bits?|long|based|protected|only|generated|managed)");

    /** The words after a suite's name in a test run's line ("PW: Playwright1 suite failed"). */
    private static final Pattern TEST_RUN = Pattern.compile("(?i)\\s+(?:suite|tests?|specs?|passed|failed|flaky)\\b");

    /** Nothing before a word but blanks and perhaps a shell prompt ("$ PW: ..." echoed in a run's output). */
    private static final Pattern OPENS = Pattern.compile("\\s*(?:[$#]\\s+)?");

    private ProseSecrets() {
    }

    /**
     * A "PW" in capitals opening the line (after a prompt perhaps) before a test run's words labels a suite ("PW: Playwright1 suite
     * failed"); "PW: Tr0ub4dor&3x" still names a password. A "pwd" is a password's name like any other: the
     * working directory it prints starts with "/" or "~", which {@link #shaped} never takes for a value, while
     * "root pwd: ab/cd9Kxq" is a password with a slash.
     */
    private static boolean notAPassword(String line, Matcher m) {
        return m.group("name").equals("PW") && OPENS.matcher(line.substring(0, m.start())).matches()
                && TEST_RUN.matcher(line.substring(m.end("v"))).lookingAt();
    }

    /** Adds to {@code spans} the values {@code line} states, offsets shifted by {@code offset}. */
    static void find(String line, String lower, int offset, SpanList spans) {
        if (lower.contains("pass") || lower.contains("pw")) {
            Matcher m = PASSWORD.matcher(line);
            while (m.find()) {
                if (notAPassword(line, m)) {
                    continue;
                }
                // "password from SecretsManager" says where it comes from; "from X to Y" gives two values
                if (m.start("v2") >= 0 || !FROM_LAST.matcher(line.substring(m.start(), m.start("v"))).find()) {
                    value(line, offset, m.start("v"), m.end("v"), spans);
                }
                if (m.start("v2") >= 0) {
                    value(line, offset, m.start("v2"), m.end("v2"), spans);
                }
            }
        }
        if (lower.contains("token") || lower.contains("key")) {
            Matcher m = TOKEN.matcher(line);
            while (m.find()) {
                if (tokenShaped(m.group("v")) && !SecretRules.isVendorToken(m.group("v"))) {
                    spans.add(line, offset, m.start("v"), m.end("v"));
                }
            }
        }
    }

    /** {@code line[start, end)} without the quotes and the sentence's punctuation around it, when it is value-shaped. */
    private static void value(String line, int offset, int start, int end, SpanList spans) {
        int a = start;
        int b = end;
        while (b > a && ".)]\"'".indexOf(line.charAt(b - 1)) >= 0 && !(b - a > 1 && line.charAt(b - 2) == '\\')) {
            b--;
        }
        while (a < b && "([\"'`".indexOf(line.charAt(a)) >= 0) {
            a++;
        }
        // a trailing '!' or '?' ends a sentence as often as a password ("password is wrong!"): the shape is judged
        // without it, and the mask covers it only when the rest is a secret ("Hunter2!")
        int judged = b;
        while (judged > a && "!?".indexOf(line.charAt(judged - 1)) >= 0) {
            judged--;
        }
        if (judged > a && shaped(line.substring(a, judged))) {
            spans.add(line, offset, a, b);
        }
    }

    /**
     * Whether a word reads as a token: letters and digits, many digits or both cases, as random strings have; a
     * resource name ({@code db-creds-production-2024}) has a few digits in lower-case words.
     */
    private static boolean tokenShaped(String v) {
        long digits = v.chars().filter(Character::isDigit).count();
        boolean upper = v.chars().anyMatch(Character::isUpperCase);
        boolean lower = v.chars().anyMatch(Character::isLowerCase);
        return digits > 0 && (upper || lower) && (digits >= 6 || upper && lower);
    }

    /**
     * Whether a word reads as a secret value: six characters or more, of at least two kinds (lower case, upper case
     * after a word's first letter, digits, symbols), and not a path, a URL, a name with a number, a version, a hashing
     * scheme, a lower-case compound ({@code base64-encoded}), a possessive ({@code 1Password's}), a variable or a
     * placeholder (those are {@link SpanList}'s to keep).
     */
    static boolean shaped(String v) {
        if (v.length() < 6 || v.startsWith("/") || v.startsWith("~") || v.contains("://") || v.startsWith("$")
                || v.startsWith("<") || v.startsWith("{") || v.startsWith("%")
                || SCHEMES.contains(v.toLowerCase(Locale.ROOT)) || NAME_LIKE.matcher(v).matches()
                || COMPOUND.matcher(v).matches() || v.endsWith("'s")) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            lower |= Character.isLowerCase(c);
            // a capital starting a word of a quoted phrase ("Not Set") is title case, not a mix
            upper |= k > 0 && Character.isUpperCase(c) && !Character.isWhitespace(v.charAt(k - 1));
            digit |= Character.isDigit(c);
            symbol |= "!@#%^&*+=?~".indexOf(c) >= 0;
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        return kinds >= 2;
    }
}
