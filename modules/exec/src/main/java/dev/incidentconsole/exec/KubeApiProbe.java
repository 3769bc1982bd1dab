package dev.incidentconsole.exec;

import dev.incidentconsole.exec.kube.KubectlArgs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Refuses to run kubectl on a kube target whose API server does not answer at all. kubectl itself retries API
 * discovery five times, each up to its TLS handshake or dial timeout: against a server that accepts and stays
 * silent, or a VPN that drops the packets, a walkthrough step sat for one to three minutes with nothing but
 * klog lines. Here the server is asked once, for at most {@link #TIMEOUT}; only silence refuses. A server that
 * answers anything (a refused connection, a TLS alert, a certificate kubectl will not trust) is left to kubectl,
 * which says what is wrong quickly. Nothing is judged through a proxy ({@code HTTPS_PROXY}, a cluster's
 * {@code proxy-url}): the console cannot know the path kubectl's connection takes.
 */
final class KubeApiProbe {
    /** How long the API server has to answer a TCP connection and a TLS handshake, together. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long reading the cluster's server may take: kubectl 1.32's {@code config view} itself waits about 5 s on a
     * silent server before it prints the kubeconfig.
     */
    private static final Duration CONFIG_READ = Duration.ofSeconds(15);
    private static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
            "http_proxy", "ALL_PROXY", "all_proxy");

    private KubeApiProbe() {
    }

    /**
     * @param kubectl the kubectl binary, to read the target's cluster from its kubeconfig
     * @param env     the environment kubectl will see (proxies)
     * @param limit   at most this long in all; the run's own limit when shorter
     * @throws ExecException CONNECT_FAILED naming the server and the context when it stayed silent
     */
    static void check(Path kubectl, KubeTarget kube, Map<String, String> env, Duration limit) throws ExecException {
        if (PROXY_VARIABLES.stream().anyMatch(v -> env.get(v) != null && !env.get(v).isBlank())) {
            return;
        }
        List<String> cluster;
        try {
            cluster = KubeContexts.list(kubectl, KubectlArgs.clusterServer(kube.context()), kube.kubeconfig(),
                    CONFIG_READ);
        } catch (ExecException e) {
            return; // kubectl reports an unreadable kubeconfig or an unknown context itself
        }
        if (cluster.size() != 1 || !cluster.get(0).matches("https?://\\S+")) {
            return; // no server, a proxy-url on the second line, or not a URL: kubectl's to judge
        }
        URI server = URI.create(cluster.get(0));
        boolean tls = server.getScheme().equals("https");
        int port = server.getPort() > 0 ? server.getPort() : tls ? 443 : 80;
        if (server.getHost() == null) {
            return;
        }
        String step = "connection";
        try (Socket socket = new Socket()) {
            long deadline = System.nanoTime() + limit.toNanos();
            socket.connect(new InetSocketAddress(server.getHost(), port), (int) limit.toMillis());
            if (tls) {
                step = "TLS handshake";
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
                SSLSocket ssl = (SSLSocket) anyCertificate().getSocketFactory()
                        .createSocket(socket, server.getHost(), port, false);
                ssl.startHandshake();
            }
        } catch (SocketTimeoutException e) {
            throw new ExecException(ExecException.Reason.CONNECT_FAILED, "The Kubernetes API server " + server
                    + " of " + (kube.context() == null ? "the current context" : "context " + kube.context())
                    + " did not answer within " + limit.toSeconds() + " s (" + step + "), so kubectl was not run:"
                    + " it would retry for a minute or more. Check the VPN or the network to the cluster, or the"
                    + " server in the kubeconfig.");
        } catch (IOException | RuntimeException e) {
            // refused, unresolvable, or an answer this probe does not speak: kubectl says which, quickly
        }
    }

    /** Only to see whether the server answers a handshake at all; nothing is sent over it. */
    private static SSLContext anyCertificate() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
