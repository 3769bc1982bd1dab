package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.ProbeContext;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns an I/O failure into the short reason an on-call engineer reads on the dashboard. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable error, ProbeContext context) {
        if (context.aborted()) {
            return timeout(context);
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            String reason = known(t, context);
            if (reason != null) {
                return reason;
            }
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    static String timeout(ProbeContext context) {
        return "timeout after " + context.timeout().toMillis() + " ms";
    }

    private static String known(Throwable t, ProbeContext context) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (t instanceof SocketTimeoutException) {
            return lower.contains("connect") ? timeout(context) + " (connecting)" : timeout(context);
        }
        if (t instanceof InterruptedIOException) {
            return timeout(context);
        }
        if (t instanceof ConnectException) {
            if (lower.contains("refused")) {
                return "connection refused";
            }
            return t.getCause() != null ? null : "cannot connect: " + message; // OkHttp wraps the real cause
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (t instanceof SSLPeerUnverifiedException) {
            return "TLS certificate does not match the host name: " + message;
        }
        if (t instanceof CertificateException) {
            return lower.contains("certification path") || lower.contains("pkix")
                    ? "TLS certificate not trusted (unknown issuer; set the probe's tls ca-file)"
                    : "TLS certificate not trusted: " + message;
        }
        if (t instanceof SSLException && t.getCause() == null) {
            return "TLS handshake failed: " + message;
        }
        if (t instanceof EOFException) {
            return "connection closed by the server";
        }
        if (t instanceof SocketException && lower.contains("reset")) {
            return "connection reset by the server";
        }
        return null;
    }
}
