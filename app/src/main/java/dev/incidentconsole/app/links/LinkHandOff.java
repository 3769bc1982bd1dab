package dev.incidentconsole.app.links;

import java.io.Closeable;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-instance hand-off of {@code incident-console://} links: the open window {@linkplain #listen listens} on a
 * Unix domain socket in the user's data folder (mode 0600), and a later launch with a link {@linkplain #send sends}
 * it there and exits instead of opening a second window. One link per connection, one line of UTF-8 (the link, then
 * a tab before each runbook folder the sender checked it in), answered ({@link HandOffLine}) with {@code ok} once the window has taken it
 * (its UI thread has queued it), or with {@code closing} when the window is closing, so the sender opens its own.
 *
 * <p>Two windows starting together over a socket file left by a killed window must not both replace it: the check
 * for a live listener, the removal of a stale file and the bind happen under a lock on {@value #LOCK} beside the
 * socket (mode 0600; a file lock between processes, and a monitor between threads of one process).
 *
 * <p>What arrives is untrusted text, as a link typed on the command line is: the listener passes on only a line of at
 * most {@link DeepLink#MAX_LINK} characters that {@linkplain DeepLink#looksLikeLink looks like a link}; the window
 * then parses and checks it as it does every link, and a link never runs anything.
 */
public final class LinkHandOff implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkHandOff.class);
    /** The socket's file name in the data folder. */
    public static final String SOCKET = "window.sock";
    /** How long a sender waits for the window's answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** How long the window waits for a sender's line: shorter, so one silent connection cannot time the next out. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    /** The lock file beside the socket, held while a window checks for a listener and binds. */
    public static final String LOCK = "window.sock.lock";
    /** How long the listener waits for the window to take a link: less than the sender's {@link #TIMEOUT}. */
    private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(3);
    /**
     * A connection is answered by this long before its sender gives up: a link the window takes later could also
     * be opened by the sender's own window. The sender's clock starts at its connect, which the acceptor accepts at
     * once, while links wait their turn.
     */
    private static final Duration ANSWER_BY = TIMEOUT.minusSeconds(1);
    /** Threads of one process: a file lock cannot be taken twice by one process. */
    private static final Object BIND_MONITOR = new Object();

    private final ServerSocketChannel server;
    private final Path socket;
    private final Taker links;
    private final Thread acceptor;
    private final Thread answerer;
    private final BlockingQueue<Accepted> accepted = new LinkedBlockingQueue<>();
    /** The socket file this listener bound (its file key and time), so closing never removes a later window's. */
    private final List<Object> socketIdentity;
    private volatile boolean closed;
    /** The answer the listener waits for, completed with false when the window closes meanwhile. */
    private volatile CompletableFuture<Boolean> pending;

    /**
     * A link handed over, and the runbook folders the sender checked it in (empty: the window's own), where the
     * window looks it up first.
     */
    public record Handed(String link, List<Path> folders) {
    }

    /** How the window takes a handed link. */
    @FunctionalInterface
    public interface Taker {
        /**
         * Called on the listener's thread, one link at a time in arrival order.
         *
         * @param taken complete with {@code true} once the window has queued the link on its UI thread, or with
         *              {@code false} when the window is closing; the listener completes it with {@code false} itself
         *              when the window closes or takes longer than a few seconds, and then the link must not be
         *              shown (complete it first and queue the link only when that returned {@code true})
         */
        void take(Handed handed, CompletableFuture<Boolean> taken);
    }

    private record Accepted(SocketChannel channel, long nanoTime) {
    }

    private LinkHandOff(ServerSocketChannel server, Path socket, Taker links, List<Object> socketIdentity) {
        this.server = server;
        this.socket = socket;
        this.links = links;
        this.socketIdentity = socketIdentity;
        this.acceptor = new Thread(this::accept, "link-hand-off");
        acceptor.setDaemon(true);
        this.answerer = new Thread(this::answer, "link-hand-off-answer");
        answerer.setDaemon(true);
    }

    /** The socket of the window whose data folder is {@code dataDir}. */
    public static Path socketIn(Path dataDir) {
        return dataDir.resolve(SOCKET);
    }

    /**
     * Hands {@code url} to the window listening on {@code socket}.
     *
     * @return {@code true} when a window took it; {@code false} when none listens (no socket, a stale one left by a
     *         killed window, or no answer within {@link #TIMEOUT}) or the window is closing, and the caller opens its
     *         own window
     */
    public static boolean send(Path socket, String url) {
        return send(socket, url, List.of());
    }

    /**
     * Hands {@code url} to the window listening on {@code socket}, with the runbook folders it was checked in (the
     * window may show another workspace).
     *
     * @return as {@link #send(Path, String)}; also {@code false} when the socket is not this user's
     */
    public static boolean send(Path socket, String url, List<Path> folders) {
        if (!Files.exists(socket) || !HandOffFiles.ownedByThisUser(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(HandOffLine.bytes(HandOffLine.of(url, folders)));
            boolean taken = HandOffLine.OK.equals(HandOffLine.read(channel, 16, TIMEOUT));
            if (!taken) {
                LOG.warn("The open window did not take the link within {} s; opening another", TIMEOUT.toSeconds());
            }
            return taken;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("No window listens on {}: {}", socket, e.toString());
            return false;
        }
    }

    /**
     * Starts listening on {@code socket} unless a live window already does; a stale socket file (its window was
     * killed) is replaced. Each link handed over is passed to {@code links} on the listener's own thread, in arrival
     * order, and the sender is answered once {@code links} has taken or refused it.
     *
     * @return the listener (close it when the window closes: the socket file goes too), or empty when another
     *         window listens or the socket cannot be made (the window then simply takes no hand-offs)
     */
    public static Optional<LinkHandOff> listen(Path socket, Taker links) {
        return listen(socket, links, () -> { });
    }

    /** As {@link #listen(Path, Taker)}; {@code checked} runs between the check for a listener and the bind. */
    static Optional<LinkHandOff> listen(Path socket, Taker links, Runnable checked) {
        try {
            HandOffFiles.privateFolder(socket.getParent());
            ServerSocketChannel server;
            List<Object> identity;
            synchronized (BIND_MONITOR) {
                try (FileChannel lock = HandOffFiles.lockFile(socket.resolveSibling(LOCK));
                     FileLock held = HandOffFiles.lockWithin(lock, TIMEOUT)) {
                    if (held == null) {
                        LOG.warn("Another window held {} for {} s; this one takes no links", LOCK, TIMEOUT.toSeconds());
                        return Optional.empty();
                    }
                    if (Files.exists(socket)) {
                        if (HandOffFiles.answers(socket)) {
                            LOG.info("Another window listens on {}; this one takes no links", socket);
                            return Optional.empty();
                        }
                        checked.run();
                        Files.delete(socket);
                    } else {
                        checked.run();
                    }
                    server = HandOffFiles.bind(socket);
                    identity = HandOffFiles.identity(socket);
                }
            }
            LinkHandOff listener = new LinkHandOff(server, socket, links, identity);
            listener.acceptor.start();
            listener.answerer.start();
            return Optional.of(listener);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Links clicked while the window is open will open another window: cannot listen on {} ({})",
                    socket, e.toString());
            return Optional.empty();
        }
    }

    /** Accepts every connection at once, so each one's answer deadline starts when its sender started waiting. */
    private void accept() {
        while (!closed) {
            try {
                SocketChannel channel = server.accept();
                accepted.add(new Accepted(channel, System.nanoTime()));
                if (closed) {
                    drop();
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("A link hand-off failed: {}", e.toString());
                }
            }
        }
    }

    /** Answers the accepted connections one at a time, in arrival order, each before its sender gives up. */
    private void answer() {
        while (!closed) {
            Accepted next;
            try {
                next = accepted.poll(200, TimeUnit.MILLISECONDS); // not interrupted at the close: it ends a write
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            long deadline = next.nanoTime() + ANSWER_BY.toNanos();
            try (SocketChannel channel = next.channel()) {
                String line = HandOffLine.read(channel, HandOffLine.MAX_LINE, shorter(READ_TIMEOUT, deadline));
                if (line == null) {
                    LOG.debug("A connection sent no line of at most {} characters within {} ms", HandOffLine.MAX_LINE,
                            READ_TIMEOUT.toMillis()); // also a window checking that this one lives
                    continue;
                }
                Optional<Handed> handed = HandOffLine.handed(line);
                if (handed.isEmpty()) {
                    LOG.warn("Ignored a hand-off that is not a link ({} characters)", line.length());
                    continue;
                }
                boolean taken = take(handed.get(), shorter(TAKE_TIMEOUT, deadline));
                channel.write(HandOffLine.bytes(taken ? HandOffLine.OK : HandOffLine.CLOSING));
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("A link hand-off failed: {}", e.toString());
                }
            }
        }
    }

    /** {@code limit}, or less when {@code deadline} (a {@link System#nanoTime()}) comes sooner; never negative. */
    private static Duration shorter(Duration limit, long deadline) {
        return Duration.ofNanos(Math.max(0, Math.min(limit.toNanos(), deadline - System.nanoTime())));
    }

    /** Whether the window took {@code handed}: it answered true within {@code wait} and is not closing. */
    private boolean take(Handed handed, Duration wait) {
        if (wait.isZero()) {
            LOG.warn("A handed link waited too long behind others; its sender opens a window of its own");
            return false;
        }
        CompletableFuture<Boolean> taken = new CompletableFuture<>();
        pending = taken;
        if (closed) {
            taken.complete(false);
        }
        try {
            links.take(handed, taken);
            return taken.completeOnTimeout(false, wait.toMillis(), TimeUnit.MILLISECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken.complete(false);
            return false;
        } catch (ExecutionException | RuntimeException e) {
            taken.complete(false);
            LOG.warn("The window could not take a handed link: {}", e.toString());
            return false;
        } finally {
            pending = null;
        }
    }

    /**
     * Stops listening and removes the socket file if it is still this listener's: a window that started meanwhile
     * may have replaced it (this one no longer answered), and its socket stays.
     */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<Boolean> waiting = pending;
        if (waiting != null) {
            waiting.complete(false); // its sender opens a window of its own
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the link listener: {}", e.toString());
        }
        // A channel blocked in accept() is released only once its thread leaves it: until then the socket still
        // answers, and removeOwnSocket would leave the file (seen in CI on 2 loaded cores).
        if (Thread.currentThread() != acceptor) {
            try {
                acceptor.join(READ_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drop();
        removeOwnSocket();
    }

    /** Closes the connections not answered yet: their senders see the window gone and open their own at once. */
    private void drop() {
        for (Accepted a; (a = accepted.poll()) != null; ) {
            try {
                a.channel().close();
            } catch (IOException e) {
                LOG.debug("Closing a link hand-off: {}", e.toString());
            }
        }
    }

    /** Under the bind lock, so no window is between its check and its bind while the file goes. */
    private void removeOwnSocket() {
        if (socketIdentity == null) {
            return; // cannot tell whose it is: a stale file is replaced by the next window anyway
        }
        synchronized (BIND_MONITOR) {
            try (FileChannel lock = HandOffFiles.lockFile(socket.resolveSibling(LOCK));
                 FileLock held = HandOffFiles.lockWithin(lock, READ_TIMEOUT)) {
                // and not answering: an inode freed by a replacing window may be its new socket's
                if (held != null && socketIdentity.equals(HandOffFiles.identity(socket))
                        && !HandOffFiles.answers(socket)) {
                    Files.deleteIfExists(socket);
                }
            } catch (IOException e) {
                LOG.debug("Removing the link socket {}: {}", socket, e.toString());
            }
        }
    }
}
