package dev.incidentconsole.app.links;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An {@code incident-console://} link, parsed and checked. Links come from chat messages and alert templates,
 * so everything in them is untrusted: {@link #parse} refuses what is longer than the limits, control and
 * bidirectional-formatting characters, repeated or unknown parameters, absolute runbook paths and {@code ..};
 * the values are later only ever filled into placeholders, shell-quoted, and nothing runs by itself.
 *
 * <ul>
 *   <li>{@code incident-console://open?runbook=FILE#heading}: a runbook file relative to a runbook folder, and
 *       optionally a heading (title, path {@code A > B} or anchor);</li>
 *   <li>{@code incident-console://alert?name=ALERT&label.namespace=…&label.pod=…}: the runbook section naming the
 *       alert, the labels becoming placeholder values ({@code namespace}, {@code pod}).</li>
 * </ul>
 *
 * @param kind    what the link opens
 * @param runbook the runbook file, relative, with {@code /} separators ({@link Kind#OPEN}); else empty
 * @param heading the heading to open ({@link Kind#OPEN}); empty for the whole runbook or for an alert
 * @param alert   the alert name ({@link Kind#ALERT}); else empty
 * @param values  placeholder values by name, in link order (from {@code label.NAME} parameters)
 */
public record DeepLink(Kind kind, String runbook, String heading, String alert, Map<String, String> values) {
    public static final String SCHEME = "incident-console";
    static final int MAX_LINK = 4096;
    static final int MAX_VALUE = 512;
    static final int MAX_LABELS = 32;
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final String LABEL = "label.";

    /** What a link opens. */
    public enum Kind { OPEN, ALERT }

    public DeepLink {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Whether a program argument is a link rather than a subcommand (the desktop entry passes the URL alone). */
    public static boolean looksLikeLink(String argument) {
        return argument.regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1);
    }

    /**
     * Parses and checks a link.
     *
     * @throws DeepLinkException naming the part that is wrong (scheme, action, a parameter) and why
     */
    public static DeepLink parse(String url) throws DeepLinkException {
        if (url == null || url.isBlank()) {
            throw new DeepLinkException("The link is empty.");
        }
        if (url.length() > MAX_LINK) {
            throw new DeepLinkException("The link is " + url.length() + " characters long; at most " + MAX_LINK + " are accepted.");
        }
        refuseControls("the link", url);
        if (!looksLikeLink(url) || !url.regionMatches(SCHEME.length() + 1, "//", 0, 2)) {
            throw new DeepLinkException("Not an " + SCHEME + ":// link: " + shorten(url));
        }
        String rest = url.substring(SCHEME.length() + 3);
        int hash = rest.indexOf('#');
        String fragment = hash < 0 ? "" : decode("the heading (after #)", rest.substring(hash + 1), false);
        rest = hash < 0 ? rest : rest.substring(0, hash);
        int question = rest.indexOf('?');
        String action = (question < 0 ? rest : rest.substring(0, question)).toLowerCase(Locale.ROOT);
        action = action.endsWith("/") ? action.substring(0, action.length() - 1) : action;
        Map<String, String> params = parameters(question < 0 ? "" : rest.substring(question + 1));
        return switch (action) {
            case "open" -> open(params, fragment);
            case "alert" -> alert(params, fragment);
            default -> throw new DeepLinkException("Unknown link action '" + shorten(action)
                    + "'; " + SCHEME + "://open?runbook=FILE#heading and " + SCHEME + "://alert?name=ALERT are known.");
        };
    }

    private static DeepLink open(Map<String, String> params, String fragment) throws DeepLinkException {
        String runbook = params.remove("runbook");
        if (runbook == null || runbook.isBlank()) {
            throw new DeepLinkException("The link names no runbook: add runbook=FILE (relative to a runbook folder).");
        }
        String heading = params.containsKey("heading") ? params.remove("heading") : fragment;
        refuseUnknown(params, "runbook, heading");
        return new DeepLink(Kind.OPEN, RunbookPath.check(runbook), heading.strip(), "", Map.of());
    }

    private static DeepLink alert(Map<String, String> params, String fragment) throws DeepLinkException {
        String name = params.remove("name");
        if (name == null || name.isBlank()) {
            throw new DeepLinkException("The alert link names no alert: add name=ALERTNAME.");
        }
        if (!fragment.isEmpty()) {
            throw new DeepLinkException("An alert link opens the section that names the alert; it takes no #heading.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var it = params.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().startsWith(LABEL)) {
                String label = e.getKey().substring(LABEL.length());
                if (!LABEL_NAME.matcher(label).matches()) {
                    throw new DeepLinkException("Parameter '" + shorten(e.getKey())
                            + "': a label name is letters, digits and _ (at most 64), not starting with a digit.");
                }
                values.put(label, e.getValue());
                it.remove();
            }
        }
        if (values.size() > MAX_LABELS) {
            throw new DeepLinkException("The link has " + values.size() + " labels; at most " + MAX_LABELS + " are accepted.");
        }
        refuseUnknown(params, "name, label.NAME");
        return new DeepLink(Kind.ALERT, "", "", name.strip(), values);
    }

    private static Map<String, String> parameters(String query) throws DeepLinkException {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode("a parameter name", eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode("parameter '" + shorten(key) + "'", pair.substring(eq + 1), true);
            if (out.putIfAbsent(key, value) != null) {
                throw new DeepLinkException("Parameter '" + shorten(key) + "' is given twice; a link gives each once.");
            }
        }
        return out;
    }

    private static void refuseUnknown(Map<String, String> left, String known) throws DeepLinkException {
        if (!left.isEmpty()) {
            throw new DeepLinkException("Unknown parameter '" + shorten(left.keySet().iterator().next())
                    + "'; this link takes " + known + ".");
        }
    }

    /** Percent-decodes strictly as UTF-8: a broken escape or byte sequence is an error, not a replacement character. */
    private static String decode(String what, String raw, boolean plusIsSpace) throws DeepLinkException {
        byte[] bytes = new byte[raw.length() * 3];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new DeepLinkException("In " + what + ": '%' must be followed by two hex digits.");
                }
                bytes[n++] = (byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes[n++] = ' ';
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c)) {
                    throw new DeepLinkException("In " + what + ": characters outside the basic range must be %-encoded.");
                }
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new DeepLinkException("In " + what + ": the %-escapes are not valid UTF-8.");
        }
        if (text.length() > MAX_VALUE) {
            throw new DeepLinkException("In " + what + ": " + text.length() + " characters; at most " + MAX_VALUE + " are accepted.");
        }
        refuseControls(what, text);
        return text;
    }

    /**
     * Control characters (newlines would start a second command line in a terminal) and invisible formatting
     * characters (bidirectional overrides make text read differently from what it is).
     */
    private static void refuseControls(String what, String text) throws DeepLinkException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                throw new DeepLinkException("In " + what + ": control or invisible formatting character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at position " + (i + 1) + " is refused.");
            }
        }
    }

    /** Long untrusted text is cut in messages. */
    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
