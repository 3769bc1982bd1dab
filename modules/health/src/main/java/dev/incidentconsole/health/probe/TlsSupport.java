package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.spec.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** Applies {@link TlsOptions} to an OkHttp client: a private CA file, or no verification at all. */
final class TlsSupport {
    private TlsSupport() {
    }

    /**
     * @throws IOException when the CA file cannot be read, with a message naming it
     */
    static OkHttpClient.Builder apply(OkHttpClient.Builder builder, TlsOptions tls) throws IOException {
        try {
            if (tls.insecure()) {
                X509TrustManager trustAll = new TrustAll();
                builder.sslSocketFactory(context(trustAll).getSocketFactory(), trustAll);
                builder.hostnameVerifier((host, session) -> true);
            } else if (tls.caFile() != null) {
                X509TrustManager trust = trustManager(Path.of(tls.caFile()));
                builder.sslSocketFactory(context(trust).getSocketFactory(), trust);
            }
            return builder;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use CA file " + tls.caFile() + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext context(X509TrustManager trust) throws GeneralSecurityException {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trust}, new SecureRandom());
        return ssl;
    }

    private static X509TrustManager trustManager(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, cert);
            }
            if (i == 0) {
                throw new IOException("CA file " + caFile + " holds no PEM certificate");
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** For {@code insecure: true} only: accepts every certificate, as {@code curl -k} does. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // accept: the user asked for no verification
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accept: the user asked for no verification
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
