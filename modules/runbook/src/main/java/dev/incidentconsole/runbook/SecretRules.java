package dev.incidentconsole.runbook;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret forms of free text {@link SecretMasker} knows (those a command line gives as shell words are
 * {@link CommandSecrets}'), each a pattern whose group {@code v} is the secret part:
 * only that part is masked, so flag names, keys, user names, hosts and paths stay readable and the
 * quotes around a value stay in place. Rules work on one line at a time and run only on lines holding
 * one of their guard words, so a megabyte of ordinary output costs a lower-casing pass rather than
 * twenty regex scans.
 */
final class SecretRules {

    /**
     * The inside of a double-quoted string, escapes allowed, written as runs between escapes: a repeated group of
     * Java's regex recurses once per repetition, so one repetition per character overflowed the stack on a long value.
     */
    private static final String DQ = "[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+";
    /**
     * A value: a quoted string (the span is its inside), or a run of characters that ends where shell words end; a
     * command substitution ({@code $(cat /run/pw)}) is read whole, so that it is seen as the reference it is. Plain
     * characters are matched as runs, for the reason {@link #DQ} gives, and the group of runs, escapes and {@code $}s
     * is possessive, so that it loops instead of recursing ({@code a$a$...} overflowed at 1.5 KB): giving back
     * never helps, as a value ends its rule or is followed by {@code \s*$}, which a shorter value cannot reach.
     */
    static final String VALUE = "(?:\"(?<dq>" + DQ + ")\"|'(?<sq>[^']*)'|(?<v>(?:[^\\s&;'\"`,|<>()\\\\$]++"
            + "|\\\\.|\\$\\([^()]*\\)|\\$)++))";
    /**
     * Names whose value after '=' (or ':' in JSON) is a secret: PGPASSWORD, MYSQL_PWD, REDISCLI_AUTH, AccountKey...;
     * not a chart's {@code existingSecret}, which names a Kubernetes Secret.
     */
    private static final String SECRET_NAME = "(?:password|passwd|(?<!existing|existing[_-])secret"
            // Vault's secret_id=X; not an AWS secret's name, path or ARN (--secret-id=prod/db/password)
            + "|secret_id(?==[^\\s/:'\"]++(?!\\S))|token|apikey|api[_-]key|accountkey"
            + "|sharedaccesskey|access[_-]?key|secret[_-]?key|sshpass|[_-](?:pass|pwd|pw|auth)"
            // a key that sorts, pages, dedupes or routes is no secret's (?sort-key=created_at, idempotency-key=req-1)
            + "|(?<!sort|page|idempotency|partition|cache|routing|primary|foreign|hash|range|dedup|group|shard|lookup"
            + "|index|object|row|cursor|design)[_-]key"
            + "|(?<![\\w-])(?:pass|pw|pwd(?!\\s*=\\s*/)))";

    /** {@link #SECRET_NAME} ending just before an '=': read over "name=value" so that PWD=/path is no secret. */
    private static final Pattern SECRET_NAME_BEFORE_EQUALS = Pattern.compile("(?i)" + SECRET_NAME + "=");

    static final String[] GROUPS = {"v", "dq", "sq", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10",
            "v11", "v12", "v13", "v14", "v15", "v16", "v17"};

    /** One form; {@code guards} are lower-case words one of which a line must hold for the pattern to run. */
    record Rule(String family, Pattern pattern, List<String> guards, List<String> groups) {
        Rule(String family, String regex, String... guards) {
            this(family, Pattern.compile(regex), List.of(guards),
                    Arrays.stream(GROUPS).filter(g -> regex.contains("(?<" + g + ">")).toList());
        }

        boolean mayMatch(String lowerLine) {
            for (String g : guards) {
                if (lowerLine.contains(g)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final Pattern PEM = Pattern.compile(
            "-----BEGIN (?:(?!PRIVATE )[A-Z0-9]++ )*+PRIVATE KEY(?: BLOCK)?-----(?<body>[\\s\\S]*?)(?:-----END|\\z)");

    static final List<Rule> RULES = List.of(
            new Rule("url-userinfo", "(?i)\\b[a-z][a-z0-9+.\\-]*://[^\\s:/@'\"]*:(?<v>[^\\s@/'\"]+)@", "://"),
            new Rule("authorization", "(?i)\\bAuthorization\\s*[:=]\\s*(?:(?:Bearer|Basic|Token|Digest|Negotiate|Bot)\\s+)?"
                    + "(?<v>[^\\s'\"]+)", "authorization"),
            new Rule("bearer", "(?i)\\bBearer\\s+(?<v>[A-Za-z0-9\\-._~+/]{8,}=*)", "bearer"),
            new Rule("api-key-header", "(?i)(?<![/\\w.-])(?:x-[\\w-]*(?:key|token|secret|auth)|private-token|api-key|apikey"
                    + "|ocp-apim-subscription-key)\\s*:\\s*(?<v>[^\\s'\"]+)", "x-", "private-token", "api-key", "apikey",
                    "subscription-key"),
            new Rule("secret-assignment", "(?i)" + SECRET_NAME + "\\s*=(?!=)\\s*" + VALUE,
                    "pass", "pw", "secret", "token", "key", "auth"),
            // also a cloud's signed URL: X-Amz-Signature=, X-Goog-Signature= (a bearer credential until it expires); named
            // keys only, as ?sort-key=, ?idempotency-key=, ?design-sig= name no secret
            new Rule("query-parameter", "(?i)[?&](?:x-amz-|x-goog-|api-|account-|access-|subscription-|secret-)?"
                    + "(?:key|auth|sig|signature|security-token)=(?<v>[^&#\\s'\"]+)",
                    "key=", "auth=", "sig=", "signature=", "token="),
            new Rule("netrc", "(?i)\\b(?:machine\\s+\\S+|default)(?:\\s+(?:login|account)\\s+\\S+)*+\\s+password\\s+"
                    + VALUE, "password"),
            // the "password X" line of a netrc entry written over several lines
            new Rule("netrc-line", "(?i)^\\s*password\\s+" + VALUE + "\\s*$", "password"),
            // SQL that sets a password: ALTER USER ... WITH PASSWORD 'x', CREATE USER ... IDENTIFIED BY "x", SET PASSWORD
            // FOR u = 'x'. A bare PASSWORD is read in any case only on a line that creates or alters a user or role,
            // as "password 'x'" in a sentence is rarely SQL; anchored, so the scan for that line runs once.
            new Rule("sql-password", "(?:(?:(?i:\\bWITH\\s+(?:ENCRYPTED\\s+)?PASSWORD)|\\bPASSWORD"
                    + "|(?i:^(?=.*\\b(?:alter|create)\\s+(?:user|role)\\b).*?\\bpassword)"
                    + "|(?i:\\bIDENTIFIED\\s+(?:WITH\\s+\\w+\\s+)?BY))\\s+"
                    + "|(?i:\\bSET\\s+PASSWORD(?:\\s+FOR\\s+[^=\\s]+)?\\s*=\\s*))"
                    + "(?:'(?<sq>[^']*)'|\"(?<dq>" + DQ + ")\")", "password", "identified"),
            // Redis: CONFIG SET requirepass x, and a redis.conf line "requirepass x", also as grep or a log prints it
            // ("/etc/redis/redis.conf:12:requirepass x", grep's context "redis.conf-12-requirepass x", "ran: requirepass
            // x"), after a prompt or a trace's '+'; a file is a path or a .conf ("WARNING: requirepass off" is prose)
            new Rule("redis-config", "(?i)\\bCONFIG\\s+SET\\s+(?:requirepass|masterauth)\\s+" + VALUE,
                    "requirepass", "masterauth"),
            // Redis ACL rules that set or remove a password: ACL SETUSER u on >x <y (unquoted, which a shell reads
            // as a redirection, so it is read here)
            new Rule("redis-acl", "(?i)(?:\\bACL\\s+SETUSER\\s+\\S+|\\G(?!^))(?:\\s+(?![<>])\\S+)*?\\s+[<>]"
                    + "(?<v>[^\\s<>'\"]+)", "setuser"),
            // a redis-cli session's transcript: "127.0.0.1:6379> AUTH [user] x", after a prompt or a label too
            new Rule("redis-prompt-auth", "(?i)(?<![\\w.:-])(?:[\\w.-]++:\\d+(?:\\[\\d+])?|not connected)>\\s*AUTH\\s+(?:[^\\s'\"]+\\s+)?"
                    + VALUE + "\\s*$", "> auth"),
            new Rule("redis-conf-line", "(?i)^\\s*(?:(?:(?:[^\\s:]*?/[^\\s:]*+|[^\\s:]*?\\.conf)(?::\\d++)?:"
                    + "|[^\\s:]*?\\.conf-\\d++-|ran:|[$>+]++)[ \\t]*+)*+(?:requirepass|masterauth)\\s+" + VALUE
                    + "\\s*$", "requirepass", "masterauth"),
            // a ~/.pgpass line, as cat prints it (after a prompt or a label too): host:port:database:user:password; a host
            // is not a number (10:00:00:1:x is a time)
            new Rule("pgpass-line", "(?<!\\S)(?=[^:\\s]*[^\\d:\\s])[^:\\s]++:(?:\\d{1,5}|\\*):[^:\\s]++:[^:\\s]++:(?<v>\\S++)$", ":"),
            // mysqld's first start: "A temporary password is generated for root@localhost: x"
            new Rule("mysql-temporary-password", "(?i)\\btemporary password is generated for \\S+: (?<v>\\S+)",
                    "temporary password"),
            new Rule("json-key", "(?i)\"[\\w.-]*(?:password|passwd|secret|(?-i:SecretID)|secret_id|token|api_?key|accesskey|access_key"
                    + "|private_?key|credentials?)\"\\s*:\\s*\"(?<dq>" + DQ + ")\"",
                    "pass", "secret", "token", "key", "credential"),
            new Rule("yaml-key", "(?i)^\\s*-?\\s*[\\w.-]*(?:password|passwd|secret|(?-i:SecretID)|secret_id|token|api_?key)\\s*:[ \\t]+"
                    + "(?:\"(?<dq>" + DQ + ")\"|'(?<sq>[^']*)'|(?<v>[^\\s|>'\"#](?:[^#]*[^\\s#])?))\\s*(?:#.*)?$",
                    "pass", "secret", "token", "key"),
            new Rule("aws-access-key-id", "\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA)"
                    + "(?<v>[A-Z0-9]{16})\\b", "akia", "asia", "abia", "acca", "agpa", "aida", "aipa", "anpa", "anva",
                    "apka", "aroa"),
            new Rule("vendor-token", "\\b(?:gh[pousr]_(?<v>[A-Za-z0-9]{20,})|github_pat_(?<v2>\\w{20,})"
                    + "|gl(?:pat|ptt|dt|rt|cbt)-(?<v3>[\\w-]{20,})|xox[abposre]-(?<v4>[A-Za-z0-9-]{10,})"
                    + "|xapp-(?<v5>[A-Za-z0-9-]{10,})|(?:sk|rk)_(?:live|test)_(?<v6>[A-Za-z0-9]{10,})"
                    + "|whsec_(?<v7>[A-Za-z0-9]{10,})|sk-(?:proj-|ant-(?:api\\d\\d-)?)?(?<v8>[\\w-]{20,})"
                    + "|AIza(?<v9>[\\w-]{35})|npm_(?<v10>[A-Za-z0-9]{36})|hv[sb]\\.(?<v11>[\\w-]{20,})"
                    + "|dop_v1_(?<v12>[a-f0-9]{64})|SG\\.(?<v13>[\\w-]{16,}\\.[\\w-]{16,})|dckr_pat_(?<v14>[\\w-]{20,})"
                    + "|pypi-(?<v15>[\\w-]{50,})|shp(?:at|ss|ca|pa)_(?<v16>[a-fA-F0-9]{32})"
                    + "|GR1348941(?<v17>[\\w-]{20,}))",
                    "gh", "github_pat_", "gl", "xox", "xapp-", "_live_", "_test_", "whsec_", "sk-", "aiza", "npm_",
                    "hvs.", "hvb.", "dop_v1_", "sg.", "dckr_pat_", "pypi-", "shp", "gr1348941"),
            // a chat webhook's URL is its own credential: anyone holding it can post (the last segment is the secret)
            new Rule("webhook-url", "(?i)\\bhooks\\.slack\\.com/(?:services|workflows|triggers)/(?:[\\w-]++/)+?(?<v>[\\w-]{16,})/?(?![\\w/-])"
                    + "|\\bdiscord(?:app)?\\.com/api/webhooks/\\d++/(?<v2>[\\w-]{16,})", "hooks.slack.com", "/api/webhooks/"),
            new Rule("jwt", "\\b(?<v>eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})", "eyj"));

    /** Cookie headers: every value of a {@code name=value} pair (Set-Cookie: the first); curl's flag is {@link CommandSecrets}'. */
    static final Pattern COOKIE = Pattern.compile("(?i)\\b(?<set>set-)?cookie\\s*:\\s*(?<pairs>[^\\r\\n'\"]+)");
    /** A cookie's {@code name=value} pair in a header or curl's {@code -b}; {@code v} is the value. */
    static final Pattern COOKIE_PAIR = Pattern.compile("(?:^|;)\\s*[^=;\\s]+=(?<v>[^;\\s]*)");

    /** The vendor-token rule, which keeps a token's prefix readable. */
    private static final Rule VENDOR = RULES.stream().filter(r -> r.family().equals("vendor-token")).findFirst()
            .orElseThrow();

    private SecretRules() {
    }

    /**
     * Whether {@code v} is a vendor's token, whole ({@code ghp_...}, {@code sk_live_...}): that rule masks it keeping
     * its prefix. A value that only starts with one ({@code ghp_...,Other9}) is not: the rule would leave its rest.
     */
    static boolean isVendorToken(String v) {
        return VENDOR.pattern().matcher(v).matches();
    }

    /**
     * Whether {@code name=value} assigns a secret by its name (PGPASSWORD, MYSQL_PWD, CLIENT_SECRET, AccountKey):
     * the same names the {@code secret-assignment} rule knows in free text, for a reader of shell words.
     */
    static boolean isSecretName(String name, String value) {
        Matcher m = SECRET_NAME_BEFORE_EQUALS.matcher(name + "=" + value);
        m.region(0, name.length() + 1).useTransparentBounds(true);
        while (m.find()) {
            if (m.end() == name.length() + 1) {
                return true;
            }
        }
        return false;
    }

    /** Adds to {@code spans} the secret parts of {@code line} ({@code lower} lower-cased), offsets shifted by {@code offset}. */
    static void findInLine(String line, String lower, int offset, SpanList spans) {
        for (Rule rule : RULES) {
            if (rule.mayMatch(lower)) {
                Matcher m = rule.pattern().matcher(line);
                while (m.find()) {
                    for (String g : rule.groups()) {
                        if (m.start(g) >= 0) {
                            spans.add(line, offset, m.start(g), m.end(g), g.equals("sq"));
                            break;
                        }
                    }
                }
            }
        }
        if (lower.contains("cookie")) {
            cookies(line, offset, spans);
        }
        if (line.contains("${")) {
            defaults(line, offset, spans);
        }
        if (lower.contains("pass") || lower.contains("pw") || lower.contains("token") || lower.contains("key")) {
            ProseSecrets.find(line, lower, offset, spans);
        }
    }

    /**
     * The literal default of a variable whose name is a secret's ({@code ${PGPASSWORD:-s3cret}}): the value used
     * when the variable is unset, so a secret written in clear. A default that is itself a reference
     * ({@code ${PW:-$OTHER}}) is not matched.
     */
    private static void defaults(String line, int offset, SpanList spans) {
        for (int[] d : SpanList.literalDefaults(line, 0, line.length(), null, 0, false)) {
            spans.addAbsolute(offset + d[0], offset + d[1]);
        }
    }

    private static void cookies(String line, int offset, SpanList spans) {
        Matcher m = COOKIE.matcher(line);
        while (m.find()) {
            int base = m.start("pairs");
            Matcher pair = COOKIE_PAIR.matcher(m.group("pairs"));
            while (pair.find()) {
                spans.add(line, offset, base + pair.start("v"), base + pair.end("v"));
                if (m.group("set") != null) {
                    break;
                }
            }
        }
    }
}
