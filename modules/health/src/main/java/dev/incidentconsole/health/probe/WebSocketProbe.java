package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.spec.WebSocketSpec;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** Up when the server completes the WebSocket opening handshake (HTTP 101); the socket is then closed. */
final class WebSocketProbe implements Probe {
    private final WebSocketSpec spec;
    private final Supplier<OkHttpClient> base;

    WebSocketProbe(WebSocketSpec spec, Supplier<OkHttpClient> base) {
        this.spec = spec;
        this.base = base;
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        Request.Builder b = new Request.Builder();
        try {
            b.url(spec.url());
        } catch (IllegalArgumentException e) {
            return context.down("bad URL " + spec.url() + ": " + e.getMessage());
        }
        spec.headers().forEach((name, value) -> b.header(name, value.reveal()));
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<ProbeResult> outcome = new AtomicReference<>();
        try {
            long ms = context.remaining().toMillis();
            OkHttpClient client = TlsSupport.apply(base.get().newBuilder()
                    .connectTimeout(ms, TimeUnit.MILLISECONDS).readTimeout(ms, TimeUnit.MILLISECONDS), spec.tls())
                    .build();
            WebSocket socket = client.newWebSocket(b.build(), new WebSocketListener() {
                @Override
                public void onOpen(WebSocket webSocket, Response response) {
                    outcome.compareAndSet(null, context.up("handshake HTTP " + response.code()));
                    webSocket.close(1000, "health check");
                    done.countDown();
                }

                @Override
                public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                    String reason = response != null ? "handshake rejected: HTTP " + response.code()
                            : Failures.describe(t, context);
                    outcome.compareAndSet(null, context.down(reason));
                    done.countDown();
                }
            });
            context.onAbort(socket::cancel);
            if (!done.await(context.remainingMillis(), TimeUnit.MILLISECONDS)) {
                socket.cancel();
                return context.down(Failures.timeout(context));
            }
            return outcome.get();
        } catch (IOException e) {
            return context.down(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return context.down(Failures.timeout(context));
        }
    }
}
