package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.spec.TcpSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Up when the port accepts a TCP connection within the timeout. */
final class TcpProbe implements Probe {
    private final TcpSpec spec;

    TcpProbe(TcpSpec spec) {
        this.spec = spec;
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        try (Socket socket = new Socket()) {
            context.onAbort(() -> closeQuietly(socket));
            socket.connect(new InetSocketAddress(spec.host(), spec.port()), context.remainingMillis());
            return context.up("connected");
        } catch (IOException e) {
            return context.down(Failures.describe(e, context));
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing to unblock an abandoned attempt; nothing left to do
        }
    }
}
