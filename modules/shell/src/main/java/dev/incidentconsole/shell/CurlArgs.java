package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * curl's arguments read once, for every reader of curl commands (health probes, danger rules, placeholders):
 * the method, URLs, headers, credentials and the options that change what a request does. Short-flag
 * clusters are understood ({@code -sfX POST}, {@code -kLu user:pw}).
 *
 * @param method   {@code -X}/{@code --request}, {@code HEAD} for {@code -I}, else {@code null} (curl's
 *                 default: GET, or POST with a body)
 * @param urls     the URLs, in order ({@code --url} and operands)
 * @param headers  the {@code -H} values as written ({@code Name: value})
 * @param user     the {@code -u} value ({@code user:password}), or {@code null}
 * @param cookies  the {@code -b}/{@code --cookie} values as written: {@code name=value} pairs, or a file to read
 * @param body     true when a request body or upload is given ({@code -d}, {@code --data*}, {@code -F},
 *                 {@code -T}, {@code --json})
 * @param insecure {@code -k}
 * @param follow   {@code -L}
 */
public record CurlArgs(String method, List<String> urls, List<String> headers, String user, List<String> cookies, boolean body,
                       boolean insecure, boolean follow) {

    /** curl's short options that take a value. */
    private static final String VALUE_LETTERS = "XHudoFTwmAbceEKrxYyzCDPQtU";
    private static final Set<String> BODY = Set.of("-d", "-F", "-T", "--data", "--data-raw", "--data-binary",
            "--data-urlencode", "--data-ascii", "--form", "--form-string", "--upload-file", "--json");
    /** Long options that take a value (those not read above). */
    private static final Set<String> LONG_WITH_VALUE = Set.of("--output", "--write-out", "--max-time",
            "--connect-timeout", "--user-agent", "--cookie-jar", "--referer", "--retry", "--retry-delay",
            "--retry-max-time", "--proxy", "--resolve", "--cacert", "--cert", "--key", "--config", "--range",
            "--interface", "--unix-socket", "--oauth2-bearer", "--proxy-user", "--continue-at", "--dump-header",
            "--trace", "--trace-ascii", "--limit-rate", "--speed-limit", "--speed-time", "--cert-type", "--key-type",
            "--pass", "--ciphers", "--connect-to", "--aws-sigv4", "--variable", "--expand-url");

    public CurlArgs {
        urls = List.copyOf(urls);
        headers = List.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    /** Reads curl's arguments (the words after {@code curl}). */
    public static CurlArgs parse(List<String> args) {
        String method = null;
        String user = null;
        boolean body = false;
        boolean insecure = false;
        boolean follow = false;
        List<String> urls = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq > 0 ? a.substring(0, eq) : a;
                boolean inline = eq > 0;
                String value = inline ? a.substring(eq + 1) : next;
                boolean takes = true;
                switch (name) {
                    case "--request" -> method = value;
                    case "--header" -> headers.add(value);
                    case "--user" -> user = value;
                    case "--cookie" -> cookies.add(value);
                    case "--url" -> urls.add(value);
                    case "--head" -> {
                        method = "HEAD";
                        takes = false;
                    }
                    case "--insecure" -> {
                        insecure = true;
                        takes = false;
                    }
                    case "--location" -> {
                        follow = true;
                        takes = false;
                    }
                    default -> {
                        body |= BODY.contains(name) || name.startsWith("--data");
                        takes = BODY.contains(name) || name.startsWith("--data") || LONG_WITH_VALUE.contains(name);
                    }
                }
                i += takes && !inline ? 1 : 0;
            } else if (a.length() > 1 && a.charAt(0) == '-') {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    if (VALUE_LETTERS.indexOf(c) < 0) {
                        insecure |= c == 'k';
                        follow |= c == 'L';
                        method = c == 'I' ? "HEAD" : method;
                        continue;
                    }
                    boolean attached = k + 1 < a.length();
                    String value = attached ? a.substring(k + 1) : next;
                    switch (c) {
                        case 'X' -> method = value;
                        case 'H' -> headers.add(value);
                        case 'u' -> user = value;
                        case 'b' -> cookies.add(value);
                        case 'd', 'F', 'T' -> body = true;
                        default -> { }
                    }
                    i += attached ? 0 : 1;
                    break;
                }
            } else {
                urls.add(a);
            }
        }
        return new CurlArgs(method, urls, headers, user, cookies, body, insecure, follow);
    }

    /** The first URL, or {@code null}. */
    public String url() {
        return urls.isEmpty() ? null : urls.get(0);
    }
}
