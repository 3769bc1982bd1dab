package dev.incidentconsole.exec;

import dev.incidentconsole.exec.kube.KubectlArgs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Says why kubectl on a kube target hangs when its API server does not answer at all: kubectl retries API
 * discovery for about a minute with nothing but klog lines, against a server that accepts and stays silent or a VPN
 * that drops the packets. It never refuses to run: it asks the server alongside kubectl, every resolved address at
 * once, for kubectl's own TLS handshake timeout; only when none answers does the run's output get one line naming
 * the server. A server that answers anything (a refused connection, a TLS alert, an untrusted certificate) is
 * kubectl's to report. Nothing is judged through a proxy ({@code HTTPS_PROXY}, a cluster's {@code proxy-url}):
 * the console cannot know the path kubectl's connection takes.
 */
final class KubeApiProbe {
    /** kubectl's TLS handshake timeout: how long every address has to answer a connection and a handshake. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** gcloud's kubectl dispatcher takes about 5 s for {@code config view} on a silent server (kubectl itself 0.5 s). */
    private static final Duration CONFIG_READ = Duration.ofSeconds(15);
    private static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
            "http_proxy", "ALL_PROXY", "all_proxy");

    private KubeApiProbe() {
    }

    /**
     * Asks the target's API server whether it answers; blocks up to {@link #TIMEOUT} after reading the kubeconfig.
     *
     * @param kubectl the kubectl binary, to read the target's cluster from its kubeconfig
     * @param env     the environment kubectl will see (proxies)
     * @param threads runs one handshake per resolved address
     * @return the line to show when no address answered; empty when one did, or when it is kubectl's to judge
     */
    static Optional<String> silence(Path kubectl, KubeTarget kube, Map<String, String> env, Executor threads) {
        if (PROXY_VARIABLES.stream().anyMatch(v -> env.get(v) != null && !env.get(v).isBlank())) {
            return Optional.empty();
        }
        List<String> cluster;
        try {
            cluster = KubeContexts.list(kubectl, KubectlArgs.clusterServer(kube.context()), kube.kubeconfig(),
                    CONFIG_READ);
        } catch (ExecException e) {
            return Optional.empty(); // kubectl reports an unreadable kubeconfig or an unknown context itself
        }
        if (cluster.size() != 1 || !cluster.get(0).matches("https?://\\S+")) {
            return Optional.empty(); // no server, a proxy-url on the second line, or not a URL: kubectl's to judge
        }
        URI server;
        InetAddress[] addresses;
        try {
            server = URI.create(cluster.get(0));
            addresses = server.getHost() == null ? new InetAddress[0] : InetAddress.getAllByName(server.getHost());
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty(); // a URL Java cannot read or a name that does not resolve: kubectl says which
        }
        boolean tls = server.getScheme().equals("https");
        int port = server.getPort() > 0 ? server.getPort() : tls ? 443 : 80;
        if (addresses.length == 0 || anyAnswers(addresses, port, tls ? server.getHost() : null, threads)) {
            return Optional.empty();
        }
        return Optional.of("The Kubernetes API server " + server + " ("
                + (kube.context() == null ? "the current context" : "context " + kube.context()) + ") has not answered"
                + " for " + TIMEOUT.toSeconds() + " s; kubectl keeps retrying for about a minute. Stop ends it; check"
                + " the VPN or the network to the cluster, or the server in the kubeconfig.");
    }

    /**
     * Whether any of {@code addresses} answers on {@code port} within the probe's time (a TLS handshake when
     * {@code tlsHost} is set); true as soon as one does. Every address is asked: an API name with a dead node first
     * is still reached, as kubectl reaches it.
     */
    static boolean anyAnswers(InetAddress[] addresses, int port, String tlsHost, Executor threads) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        CompletableFuture<?>[] asked = Arrays.stream(addresses).map(a -> CompletableFuture.supplyAsync(
                () -> answers(new InetSocketAddress(a, port), tlsHost, deadline), threads))
                .toArray(CompletableFuture[]::new);
        CompletableFuture<Boolean> anyAnswer = new CompletableFuture<>();
        for (CompletableFuture<?> one : asked) {
            one.thenAccept(answered -> {
                if (Boolean.TRUE.equals(answered)) {
                    anyAnswer.complete(true);
                }
            });
        }
        // allOf's callback may run before the last one's thenAccept: it looks at every answer itself
        CompletableFuture.allOf(asked).whenComplete((v, e) -> anyAnswer.complete(
                Arrays.stream(asked).anyMatch(one -> Boolean.TRUE.equals(one.getNow(null)))));
        return anyAnswer.join();
    }

    /** False when {@code address} stayed silent until {@code deadline}; an error is an answer. */
    private static boolean answers(InetSocketAddress address, String tlsHost, long deadline) {
        try (Socket socket = new Socket()) {
            socket.connect(address, left(deadline));
            if (tlsHost != null) {
                socket.setSoTimeout(left(deadline));
                SSLSocket ssl = (SSLSocket) anyCertificate().getSocketFactory()
                        .createSocket(socket, tlsHost, address.getPort(), false);
                ssl.startHandshake();
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // refused, reset, or an answer this probe does not speak: kubectl says which, quickly
        }
    }

    private static int left(long deadline) {
        return (int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
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
