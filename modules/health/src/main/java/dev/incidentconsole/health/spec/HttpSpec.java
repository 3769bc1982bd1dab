package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP(S) request whose answer tells whether the service is healthy.
 *
 * @param method    {@code GET} unless stated
 * @param url       the full URL
 * @param headers   request headers; values are secrets because they often carry tokens
 * @param basicAuth credentials for basic authentication, or {@code null}
 * @param accept    status codes that count as healthy
 * @param expect    what the body must contain, or {@code null}
 * @param tls       TLS settings for https URLs
 */
public record HttpSpec(String method, String url, Map<String, Secret> headers, BasicAuth basicAuth,
                       StatusCodes accept, BodyExpectation expect, TlsOptions tls) implements ProbeSpec {
    public HttpSpec {
        method = method == null || method.isBlank() ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        Objects.requireNonNull(url, "url");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        accept = accept == null ? StatusCodes.success() : accept;
        tls = tls == null ? TlsOptions.defaults() : tls;
    }

    public static HttpSpec get(String url) {
        return new HttpSpec("GET", url, Map.of(), null, null, null, null);
    }

    public HttpSpec withBasicAuth(String user, String password) {
        return new HttpSpec(method, url, headers, new BasicAuth(user, Secret.of(password)), accept, expect, tls);
    }

    public HttpSpec withHeader(String name, Secret value) {
        Map<String, Secret> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpSpec(method, url, more, basicAuth, accept, expect, tls);
    }

    public HttpSpec withExpect(BodyExpectation value) {
        return new HttpSpec(method, url, headers, basicAuth, accept, value, tls);
    }

    public HttpSpec withAccept(StatusCodes value) {
        return new HttpSpec(method, url, headers, basicAuth, value, expect, tls);
    }

    public HttpSpec withTls(TlsOptions value) {
        return new HttpSpec(method, url, headers, basicAuth, accept, expect, value);
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public String describe() {
        return method + " " + url + (basicAuth != null ? " (as " + basicAuth.user() + ")" : "");
    }
}
