package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.alert.AlertmanagerAlerts;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Lists the alerts firing in an Alertmanager, or those a Prometheus reports firing. The probe is UP whenever Alertmanager answers (the
 * alerts are in {@link ProbeResult#alerts()}); firing alerts describe other services, not this one.
 */
final class AlertmanagerProbe implements Probe {
    private final AlertmanagerSpec spec;
    private final Supplier<OkHttpClient> base;

    AlertmanagerProbe(AlertmanagerSpec spec, Supplier<OkHttpClient> base) {
        this.spec = spec;
        this.base = base;
    }

    private String query() {
        return spec.prometheus() ? AlertmanagerAlerts.PROMETHEUS_QUERY : AlertmanagerAlerts.FIRING_QUERY;
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        Request.Builder b = new Request.Builder().header("Accept", "application/json");
        try {
            b.url(spec.url() + query());
        } catch (IllegalArgumentException e) {
            return context.down("bad URL " + spec.url() + ": " + e.getMessage());
        }
        spec.headers().forEach((k, v) -> b.header(k, v.reveal()));
        if (spec.basicAuth() != null) {
            b.header("Authorization", Credentials.basic(spec.basicAuth().user(), spec.basicAuth().password().reveal()));
        }
        long ms = context.remaining().toMillis();
        Call call = base.get().newBuilder().callTimeout(ms, TimeUnit.MILLISECONDS).build().newCall(b.build());
        context.onAbort(call::cancel);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                return context.down("HTTP " + response.code() + " from " + query());
            }
            String body = response.body().string();
            if (spec.prometheus()) {
                List<FiringAlert> alerts = AlertmanagerAlerts.parsePrometheus(body);
                return context.up(AlertmanagerAlerts.summary(alerts)).withAlerts(alerts);
            }
            AlertmanagerAlerts.Answer answer = AlertmanagerAlerts.read(body, Instant.now());
            return context.up(AlertmanagerAlerts.summary(answer.firing())).withAlerts(answer.firing(), answer.resolved())
                    .withSuppressedAlerts(answer.suppressed());
        } catch (IOException e) {
            return context.down(Failures.describe(e, context));
        }
    }
}
