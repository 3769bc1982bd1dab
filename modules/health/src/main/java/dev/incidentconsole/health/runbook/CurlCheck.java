package dev.incidentconsole.health.runbook;

import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.spec.BasicAuth;
import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.StatusCodes;
import dev.incidentconsole.health.spec.TlsOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Reads a {@code curl} health check as an HTTP probe: method, headers, basic auth, {@code -k}, {@code -L},
 * the URL, and a {@code | grep WORD} after it as a body keyword. Gives up (returns {@code null}) on what an
 * HTTP probe cannot replay faithfully: request bodies, unset variables in the URL, exotic flag bundles.
 */
final class CurlCheck {
    private static final Set<String> CURL_BODY = Set.of("-d", "--data", "--data-raw", "--data-binary",
            "--data-urlencode", "-F", "--form", "-T", "--upload-file", "--json");
    private static final Set<String> CURL_WITH_ARG = Set.of("-o", "--output", "-w", "--write-out", "-m", "--max-time",
            "--connect-timeout", "-A", "--user-agent", "-b", "--cookie", "-c", "--cookie-jar", "-e", "--referer",
            "--retry", "--retry-delay", "--retry-max-time", "-x", "--proxy", "--resolve", "--cacert", "--cert",
            "--key", "-E", "-K", "--config", "-r", "--range", "-Y", "-y", "-z", "--interface", "--unix-socket");
    private static final String CURL_ARG_LETTERS = "XHudoFTwmAbceEKrxYyz";

    private CurlCheck() {
    }

    static CheckCommands.Parsed parse(List<String> args, List<List<String>> filters, ShellVars vars) {
        String method = "GET";
        String url = null;
        Map<String, Secret> headers = new LinkedHashMap<>();
        BasicAuth auth = null;
        boolean insecure = false;
        boolean follow = false;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            if (CURL_BODY.contains(a) || a.startsWith("--data") || a.startsWith("-d") && a.length() > 2) {
                return null; // a request body is not a health check we can replay
            } else if (a.equals("-X") || a.equals("--request")) {
                method = next;
                i++;
            } else if (a.startsWith("-X") && a.length() > 2) {
                method = a.substring(2);
            } else if (a.equals("-H") || a.equals("--header")) {
                int colon = next.indexOf(':');
                if (colon > 0) {
                    headers.put(next.substring(0, colon).strip(), vars.secret(next.substring(colon + 1).strip(),
                            "header " + next.substring(0, colon).strip(), notes));
                }
                i++;
            } else if (a.equals("-u") || a.equals("--user")) {
                int colon = next.indexOf(':');
                auth = colon < 0 ? new BasicAuth(next, Secret.empty())
                        : new BasicAuth(next.substring(0, colon), vars.secret(next.substring(colon + 1), "password", notes));
                i++;
            } else if (a.equals("-I") || a.equals("--head")) {
                method = "HEAD";
            } else if (a.equals("-k") || a.equals("--insecure")) {
                insecure = true;
            } else if (a.equals("-L") || a.equals("--location")) {
                follow = true;
            } else if (a.equals("--url")) {
                url = next;
                i++;
            } else if (CURL_WITH_ARG.contains(a)) {
                i++;
            } else if (a.matches("-[A-Za-z]{2,}")) {
                String letters = a.substring(1);
                insecure |= letters.indexOf('k') >= 0;
                follow |= letters.indexOf('L') >= 0;
                method = letters.indexOf('I') >= 0 ? "HEAD" : method;
                if (CURL_ARG_LETTERS.indexOf(letters.charAt(letters.length() - 1)) >= 0) {
                    return null; // e.g. -su user:pass: rare enough to leave to the shell
                }
            } else if (!a.startsWith("-") && url == null) {
                url = a;
            }
        }
        if (url == null) {
            return null;
        }
        String expanded = vars.expand(url);
        String full = expanded == null ? null : expanded.contains("://") ? expanded : "http://" + expanded;
        HttpUrl parsed = full == null ? null : HttpUrl.parse(full);
        if (parsed == null) {
            return null; // unset variable or placeholder in the URL: let the shell run it
        }
        HttpSpec spec = new HttpSpec(method, full, headers, auth,
                follow ? new StatusCodes(List.of("2xx", "3xx")) : null, keyword(filters),
                insecure ? new TlsOptions(true, null, null) : null);
        return new CheckCommands.Parsed(spec, parsed.host(), notes);
    }

    /** {@code | grep [-q] WORD} after curl becomes a body keyword expectation. */
    private static BodyExpectation keyword(List<List<String>> filters) {
        for (List<String> f : filters) {
            if (!f.isEmpty() && f.get(0).equals("grep")) {
                List<String> rest = f.subList(1, f.size()).stream().filter(w -> !w.startsWith("-")).toList();
                if (rest.size() == 1 && f.stream().noneMatch(w -> w.equals("-v") || w.equals("-E") || w.equals("-e"))) {
                    return BodyExpectation.keyword(rest.get(0));
                }
            }
        }
        return null;
    }

}
