package dev.incidentconsole.app.links;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one line a {@link LinkHandOff} connection carries each way: the sender's link, then a tab before each runbook
 * folder it checked the link in; the window's answer, {@value #OK} or {@value #CLOSING}. UTF-8, ended by a newline.
 */
final class HandOffLine {
    static final String OK = "ok";
    static final String CLOSING = "closing";
    /** The longest line taken: a link and a few folders. */
    static final int MAX_LINE = DeepLink.MAX_LINK + 8 * 4096;

    private HandOffLine() {
    }

    /** The line {@code url} is sent as, with the folders that fit on one line (the others are left to the window). */
    static String of(String url, List<Path> folders) {
        StringBuilder line = new StringBuilder(url.replace('\n', ' ').replace('\t', ' '));
        for (Path folder : folders) {
            String name = folder.toAbsolutePath().toString();
            if (name.indexOf('\n') < 0 && name.indexOf('\t') < 0) { // not sendable on one line: the window's own then
                line.append('\t').append(name);
            }
        }
        return line + "\n";
    }

    /** {@code line} with its newline, as bytes to write. */
    static ByteBuffer bytes(String line) {
        return ByteBuffer.wrap((line.endsWith("\n") ? line : line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The link and folders of a line, if it holds a link of at most {@link DeepLink#MAX_LINK} and absolute folders. */
    static Optional<LinkHandOff.Handed> handed(String line) {
        String[] parts = line.split("\t", -1);
        if (parts[0].length() > DeepLink.MAX_LINK || !DeepLink.looksLikeLink(parts[0])) {
            return Optional.empty();
        }
        List<Path> folders = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            try {
                Path folder = Path.of(parts[i]);
                if (!folder.isAbsolute()) {
                    return Optional.empty();
                }
                folders.add(folder);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new LinkHandOff.Handed(parts[0], List.copyOf(folders)));
    }

    /**
     * One line of at most {@code max} characters, without its newline; {@code null} when the peer sent more, closed
     * first or was silent past {@code timeout} (a blocking read has no timeout, so this waits on a selector).
     */
    static String read(SocketChannel channel, int max, Duration timeout) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.allocate(max * 4 + 1);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                for (int i = 0; i < buffer.position(); i++) {
                    if (buffer.get(i) == '\n') {
                        String line = new String(buffer.array(), 0, i, StandardCharsets.UTF_8);
                        return line.length() > max ? null : line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (!buffer.hasRemaining() || left <= 0) {
                    return null;
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                if (channel.read(buffer) < 0) {
                    return null;
                }
            }
        } finally {
            channel.configureBlocking(true);
        }
    }
}
