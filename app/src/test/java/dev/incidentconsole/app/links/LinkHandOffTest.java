package dev.incidentconsole.app.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One window per user: a later launch with a link hands it to the open window over a real Unix domain socket. */
class LinkHandOffTest {
    private static final String LINK = "incident-console://alert?name=PodCrashLooping&label.namespace=lantern&label.pod=api-1";

    @TempDir
    Path dir;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<List<Path>> folders = new CopyOnWriteArrayList<>();
    private final List<LinkHandOff> listeners = new ArrayList<>();

    @AfterEach
    void closeListeners() {
        listeners.forEach(LinkHandOff::close);
    }

    private Path socket() {
        return LinkHandOff.socketIn(dir.resolve("data"));
    }

    private Optional<LinkHandOff> listen() {
        Optional<LinkHandOff> listener = LinkHandOff.listen(socket(), (handed, taken) -> {
            received.add(handed.link());
            folders.add(handed.folders());
            taken.complete(true);
        });
        listener.ifPresent(listeners::add);
        return listener;
    }

    @Test
    void openInAnotherProcessHandsTheLinkToTheOpenWindowAndExitsZero() throws Exception {
        assertThat(listen()).isPresent();
        Path runbooks = LinkRunbooks.write(dir.resolve("runbooks"));

        Process open = launch("open", LINK, "--runbooks", runbooks.toString());
        assertThat(open.waitFor(60, TimeUnit.SECONDS)).as("open exited").isTrue();
        assertThat(open.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();

        // What the desktop entry runs for a clicked link: the link alone.
        Process clicked = launch("incident-console://open?runbook=k8s/pods.md#Restart%20a%20deployment");
        assertThat(clicked.waitFor(60, TimeUnit.SECONDS)).as("link launch exited").isTrue();
        assertThat(clicked.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();

        assertThat(received).containsExactly(LINK, "incident-console://open?runbook=k8s/pods.md#Restart%20a%20deployment");
    }

    @Test
    void openTellsTheWindowWhichFolderItCheckedTheLinkIn() throws Exception {
        assertThat(listen()).isPresent();
        Path runbooks = LinkRunbooks.write(dir.resolve("runbooks"));
        Path other = Files.createDirectories(dir.resolve("other"));

        Process open = launch("open", LINK, "--runbooks", other.toString(), "--runbooks", runbooks.toString());
        assertThat(open.waitFor(60, TimeUnit.SECONDS)).as("open exited").isTrue();
        assertThat(open.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();

        assertThat(received).containsExactly(LINK);
        assertThat(folders).containsExactly(List.of(runbooks.toAbsolutePath(), other.toAbsolutePath()));
    }

    @Test
    void aHandOffLineIsALinkThenAbsoluteFoldersAndNothingElse() {
        assertThat(HandOffLine.handed(LINK + "\t/srv/runbooks")).contains(
                new LinkHandOff.Handed(LINK, List.of(Path.of("/srv/runbooks"))));
        assertThat(HandOffLine.handed(LINK)).contains(new LinkHandOff.Handed(LINK, List.of()));
        assertThat(HandOffLine.handed(LINK + "\trunbooks")).as("a relative folder").isEmpty();
        assertThat(HandOffLine.handed("rm -rf /\t/srv")).as("not a link").isEmpty();
        assertThat(HandOffLine.handed("incident-console://open?runbook=" + "a".repeat(DeepLink.MAX_LINK))).isEmpty();
    }

    @Test
    void theSocketsFolderIsTheOwnersOnly() throws Exception {
        assertThat(listen()).isPresent();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aLinkTheOpenCommandRefusesIsNeverHandedOver() throws Exception {
        assertThat(listen()).isPresent();
        Path runbooks = LinkRunbooks.write(dir.resolve("runbooks"));

        Process open = launch("open", "incident-console://open?runbook=../../etc/passwd.md", "--runbooks", runbooks.toString());
        assertThat(open.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(open.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("'..' is refused");
        assertThat(received).isEmpty();
    }

    @Test
    void withNoWindowListeningTheLaunchOpensItsOwn() {
        assertThat(LinkHandOff.send(socket(), LINK)).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void aSocketLeftByAKilledWindowIsReplacedByTheNextWindow() throws Exception {
        staleSocket();
        assertThat(socket()).exists();

        assertThat(LinkHandOff.send(socket(), LINK)).as("handed to a dead window").isFalse();
        assertThat(listen()).isPresent();
        assertThat(LinkHandOff.send(socket(), LINK)).isTrue();
        assertThat(received).containsExactly(LINK);
    }

    @Test
    void twoWindowsStartingTogetherOverAStaleSocketLeaveExactlyOneListening() throws Exception {
        staleSocket();
        List<Process> windows = List.of(listenerProcess(), listenerProcess());
        try {
            List<BufferedReader> outs = windows.stream().map(p -> new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))).toList();
            for (BufferedReader out : outs) {
                assertThat(line(out)).isEqualTo("ready");
            }
            for (Process window : windows) { // both released at once: each then checks, pauses a second and binds
                window.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                window.getOutputStream().flush();
            }
            List<String> said = List.of(outcome(outs.get(0)), outcome(outs.get(1)));

            assertThat(said).containsExactlyInAnyOrder("listening", "not listening");
            assertThat(LinkHandOff.send(socket(), LINK)).isTrue();
            assertThat(line(outs.get(said.indexOf("listening")))).isEqualTo("took " + LINK);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    socket().resolveSibling(LinkHandOff.LOCK)))).isEqualTo("rw-------");
        } finally {
            for (Process window : windows) {
                window.getOutputStream().close();
                if (!window.waitFor(30, TimeUnit.SECONDS)) {
                    window.destroyForcibly();
                }
            }
        }
    }

    /** A killed window leaves its socket file behind: closing a channel does not remove it. */
    private void staleSocket() throws IOException {
        Files.createDirectories(socket().getParent());
        ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        killed.bind(UnixDomainSocketAddress.of(socket()));
        killed.close();
    }

    @Test
    void aWindowStuckWhileBindingKeepsTheNextFromListeningOnlyForAWhile() throws Exception {
        Process stuck = listenerProcess(60_000); // takes the lock, then pauses a minute before binding
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(stuck.getInputStream(), StandardCharsets.UTF_8));
            assertThat(line(out)).isEqualTo("ready");
            stuck.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            stuck.getOutputStream().flush();
            assertThat(line(out)).isEqualTo("checked");

            long start = System.nanoTime();
            assertThat(listen()).as("no listening while another window holds the lock").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(20));
        } finally {
            stuck.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process listenerProcess() throws IOException {
        return listenerProcess(1000);
    }

    private Process listenerProcess(long pauseMillis) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LinkListenerMain.class.getName(), socket().toString(),
                Long.toString(pauseMillis)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Whether a child listens, past the line saying it found no live listener. */
    private static String outcome(BufferedReader out) throws Exception {
        String said = line(out);
        return "checked".equals(said) ? line(out) : said;
    }

    /** The next line a child prints, within a minute (a JVM starting on a loaded machine). */
    private static String line(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aSecondWindowLeavesTheFirstOneListening() {
        assertThat(listen()).isPresent();
        List<String> second = new ArrayList<>();

        assertThat(LinkHandOff.listen(socket(), (h, taken) -> second.add(h.link()))).isEmpty();
        assertThat(LinkHandOff.send(socket(), LINK)).isTrue();

        assertThat(received).containsExactly(LINK);
        assertThat(second).isEmpty();
    }

    @Test
    void theSocketIsTheUsersAloneAndGoesWhenTheWindowCloses() throws Exception {
        LinkHandOff listener = listen().orElseThrow();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-------");
        listener.close();

        assertThat(socket()).doesNotExist();
        assertThat(LinkHandOff.send(socket(), LINK)).isFalse();
    }

    @Test
    void whatIsNotALinkIsDroppedAndTheNextLinkStillArrives() throws Exception {
        assertThat(listen()).isPresent();

        assertThat(rawSend("rm -rf ~\n")).as("answer to a command").isEmpty();
        assertThat(rawSend("incident-console://open?runbook=" + "a".repeat(DeepLink.MAX_LINK) + ".md\n")).isEmpty();
        try (SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            // Connected but sending nothing: the listener gives up after its timeout and serves the next.
            assertThat(LinkHandOff.send(socket(), LINK)).isTrue();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received).containsExactly(LINK));
    }

    @Test
    void aWindowClosingWhenALinkArrivesSaysSoAndTheSenderOpensItsOwn() throws Exception {
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        // the window's UI thread never gets to the link: it is closing
        LinkHandOff listener = LinkHandOff.listen(socket(), (handed, taken) -> arrived.complete(null)).orElseThrow();
        listeners.add(listener);
        arrived.thenRunAsync(listener::close);

        long start = System.nanoTime();
        assertThat(rawSend(LINK + "\n")).isEqualTo("closing\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered at the close, not after a timeout")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theSenderHearsOkOnlyOnceTheWindowHasTakenTheLink() throws Exception {
        CompletableFuture<CompletableFuture<Boolean>> handedOver = new CompletableFuture<>();
        listeners.add(LinkHandOff.listen(socket(), (handed, taken) -> handedOver.complete(taken)).orElseThrow());
        CompletableFuture<Boolean> sent = CompletableFuture.supplyAsync(() -> LinkHandOff.send(socket(), LINK));

        CompletableFuture<Boolean> taken = handedOver.get(10, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertThat(sent).as("answered before the window took the link").isNotDone();
        taken.complete(true);

        assertThat(sent.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWindowRefusingTheLinkMakesTheSenderOpenItsOwn() {
        listeners.add(LinkHandOff.listen(socket(), (handed, taken) -> taken.complete(false)).orElseThrow());

        assertThat(LinkHandOff.send(socket(), LINK)).isFalse();
    }

    /**
     * A window whose UI thread takes almost the listener's whole wait for each link, and two links clicked together:
     * the second sender must hear "no" before it gives up, or it opens its own window and this one shows the link too.
     */
    @Test
    void twoSendersBehindASlowWindowEachHaveTheirLinkOpenedExactlyOnce() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        ScheduledExecutorService fxThread = Executors.newSingleThreadScheduledExecutor();
        try {
            listeners.add(LinkHandOff.listen(socket(), (handed, taken) -> fxThread.schedule(() -> {
                if (taken.complete(true)) { // as the window does: shown only when the listener still waits
                    shown.add(handed.link());
                }
            }, 2800, TimeUnit.MILLISECONDS)).orElseThrow()); // just inside the listener's 3 s wait
            String first = LINK;
            String second = LINK.replace("api-1", "api-2");
            CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> LinkHandOff.send(socket(), first));
            CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> LinkHandOff.send(socket(), second));

            Map<String, Boolean> handedOver = Map.of(first, a.get(20, TimeUnit.SECONDS), second, b.get(20, TimeUnit.SECONDS));
            Thread.sleep(4000); // the slow window would have shown a link it was too late for by now

            handedOver.forEach((link, taken) -> assertThat(shown.contains(link))
                    .as("%s shown by the open window exactly when its sender did not open its own", link)
                    .isEqualTo(taken));
            assertThat(handedOver).containsValue(true);
        } finally {
            fxThread.shutdownNow();
        }
    }

    @Test
    void aClosingWindowLeavesTheSocketOfTheWindowThatReplacedIt() throws Exception {
        LinkHandOff first = listen().orElseThrow();
        Files.delete(socket()); // as a window starting while this one stopped answering replaces it
        Thread.sleep(50);
        List<String> second = new CopyOnWriteArrayList<>();
        listeners.add(LinkHandOff.listen(socket(), (h, taken) -> {
            second.add(h.link());
            taken.complete(true);
        }).orElseThrow());

        first.close();

        assertThat(socket()).exists();
        assertThat(LinkHandOff.send(socket(), LINK)).isTrue();
        assertThat(second).containsExactly(LINK);
    }

    /** Sends {@code text} as it is and returns what the window answered before closing. */
    private String rawSend(String text) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            while (channel.read(answer) >= 0 && answer.hasRemaining()) {
                // until the window closes the connection
            }
            return new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8);
        }
    }

    private Process launch(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "-Dincident.data.dir=" + dir.resolve("data"), "-Dincident.config.dir=" + dir.resolve("config"),
                "dev.incidentconsole.app.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }
}
