package dev.incidentconsole.health.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The few RESP2 exchanges a health probe needs (PING, AUTH, INFO), written by hand: a client library
 * (Jedis, Lettuce) would bring pools and threads for three commands whose replies are a simple string,
 * an error or one bulk string. Not thread-safe; one per connection.
 */
final class Resp {
    private final InputStream in;
    private final OutputStream out;

    /** A {@code -ERR ...} reply. */
    static final class ErrorReply extends IOException {
        ErrorReply(String message) {
            super(message);
        }
    }

    Resp(Socket socket) throws IOException {
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Sends a command and reads its reply.
     *
     * @return the simple string, integer or bulk string; {@code null} for a null bulk string
     * @throws ErrorReply when the server answers with an error
     */
    String call(String... args) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            buf.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            buf.writeBytes(bytes);
            buf.writeBytes(new byte[] {'\r', '\n'});
        }
        out.write(buf.toByteArray());
        out.flush();
        return reply();
    }

    private String reply() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed");
        }
        String line = line();
        switch (type) {
            case '+':
            case ':':
                return line;
            case '-':
                throw new ErrorReply(line);
            case '$':
                return bulk(Integer.parseInt(line));
            default:
                throw new IOException("not a Redis reply (starts with '" + (char) type + "')");
        }
    }

    private String bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] data = in.readNBytes(length + 2);
        if (data.length < length + 2) {
            throw new EOFException("connection closed");
        }
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                buf.write(c);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
