package dev.incidentconsole.health.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A real (if tiny) WebSocket server on loopback: answers the RFC 6455 opening handshake on {@code /ws},
 * 404 elsewhere, and echoes a close frame. The JDK has no WebSocket server and OkHttp's MockWebServer
 * is a mock, so the handshake is written out here.
 */
public final class MiniWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private final ServerSocket server;
    private final Thread acceptor;

    public MiniWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, Net.loopback());
        acceptor = new Thread(this::acceptLoop, "mini-ws");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "mini-ws-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            String requestLine = reader.readLine();
            String key = null;
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            OutputStream out = socket.getOutputStream();
            if (requestLine == null || !requestLine.startsWith("GET /ws ") || key == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The client's close frame arrives masked; answer with an unmasked close (code 1000) and hang up.
            socket.setSoTimeout(5000);
            if (in.read() >= 0) {
                out.write(new byte[] {(byte) 0x88, 0x02, 0x03, (byte) 0xE8});
                out.flush();
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            // client went away; nothing to serve
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
