package dev.incidentconsole.health.spec;

import java.time.Duration;

/**
 * TLS settings of an HTTPS or WSS probe.
 *
 * @param insecure      trust any certificate and host name (self-signed test rigs only)
 * @param caFile        a PEM file of CA certificates to trust instead of the JDK's, or {@code null}
 * @param expiryWarning a certificate expiring sooner than this makes the service DEGRADED
 */
public record TlsOptions(boolean insecure, String caFile, Duration expiryWarning) {
    public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(14);

    public TlsOptions {
        expiryWarning = expiryWarning == null ? DEFAULT_EXPIRY_WARNING : expiryWarning;
    }

    public static TlsOptions defaults() {
        return new TlsOptions(false, null, null);
    }
}
