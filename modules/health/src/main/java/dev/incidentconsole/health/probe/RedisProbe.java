package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.ValueExpectation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** PING (after AUTH when a password is set); reports the server version and checks an INFO field. */
final class RedisProbe implements Probe {
    private final RedisSpec spec;

    RedisProbe(RedisSpec spec) {
        this.spec = spec;
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        try (Socket socket = new Socket()) {
            context.onAbort(() -> TcpProbe.closeQuietly(socket));
            socket.connect(new InetSocketAddress(spec.host(), spec.port()), context.remainingMillis());
            Resp resp = new Resp(socket);
            if (!spec.password().isEmpty()) {
                socket.setSoTimeout(context.remainingMillis());
                String failed = auth(resp);
                if (failed != null) {
                    return context.down(failed);
                }
            }
            socket.setSoTimeout(context.remainingMillis());
            String pong = resp.call("PING");
            ProbeResult result = context.up(pong);
            socket.setSoTimeout(context.remainingMillis());
            Map<String, String> info;
            try {
                info = info(resp.call("INFO", spec.infoField() == null ? "server" : "everything"));
            } catch (Resp.ErrorReply e) {
                if (spec.infoField() != null) {
                    return result.withStatus(Status.DEGRADED, "INFO refused: " + e.getMessage());
                }
                info = Map.of(); // INFO may be renamed away; the version is only a nicety
            }
            if (info.containsKey("redis_version")) {
                result = result.withDetail("version", "Redis " + info.get("redis_version"));
            }
            if (spec.infoField() != null && spec.expect() != null) {
                String value = info.get(spec.infoField());
                String unmet = spec.expect().test(value);
                if (unmet != null) {
                    return result.withStatus(Status.DEGRADED, "INFO " + spec.infoField() + ": " + unmet);
                }
                return result.withStatus(Status.UP, pong + "; " + met(spec.infoField(), value, spec.expect()));
            }
            return result;
        } catch (Resp.ErrorReply e) {
            return errorReply(context, e.getMessage());
        } catch (IOException | NumberFormatException e) {
            return context.down(Failures.describe(e, context));
        }
    }

    private String auth(Resp resp) throws IOException {
        try {
            if (spec.user() != null && !spec.user().isBlank()) {
                resp.call("AUTH", spec.user(), spec.password().reveal());
            } else {
                resp.call("AUTH", spec.password().reveal());
            }
            return null;
        } catch (Resp.ErrorReply e) {
            String msg = e.getMessage().toLowerCase(Locale.ROOT);
            if (msg.contains("without any password configured") || msg.contains("no password is set")) {
                return null; // the server has no password; PING tells whether it is up
            }
            return msg.startsWith("wrongpass") || msg.contains("invalid") ? "password authentication failed"
                    : "AUTH refused: " + e.getMessage();
        }
    }

    private static ProbeResult errorReply(ProbeContext context, String message) {
        String code = message.split(" ", 2)[0];
        return switch (code) {
            case "NOAUTH" -> context.up("PONG").withStatus(Status.DEGRADED,
                    "answers but requires a password (NOAUTH); set the redis password");
            case "LOADING" -> context.up("PONG").withStatus(Status.DEGRADED, "loading the dataset into memory");
            case "MASTERDOWN" -> context.up("PONG").withStatus(Status.DEGRADED, "link with the master is down");
            default -> context.down("Redis error: " + message);
        };
    }

    /** Says what was checked and found, e.g. {@code INFO role:master as expected}, {@code INFO x:5, expected < 9}. */
    private static String met(String field, String value, ValueExpectation expect) {
        String found = "INFO " + field + ":" + value;
        return expect.op() == ValueExpectation.Op.EQ ? found + " as expected" : found + ", as expected " + expect;
    }

    private static Map<String, String> info(String text) {
        Map<String, String> fields = new HashMap<>();
        if (text != null) {
            for (String line : text.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        }
        return fields;
    }
}
