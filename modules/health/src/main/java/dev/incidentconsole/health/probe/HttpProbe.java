package dev.incidentconsole.health.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.health.Dependency;
import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.HttpSpec;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.Handshake;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one HTTP request and judges the answer: status code, body expectation, the service's own
 * status and dependencies in a JSON body, and the TLS certificate's expiry.
 */
final class HttpProbe implements Probe {
    private static final long MAX_BODY = 64 * 1024;
    private final HttpSpec spec;
    private final Supplier<OkHttpClient> base;
    private volatile OkHttpClient client;
    private volatile long clientTimeoutMs = -1;

    HttpProbe(HttpSpec spec, Supplier<OkHttpClient> base) {
        this.spec = spec;
        this.base = base;
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        Request request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            return context.down("cannot build the request for " + spec.url() + ": " + e.getMessage());
        }
        try {
            Call call = client(context.timeout()).newCall(request);
            context.onAbort(call::cancel);
            try (Response response = call.execute()) {
                String body = response.peekBody(MAX_BODY).string();
                ProbeResult answered = context.up("HTTP " + response.code())
                        .withDetail("http.status", Integer.toString(response.code()));
                return judge(response, body, answered);
            }
        } catch (IOException e) {
            return context.down(Failures.describe(e, context));
        }
    }

    private ProbeResult judge(Response response, String body, ProbeResult answered) {
        JsonNode json = HealthBody.parse(body);
        List<Dependency> deps = HealthBody.dependencies(json);
        ProbeResult result = answered.withDependencies(deps);
        if (json != null && json.path("version").isTextual()) {
            result = result.withDetail("version", json.get("version").asText());
        }
        Instant expiry = certificateExpiry(response.handshake());
        if (expiry != null) {
            result = result.withCertificateExpiry(expiry)
                    .withDetail("tls.expires", expiry.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        int code = response.code();
        if (!spec.accept().accepts(code)) {
            String text = "HTTP " + code + (response.message().isBlank() ? "" : " " + response.message());
            return result.withStatus(Status.DOWN, text + failing(deps));
        }
        String problem = problem(body, json, deps, expiry);
        return problem == null ? result : result.withStatus(Status.DEGRADED, problem);
    }

    private String problem(String body, JsonNode json, List<Dependency> deps, Instant expiry) {
        BodyExpectation expect = spec.expect();
        if (expect != null) {
            String unmet = unmet(expect, body, json);
            if (unmet != null) {
                return unmet;
            }
        }
        String own = HealthBody.ownStatus(json);
        if (own != null && HealthBody.classify(own) != Status.UP) {
            return "reports status \"" + own + "\"" + failing(deps);
        }
        String failing = failing(deps);
        if (!failing.isEmpty()) {
            return "dependency" + failing;
        }
        if (expiry != null && expiry.isBefore(Instant.now().plus(spec.tls().expiryWarning()))) {
            long days = Duration.between(Instant.now(), expiry).toDays();
            return "TLS certificate expires in " + days + " days ("
                    + expiry.atOffset(ZoneOffset.UTC).toLocalDate() + ")";
        }
        return null;
    }

    private static String unmet(BodyExpectation expect, String body, JsonNode json) {
        if (expect.contains() != null) {
            return body.contains(expect.contains()) ? null : "body does not contain \"" + expect.contains() + "\"";
        }
        if (json == null) {
            return "body is not JSON, expected " + expect.pointer() + " " + expect.value();
        }
        JsonNode at = json.at(expect.pointer());
        String actual = at.isMissingNode() || at.isNull() ? null : at.isValueNode() ? at.asText() : at.toString();
        String unmet = expect.value().test(actual);
        return unmet == null ? null : expect.pointer() + ": " + unmet;
    }

    private static String failing(List<Dependency> deps) {
        List<String> bad = deps.stream().filter(d -> d.status() != Status.UP)
                .map(d -> d.name() + ": " + d.raw()).toList();
        return bad.isEmpty() ? "" : " (" + String.join(", ", bad) + ")";
    }

    private static Instant certificateExpiry(Handshake handshake) {
        if (handshake == null) {
            return null;
        }
        List<Certificate> certs = handshake.peerCertificates();
        return !certs.isEmpty() && certs.get(0) instanceof X509Certificate x
                ? x.getNotAfter().toInstant() : null;
    }

    private Request request() {
        Request.Builder b = new Request.Builder().url(spec.url()).header("User-Agent", "incident-console-health");
        spec.headers().forEach((name, value) -> b.header(name, value.reveal()));
        if (spec.basicAuth() != null) {
            b.header("Authorization", Credentials.basic(spec.basicAuth().user(), spec.basicAuth().password().reveal()));
        }
        boolean needsBody = java.util.Set.of("POST", "PUT", "PATCH").contains(spec.method());
        return b.method(spec.method(), needsBody ? RequestBody.create(new byte[0]) : null).build();
    }

    /** One client per probe, rebuilt only when the timeout changes; it shares the base client's threads. */
    private OkHttpClient client(Duration timeout) throws IOException {
        long ms = timeout.toMillis();
        OkHttpClient c = client;
        if (c == null || clientTimeoutMs != ms) {
            OkHttpClient.Builder b = base.get().newBuilder().callTimeout(ms, TimeUnit.MILLISECONDS)
                    .connectTimeout(ms, TimeUnit.MILLISECONDS).readTimeout(ms, TimeUnit.MILLISECONDS)
                    .writeTimeout(ms, TimeUnit.MILLISECONDS);
            c = TlsSupport.apply(b, spec.tls()).build();
            client = c;
            clientTimeoutMs = ms;
        }
        return c;
    }
}
