package dev.incidentconsole.health.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Loopback addresses for probe tests: closed ports and a port that never answers. */
public final class Net {
    private Net() {
    }

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** A port nothing listens on: bound, then released. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, loopback())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A loopback listener that never accepts, with its accept queue filled, so a new connection attempt
     * is never answered (the kernel drops the SYN) and a client can only time out.
     */
    public static final class Blackhole implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> fillers = new ArrayList<>();

        public Blackhole() throws IOException {
            server = new ServerSocket(0, 1, loopback());
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(loopback(), server.getLocalPort()), 200);
                    fillers.add(s);
                } catch (IOException full) {
                    s.close();
                    return; // the queue is full: further SYNs go unanswered
                }
            }
            throw new IllegalStateException("the accept queue never filled up");
        }

        public int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket s : fillers) {
                s.close();
            }
            server.close();
        }
    }
}
