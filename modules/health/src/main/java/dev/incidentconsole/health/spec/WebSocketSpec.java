package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/** A WebSocket opening handshake ({@code ws://} or {@code wss://}); closed politely once open. */
public record WebSocketSpec(String url, Map<String, Secret> headers, TlsOptions tls) implements ProbeSpec {
    public WebSocketSpec {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        tls = tls == null ? TlsOptions.defaults() : tls;
    }

    public static WebSocketSpec of(String url) {
        return new WebSocketSpec(url, Map.of(), null);
    }

    @Override
    public String kind() {
        return "websocket";
    }

    @Override
    public String describe() {
        return "WebSocket handshake " + url;
    }
}
