package dev.incidentconsole.health.runbook;

import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.spec.BasicAuth;
import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.StatusCodes;
import dev.incidentconsole.health.spec.TlsOptions;
import dev.incidentconsole.shell.CurlArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Reads a {@code curl} health check as an HTTP probe: method, headers, basic auth, {@code -k}, {@code -L},
 * the URL, and a {@code | grep WORD} after it as a body keyword. Gives up (returns {@code null}) on what an
 * HTTP probe cannot replay faithfully: request bodies, unset variables in the URL. curl's flags are read by the
 * shell model's {@link CurlArgs}, flag clusters ({@code -sfX POST}) included.
 */
final class CurlCheck {
    private CurlCheck() {
    }

    static CheckCommands.Parsed parse(List<String> args, List<List<String>> filters) {
        CurlArgs curl = CurlArgs.parse(args);
        if (curl.body()) {
            return null; // a request body is not a health check we can replay
        }
        String method = curl.method() == null ? "GET" : CheckCommands.written(curl.method());
        List<String> notes = new ArrayList<>();
        Map<String, Secret> headers = new LinkedHashMap<>();
        for (String header : curl.headers()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                String name = CheckCommands.written(header.substring(0, colon).strip());
                headers.put(name, CheckCommands.secret(header.substring(colon + 1).strip(), "header " + name, notes));
            }
        }
        BasicAuth auth = null;
        if (curl.user() != null) {
            int colon = curl.user().indexOf(':');
            auth = colon < 0 ? new BasicAuth(CheckCommands.written(curl.user()), Secret.empty())
                    : new BasicAuth(CheckCommands.written(curl.user().substring(0, colon)),
                    CheckCommands.secret(curl.user().substring(colon + 1), "password", notes));
        }
        boolean insecure = curl.insecure();
        boolean follow = curl.follow();
        String url = curl.url();
        if (url == null) {
            return null;
        }
        String expanded = CheckCommands.resolved(url);
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
                    return BodyExpectation.keyword(CheckCommands.written(rest.get(0)));
                }
            }
        }
        return null;
    }

}
